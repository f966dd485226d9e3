package org.gridgov.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridgov.common.json.Json;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.common.validation.EventDecoder;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.score.AlertScoring;
import org.gridgov.simulator.score.ExpectedAlerts;
import org.gridgov.simulator.score.ScoredRule;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.RejectedInput;
import org.gridgov.streaming.alerts.input.RouteInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert graph over the generator's demo month at parallelism 2, scored against the planted ground truth:
 * precision and recall at least 0.95 per rule (the planted definitions are the rules' defaults, so 1.0 is expected).
 */
class AlertAccuracyIT {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    private static GeneratedInputs data;
    private static ConformedInputs conformed;
    private static List<AlertRecord> alerts;
    private static List<RejectedInput> rejected;
    private static JobExecutionResult result;

    @BeforeAll
    static void runOverTheDemoMonth() throws Exception {
        data = GeneratedInputs.of(GeneratorSpec.demo());
        // after the month, a petition of half a year earlier: far behind the watermark by then
        List<RawInput> records = new ArrayList<>(data.records);
        records.add(new RawInput(
                "raw.petition",
                0,
                999_999,
                1_800_000_000_000L,
                "XF-LATE-1",
                SampleRecords.json(SampleRecords.petitionBuilder()
                        .petitionId("XF-LATE-1")
                        .petitionTime(java.time.LocalDateTime.of(2023, 6, 1, 10, 0))
                        .build())));
        // what the job reads since issue 15: the loader's dwd records of them (the invalid ones are its dead letters)
        conformed = ConformedInputs.of(records, GeneratedInputs.SALT, GeneratedInputs.PARTITIONS);
        System.out.printf(
                "loader: %d raw records → %d dwd records and case events, %d dead letters, %d repeat calls"
                        + " of open problems%n",
                records.size(), conformed.records.size(), conformed.deadLetterTotal(), conformed.repeatCalls);
        StreamExecutionEnvironment env = TestEnv.create();
        AlertJob.configure(env, 1_000, PARALLELISM, 50, 10);
        CollectSink<AlertRecord> alertSink = new CollectSink<>("accuracy-alerts");
        AlertTopology.Outputs out = AlertTopology.build(
                new CollectionInputs(
                                conformed.records, List.of(), new InputDecoder(new PiiProtector(GeneratedInputs.SALT)))
                        .events(env),
                new CollectionInputs(List.of(), List.of(), null).registry(env),
                RuleParams.defaults().withBoundedInput(true));
        out.alerts().sinkTo(alertSink).name("collect-alerts").uid("collect-alerts");
        out.rejected()
                .sinkTo(new CollectSink<>("accuracy-rejected"))
                .name("collect-rejected")
                .uid("collect-rejected");
        result = env.execute("alert-accuracy");
        alerts = CollectSink.values("accuracy-alerts");
        rejected = CollectSink.values("accuracy-rejected");
    }

    /** The final version of every alert, as the warehouse keeps it. */
    private static List<AlertScoring.Raised> latest() {
        Map<String, AlertRecord> byId = new LinkedHashMap<>();
        for (AlertRecord a : alerts) {
            byId.merge(a.alertId, a, (x, y) -> x.version >= y.version ? x : y);
        }
        List<AlertScoring.Raised> out = new ArrayList<>();
        byId.values()
                .forEach(a -> out.add(new AlertScoring.Raised(
                        a.alertId, a.rule.code(), a.subjectKey, new LinkedHashSet<>(List.of(a.evidenceIds)))));
        return out;
    }

    @Test
    void everyPlantedRuleReachesPrecisionAndRecallOf95Percent() throws Exception {
        Path file = Files.createTempFile("ground-truth", ".json");
        try {
            data.truth.write(file);
            ExpectedAlerts expected = ExpectedAlerts.read(file, new PiiProtector(GeneratedInputs.SALT));
            Map<ScoredRule, AlertScoring.RuleScore> scores = AlertScoring.score(expected, latest());
            System.out.println("accuracy on the demo month: " + AlertScoring.line(scores));
            assertThat(scores).hasSize(5);
            scores.values().forEach(s -> {
                assertThat(s.planted()).as(s.rule().code()).isPositive();
                assertThat(s.precision()).as(s.toString()).isGreaterThanOrEqualTo(0.95);
                assertThat(s.recall()).as(s.toString()).isGreaterThanOrEqualTo(0.95);
                assertThat(s.evidenceRecall()).as(s.toString()).isGreaterThanOrEqualTo(0.95);
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void versionsOfAnAlertAreConsecutiveAndIdsUnique() {
        Map<String, List<Integer>> versions = new LinkedHashMap<>();
        alerts.forEach(
                a -> versions.computeIfAbsent(a.alertId, k -> new ArrayList<>()).add(a.version));
        versions.forEach((id, v) -> {
            v.sort(null);
            assertThat(v)
                    .as(id)
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, v.size())
                            .boxed()
                            .toList());
        });
        long raised = AlertJob.counts(result).entrySet().stream()
                .filter(e -> e.getKey().startsWith(AlertCounters.RAISED_PREFIX))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(raised).isEqualTo(versions.size());
    }

    @Test
    void escalationsCombineAKeyPersonsAlertsOneLevelHigher() {
        List<AlertRecord> escalations =
                alerts.stream().filter(a -> a.rule == AlertRule.ESCALATION).toList();
        // every planted cross-source person is a repeat petitioner seen by the police: both alerts, hence one 红
        assertThat(escalations)
                .hasSizeGreaterThanOrEqualTo(data.truth.crossSourcePersons().size());
        assertThat(escalations).allSatisfy(a -> assertThat(a.level.label()).isEqualTo("红"));
    }

    @Test
    void everyAlertIsAValidPlatformAlertWithoutClearPii() throws Exception {
        // every ID card and phone number of the input, in clear
        Set<String> clear = new java.util.HashSet<>();
        for (RawInput r : data.records) {
            com.fasterxml.jackson.databind.JsonNode n;
            try {
                n = Json.mapper().readTree(new String(r.value, java.nio.charset.StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException brokenOnPurpose) {
                continue;
            }
            for (String f : List.of("person_id_card", "caller_id_card", "person_phone", "caller_phone")) {
                if (n.hasNonNull(f) && n.get(f).asText().length() >= 11) {
                    clear.add(n.get(f).asText());
                }
            }
        }
        assertThat(clear).hasSizeGreaterThan(1000);
        Set<String> rules = new LinkedHashSet<>();
        for (AlertRecord a : alerts) {
            String json = Json.write(a.toAlert());
            assertThat(EventDecoder.alert(json).violations()).as(json).isEmpty();
            assertThat(clear.stream().filter(json::contains)).as(json).isEmpty();
            rules.add(a.rule.code());
        }
        assertThat(rules)
                .contains(
                        "repeat_petition",
                        "group_petition",
                        "repeat_call",
                        "cross_source",
                        "escalation",
                        "case_due_soon",
                        "case_overdue",
                        "case_overdue_escalated");
    }

    @Test
    void invalidAndLateRecordsAreCountedAndKeptWithTheirReason() {
        long invalidPlanted = data.truth.invalidRecords().entrySet().stream()
                .filter(e -> InputDecoder.TOPICS.contains(e.getKey().rawTopic()))
                .mapToLong(e -> e.getValue().count())
                .sum();
        // validate once: the invalid records are the loader's dead letters; the alert job sees none of them
        assertThat(conformed.deadLetterTotal()).isEqualTo(invalidPlanted);
        assertThat(rejected.stream().filter(r -> r.kind.equals(RejectedInput.INVALID)))
                .isEmpty();
        // late for the person rules and, as it names a company, for the group-petition rule
        List<RejectedInput> late =
                rejected.stream().filter(r -> r.kind.equals(RejectedInput.LATE)).toList();
        assertThat(late)
                .extracting(r -> r.inputId)
                .containsExactlyInAnyOrder("raw.petition:0:999999/petition", "raw.petition:0:999999/company-petition");
        assertThat(late).allSatisfy(r -> {
            assertThat(r.recordKey).isEqualTo("XF-LATE-1");
            assertThat(r.reason).contains("2023-06-01 10:00:00", "allowed lateness");
        });
        Map<String, Long> c = AlertJob.counts(result);
        // inputs = used + rejected + late: nothing vanishes
        assertThat(c.get(RouteInputs.INPUTS)).isEqualTo(data.records.size() + 1 - invalidPlanted);
        assertThat(c.get(RouteInputs.INPUTS)).isEqualTo(conformed.records.size());
        assertThat(c.get(RouteInputs.REJECTED)).isZero();
        assertThat(c.get(AlertCounters.LATE)).isEqualTo(2L);
    }
}

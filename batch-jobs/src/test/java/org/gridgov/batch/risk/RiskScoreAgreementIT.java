package org.gridgov.batch.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.batch.spark.SparkColumns.epochSecond;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.arrears.ArrearsRules;
import org.gridgov.batch.bench.AnalyticsBenchmark;
import org.gridgov.batch.petition.GroupPetitions;
import org.gridgov.batch.spark.BatchSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole risk computation ({@link RiskScoreJob#scores}) on the benchmark's generated sources — 20,000 persons with
 * 200,000 events, spread over several partitions — against the model recomputed in plain Java from the same rows:
 * every person's counts, score ({@link RiskModel#score}), top factors, rank (score descending, then person key) and
 * calibrated level ({@link LevelCalibration#level}). The key arrears cases are recomputed from the rules too; only the
 * group-petition flag is taken from {@link GroupPetitions#flag} (its own ITs check it).
 */
class RiskScoreAgreementIT {

    static final LocalDateTime AS_OF = LocalDateTime.of(2024, 3, 1, 0, 0);
    static final String MONTH = "2024-02";
    static final RiskModel MODEL = RiskModel.defaults();
    static final ArrearsRules RULES = ArrearsRules.defaults();
    static final LevelCalibration CALIBRATION = LevelCalibration.defaults();
    static final ZoneId ZONE = ZoneId.of(BatchSession.TIME_ZONE);

    private static SparkSession spark;
    private static List<Row> scored;
    private static long persons;
    private static Map<String, Expected> expected;

    /** One person's counts as the model reads them, the latest event time and the masked values at it. */
    static final class Expected {
        long petitions;
        long recent;
        long groups;
        long calls;
        long police;
        long conflict;
        long arrears;
        long keyArrears;
        final Set<String> petitionCategories = new HashSet<>();
        final Set<String> callCategories = new HashSet<>();
        long last = Long.MIN_VALUE;
        double score;
        long rank;

        RiskModel.Features features() {
            return new RiskModel.Features(
                    petitions,
                    petitions - petitionCategories.size(),
                    recent,
                    groups,
                    calls,
                    calls - callCategories.size(),
                    police,
                    conflict,
                    arrears,
                    keyArrears);
        }

        void seen(Timestamp t) {
            last = Math.max(last, t.getTime());
        }
    }

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        AnalyticsBenchmark.RiskInputs in = AnalyticsBenchmark.riskInputs(spark, 20_000, 200_000);
        try {
            try (RiskScoreJob.Scores s = RiskScoreJob.scores(
                    in.petitions(),
                    in.calls(),
                    in.incidents(),
                    in.arrears(),
                    AS_OF,
                    MODEL,
                    RULES,
                    CALIBRATION,
                    MONTH,
                    Timestamp.valueOf("2024-03-01 03:00:00"))) {
                scored = s.rows().collectAsList();
                persons = s.persons();
            }
            expected = expected(
                    GroupPetitions.flag(in.petitions(), MODEL.groupWindowHours(), MODEL.groupMinPersons())
                            .collectAsList(),
                    in.calls().collectAsList(),
                    in.incidents().collectAsList(),
                    in.arrears().collectAsList());
        } finally {
            in.petitions().unpersist();
            in.calls().unpersist();
            in.incidents().unpersist();
            in.arrears().unpersist();
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static long seconds(Timestamp t) {
        return Math.floorDiv(t.getTime(), 1000L);
    }

    private static boolean inWindow(Timestamp t, long from, long until) {
        return seconds(t) >= from && seconds(t) < until;
    }

    private static LocalDate day(Timestamp t) {
        return t.toInstant().atZone(ZONE).toLocalDate();
    }

    static Map<String, Expected> expected(List<Row> petitions, List<Row> calls, List<Row> incidents, List<Row> cases) {
        long asOf = epochSecond(AS_OF);
        long start = epochSecond(AS_OF.minusDays(MODEL.lookbackDays()));
        long recent = epochSecond(AS_OF.minusDays(MODEL.recentDays()));
        Map<String, Expected> out = new HashMap<>();
        for (Row p : petitions) {
            Timestamp t = p.getAs("petition_time");
            if (inWindow(t, start, asOf)) {
                Expected e = out.computeIfAbsent(p.getAs("person_key"), k -> new Expected());
                e.petitions++;
                e.petitionCategories.add(p.getAs("category_code"));
                e.recent += seconds(t) >= recent ? 1 : 0;
                e.groups += p.<Boolean>getAs("in_group") ? 1 : 0;
                e.seen(t);
            }
        }
        for (Row c : calls) {
            Timestamp t = c.getAs("accept_time");
            if (c.getAs("caller_key") != null && inWindow(t, start, asOf)) {
                Expected e = out.computeIfAbsent(c.getAs("caller_key"), k -> new Expected());
                e.calls++;
                e.callCategories.add(c.getAs("category_code"));
                e.seen(t);
            }
        }
        for (Row i : incidents) {
            Timestamp t = i.getAs("report_time");
            if (i.getAs("person_key") != null && inWindow(t, start, asOf)) {
                Expected e = out.computeIfAbsent(i.getAs("person_key"), k -> new Expected());
                e.police++;
                e.conflict += RiskScoreJob.CONFLICT_TYPES.contains(i.<String>getAs("incident_type")) ? 1 : 0;
                e.seen(t);
            }
        }
        Map<String, List<Row>> petitionsByCompany = new HashMap<>();
        for (Row p : petitions) {
            if (p.getAs("company_name") != null) {
                petitionsByCompany
                        .computeIfAbsent(p.getAs("company_name"), k -> new ArrayList<>())
                        .add(p);
            }
        }
        for (Row c : cases) {
            Timestamp t = c.getAs("report_time");
            if (inWindow(t, start, asOf)) {
                Expected e = out.computeIfAbsent(c.getAs("complainant_key"), k -> new Expected());
                e.arrears++;
                e.keyArrears +=
                        isKey(c, petitionsByCompany.getOrDefault(c.<String>getAs("company_name"), List.of()), asOf)
                                ? 1
                                : 0;
                e.seen(t);
            }
        }
        List<Map.Entry<String, Expected>> ranked = new ArrayList<>(out.entrySet());
        ranked.forEach(x -> x.getValue().score = MODEL.score(x.getValue().features()));
        ranked.sort(Comparator.<Map.Entry<String, Expected>>comparingDouble(x -> -x.getValue().score)
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; i < ranked.size(); i++) {
            ranked.get(i).getValue().rank = i + 1;
        }
        return out;
    }

    /** The key-case rule of ArrearsKeyCaseJob, case by case. */
    static boolean isKey(Row c, List<Row> companyPetitions, long asOf) {
        long windowStart = epochSecond(AS_OF.minusDays(RULES.petitionWindowDays()));
        long complainant = 0;
        long linkedGroups = 0;
        for (Row p : companyPetitions) {
            Timestamp t = p.getAs("petition_time");
            if (p.getAs("person_key").equals(c.getAs("complainant_key")) && inWindow(t, windowStart, asOf)) {
                complainant++;
            }
            if (p.<Boolean>getAs("in_group")
                    && seconds(t) < asOf
                    && Math.abs(ChronoUnit.DAYS.between(day(t), day(c.getAs("report_time"))))
                            <= RULES.groupLinkDays()) {
                linkedGroups++;
            }
        }
        Timestamp resolved = c.getAs("resolved_time");
        boolean resolvedAtEnd = "RESOLVED".equals(c.getAs("status")) && (resolved == null || seconds(resolved) < asOf);
        boolean longUnresolved = !resolvedAtEnd && asOf - seconds(c.getAs("report_time")) > RULES.staleDays() * 86_400L;
        return c.<Integer>getAs("worker_count") >= RULES.minWorkers()
                || c.<BigDecimal>getAs("amount_yuan").compareTo(RULES.minAmount()) >= 0
                || longUnresolved
                || complainant >= RULES.repeatPetitions()
                || linkedGroups >= 1;
    }

    /** "信访3次 +30；…": the three largest contributions, earlier factors first among equal points. */
    static String topFactors(RiskModel.Features f) {
        List<RiskModel.Contribution> all = MODEL.points(f);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).points() > 0) {
                order.add(i);
            }
        }
        order.sort(
                Comparator.<Integer>comparingDouble(i -> -all.get(i).points()).thenComparing(i -> i));
        List<String> parts = new ArrayList<>();
        for (int i : order.subList(0, Math.min(RiskScoreJob.TOP_FACTORS, order.size()))) {
            double p = Math.round(all.get(i).points() * 10) / 10.0;
            parts.add(all.get(i).label() + " +"
                    + (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)));
        }
        return String.join("；", parts);
    }

    @Test
    void everyPersonIsScoredOnceAndCounted() {
        assertThat(scored).hasSize(expected.size());
        assertThat(persons).isEqualTo(expected.size());
        assertThat(scored.stream()
                        .map(r -> r.<String>getAs("person_key"))
                        .distinct()
                        .count())
                .isEqualTo(expected.size());
    }

    @Test
    void countsScoresAndFactorsEqualThePlainJavaModel() {
        for (Row r : scored) {
            Expected e = expected.get(r.<String>getAs("person_key"));
            RiskModel.Features f = e.features();
            assertThat(new long[] {
                        r.<Integer>getAs("petition_cnt"),
                        r.<Integer>getAs("repeat_petition_cnt"),
                        r.<Integer>getAs("recent_petition_cnt"),
                        r.<Integer>getAs("group_petition_cnt"),
                        r.<Integer>getAs("hotline_cnt"),
                        r.<Integer>getAs("repeat_call_cnt"),
                        r.<Integer>getAs("police_cnt"),
                        r.<Integer>getAs("conflict_police_cnt"),
                        r.<Integer>getAs("arrears_cnt"),
                        r.<Integer>getAs("key_arrears_cnt")
                    })
                    .as(r.<String>getAs("person_key"))
                    .containsExactly(
                            f.petitions(),
                            f.repeatPetitions(),
                            f.recentPetitions(),
                            f.groupPetitions(),
                            f.hotlineCalls(),
                            f.repeatCalls(),
                            f.policeIncidents(),
                            f.conflictIncidents(),
                            f.arrearsComplaints(),
                            f.keyArrearsComplaints());
            assertThat(r.<BigDecimal>getAs("risk_score").doubleValue()).isEqualTo(e.score);
            assertThat(r.<String>getAs("top_factors")).isEqualTo(topFactors(f));
            assertThat(r.<Timestamp>getAs("last_event_time").getTime()).isEqualTo(e.last);
        }
    }

    @Test
    void ranksAndCalibratedLevelsEqualThePlainJavaRanking() {
        Map<String, Long> levels = new HashMap<>();
        for (Row r : scored) {
            Expected e = expected.get(r.<String>getAs("person_key"));
            assertThat(r.<Integer>getAs("risk_rank").longValue())
                    .as(r.<String>getAs("person_key"))
                    .isEqualTo(e.rank);
            String level = CALIBRATION.level(MODEL, e.score, e.rank, expected.size());
            assertThat(r.<String>getAs("risk_level")).isEqualTo(level);
            levels.merge(level, 1L, Long::sum);
        }
        // the seats decide here, not the thresholds alone: 20,000 persons give 100 red seats
        assertThat(levels.get(RiskModel.RED)).isEqualTo(CALIBRATION.redSeats(expected.size()));
    }
}

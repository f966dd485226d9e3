package org.gridgov.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.simulator.score.AlertScorer;
import org.gridgov.streaming.alerts.fanout.WebhookSettings;
import org.gridgov.streaming.alerts.fanout.WebhookSink;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.input.RouteInputs;
import org.gridgov.streaming.alerts.person.KeyPersonUpdate;
import org.gridgov.streaming.api.WebhookFormat;
import org.gridgov.streaming.odsloader.OdsLoaderJob;
import org.gridgov.streaming.odsloader.RecordToRows;
import org.gridgov.streaming.warehouse.WarehouseSink;
import org.gridgov.warehouse.AlertTables;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert job end to end at parallelism 2: a generated month in embedded Kafka → job on a MiniCluster → alerts in
 * an exactly-once Kafka topic, in MariaDB and pushed to a local DingTalk-style robot (com.sun.net.httpserver). Then
 * the job is killed mid-stream and restored from its checkpoint, and finally run again as a plain Java process:
 * the warehouse ends up with the same rows each time, nothing is duplicated and every alert is pushed once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertJobIT {

    private static final int PARALLELISM = 2;
    private static final String SALT = "alert-job-it-salt-0123456789";
    private static final String REGISTRY = Topics.KEY_PERSONS.name();
    private static final String ROBOT_SECRET = "SECit0123456789abcdef";
    private static final GeneratorSpec SPEC = new GeneratorSpec(20240301L, YearMonth.of(2024, 1), 1, 8_000, 0.02);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    private static EmbeddedKafka kafka;
    private static EmbeddedWarehouse warehouse;
    private static RobotReceiver robot;
    private static GroundTruth truth;
    private static Path truthFile;
    private static String registryPerson;
    private static String badCaseEventInput;
    private static JobExecutionResult firstRun;
    private static JobExecutionResult loaderRun;
    private static Map<String, String> reference;
    private static Set<String> referencePushes;

    @BeforeAll
    static void startStackAndPublish() throws Exception {
        kafka = EmbeddedKafka.start();
        warehouse = EmbeddedWarehouse.start();
        robot = RobotReceiver.start();
        // the registry topic is created compacted, with one partition, as the registry describes it
        kafka.createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR));
        kafka.createTopics(List.of("alerts-restore"), Topics.PARTITIONS);
        try (RawTopicPublisher publisher = new RawTopicPublisher(kafka.bootstrapServers())) {
            truth = new SyntheticDataGenerator(SPEC).generate(publisher::publish);
            publisher.flush();
        }
        truthFile = Files.createTempFile("alert-it-ground-truth", ".json");
        truth.write(truthFile);
        publishExtras();
        runLoader();
    }

    /**
     * Validate once (issue 15): the ODS loader, bounded, reads the raw topics and publishes what it accepts to the
     * dwd topics the alert job reads (the order of `gridgov demo`).
     */
    private static void runLoader() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        OdsLoaderJob.configure(env, 500, PARALLELISM);
        loaderRun = new OdsLoaderJob(
                        OdsLoaderJob.kafkaSource(kafka.bootstrapServers(), "it-loader", true),
                        new WarehouseSink(connection(), 500),
                        OdsLoaderJob.dwdKafkaSink(kafka.bootstrapServers()),
                        new PiiProtector(SALT))
                .execute(env);
    }

    /** Case-service events, a broken case event, a registry entry and an unreadable registry record. */
    private static void publishExtras() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            LocalDateTime t = LocalDateTime.of(2024, 1, 3, 9, 0);
            List<CaseEvent> events = List.of(
                    new CaseEvent(
                            1, "EV-1", "CS-IT-1", "case-service", CaseEventType.CREATED, t.plusDays(5), t, null, null),
                    new CaseEvent(
                            1,
                            "EV-2",
                            "CS-IT-1",
                            "case-service",
                            CaseEventType.CLOSED,
                            null,
                            t.plusDays(1),
                            null,
                            null),
                    new CaseEvent(
                            1, "EV-3", "CS-IT-2", "case-service", CaseEventType.CREATED, t.plusDays(2), t, null, null),
                    new CaseEvent(
                            1,
                            "EV-4",
                            "CS-IT-2",
                            "case-service",
                            CaseEventType.PAUSED,
                            null,
                            t.plusHours(5),
                            null,
                            null),
                    new CaseEvent(
                            1, "EV-5", "CS-IT-3", "case-service", CaseEventType.CREATED, t.plusDays(2), t, null, null),
                    // processed long after its deadline: its own records prove it overdue
                    new CaseEvent(
                            1,
                            "EV-6",
                            "CS-IT-3",
                            "case-service",
                            CaseEventType.PROCESSED,
                            null,
                            t.plusDays(17),
                            "街道办",
                            null),
                    // nothing after its creation: in a bounded run nothing proves it late
                    new CaseEvent(
                            1, "EV-7", "CS-IT-4", "case-service", CaseEventType.CREATED, t.plusDays(2), t, null, null));
            for (CaseEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), 0, e.caseId(), Json.write(e)));
            }
            RecordMetadata bad = producer.send(new ProducerRecord<>(
                            Topics.CASE_EVENTS.name(), 1, "CS-IT-9", "{\"schema_version\":1,\"event_id\":\"EV-9\""))
                    .get();
            badCaseEventInput = bad.topic() + ":" + bad.partition() + ":" + bad.offset();
            registryPerson = new PiiProtector(SALT)
                    .idCardKey(truth.crossSourcePersons().get(0).idCard());
            producer.send(new ProducerRecord<>(
                            REGISTRY,
                            registryPerson,
                            KeyPersonUpdate.add(registryPerson, AlertLevel.RED, "在册重点人员")
                                    .toJson()))
                    .get();
            producer.send(new ProducerRecord<>(REGISTRY, "x", "{\"person_key\":\"not-a-key\"}"))
                    .get();
        }
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (robot != null) {
            robot.close();
        }
        if (warehouse != null) {
            warehouse.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (truthFile != null) {
            Files.deleteIfExists(truthFile);
        }
    }

    private static WarehouseSettings connection() {
        return new WarehouseSettings(
                warehouse.jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD, SqlDialect.MYSQL);
    }

    private static WebhookSettings robotSettings() {
        return new WebhookSettings(
                WebhookFormat.DINGTALK,
                robot.url() + "?access_token=it-token",
                ROBOT_SECRET,
                AlertLevel.ORANGE,
                20,
                30,
                5);
    }

    private static JobExecutionResult runJob(String groupId, String alertsTopic, boolean failOnce) throws Exception {
        int restarts = failOnce ? 1 : 0;
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, restarts == 0 ? "none" : "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restarts);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(c);
        AlertJob.configure(env, 300, PARALLELISM, 50, 10);
        AlertInputs kafkaInputs =
                new KafkaAlertInputs(kafka.bootstrapServers(), groupId, true, InputDecoder.dwd(), REGISTRY, 0, 0);
        AlertInputs inputs = !failOnce
                ? kafkaInputs
                : new AlertInputs() {
                    @Override
                    public DataStream<InputEvent> events(StreamExecutionEnvironment e) {
                        // slowed down, and killed once a few thousand records after a completed checkpoint
                        return kafkaInputs
                                .events(e)
                                .map(new FailOnceMap(1_500, 1), TypeInformation.of(InputEvent.class))
                                .name("fail-once")
                                .uid("fail-once");
                    }

                    @Override
                    public DataStream<KeyPersonUpdate> registry(StreamExecutionEnvironment e) {
                        return kafkaInputs.registry(e);
                    }
                };
        AlertTopology.Sinks sinks = new AlertTopology.Sinks(
                AlertJob.kafkaSink(
                        kafka.bootstrapServers(), DeliveryGuarantee.EXACTLY_ONCE, groupId + "-tx", alertsTopic),
                new WarehouseSink(connection(), 50),
                new WebhookSink(robotSettings(), connection()));
        return new AlertJob(inputs, sinks, RuleParams.defaults().withBoundedInput(true)).execute(env);
    }

    private static synchronized void firstRun() throws Exception {
        if (firstRun == null) {
            firstRun = runJob("it-first", Topics.ALERTS.name(), false);
            reference = dump(AlertTables.ADS_ALERT_EVENT);
            referencePushes = robot.pushedAlertIds().keySet();
        }
    }

    // ---- the first run ---------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void alertsOfEveryRuleLandInTheWarehouse() throws Exception {
        firstRun();
        Map<String, Long> byRule = reference.values().stream()
                .collect(Collectors.groupingBy(r -> r.split("\\|")[1], TreeMap::new, Collectors.counting()));
        assertThat(byRule.keySet())
                .contains(
                        "repeat_petition",
                        "group_petition",
                        "repeat_call",
                        "cross_source",
                        "escalation",
                        "case_due_soon",
                        "case_overdue",
                        "case_overdue_escalated");
        assertThat(reference).hasSize((int) AlertJob.counts(firstRun).entrySet().stream()
                .filter(e -> e.getKey().startsWith(AlertCounters.RAISED_PREFIX))
                .mapToLong(Map.Entry::getValue)
                .sum());
    }

    @Test
    @Order(2)
    void theScorerFindsEveryPlantedIncident() throws Exception {
        firstRun();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AlertScorer.run(
                new String[] {
                    "--alerts.score.ground-truth=" + truthFile,
                    "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                    "--warehouse.dialect=mysql",
                    "--warehouse.user=root",
                    "--warehouse.password=" + EmbeddedWarehouse.PASSWORD,
                    "--pii.salt=" + SALT
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(line + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(line.lines().toList())
                .singleElement()
                .asString()
                .startsWith("alert score: repeat_petition P=1.000 R=1.000")
                .contains(
                        "group_petition P=1.000 R=1.000",
                        "repeat_call P=1.000 R=1.000",
                        "cross_source P=1.000 R=1.000",
                        "case_overdue ",
                        "every rule reaches 0.95");
    }

    @Test
    @Order(3)
    void theAlertsTopicHoldsEveryVersionOnceReadCommitted() throws Exception {
        firstRun();
        List<ConsumerRecord<String, String>> records = readTopic(Topics.ALERTS.name());
        assertThat(records).extracting(ConsumerRecord::value).doesNotHaveDuplicates();
        Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            latest.put(r.key(), Json.mapper().readTree(r.value()));
        }
        assertThat(latest.keySet()).isEqualTo(reference.keySet());
        latest.forEach((id, alert) -> {
            List<String> evidence = new ArrayList<>();
            alert.path("evidence_ids").forEach(n -> evidence.add(n.asText()));
            assertThat(reference.get(id))
                    .contains("|" + alert.path("level").asText() + "|", "|" + String.join(",", evidence) + "|");
        });
    }

    @Test
    @Order(4)
    void everyAlertOfOrangeAndAboveIsPushedOnceSigned() throws Exception {
        firstRun();
        Set<String> pushable = new TreeSet<>();
        reference.forEach((id, row) -> {
            String level = row.split("\\|")[2];
            if (level.equals("RED") || level.equals("ORANGE")) {
                pushable.add(id);
            }
        });
        Map<String, Integer> pushed = robot.pushedAlertIds();
        assertThat(pushed.keySet()).isEqualTo(pushable);
        assertThat(pushed.values()).containsOnly(1);
        assertThat(robot.messages()).allSatisfy(m -> {
            assertThat(m.query().get("access_token")).isEqualTo("it-token");
            long ts = Long.parseLong(m.query().get("timestamp"));
            assertThat(m.rawQuery()).contains("&sign=" + WebhookFormat.sign(ts, ROBOT_SECRET));
            assertThat(m.body().path("msgtype").asText()).isEqualTo("markdown");
        });
        // more alerts than the 20 per minute the robot takes: the rest went out in digests
        assertThat(robot.messages()).anySatisfy(m -> assertThat(
                        m.body().path("markdown").path("text").asText())
                .contains("预警汇总"));
        Map<String, String> log = dump(AlertTables.AUDIT_ALERT_PUSH);
        assertThat(log.keySet())
                .isEqualTo(pushable.stream().map(id -> id + "|dingtalk").collect(Collectors.toSet()));
        assertThat(log.values()).allSatisfy(r -> assertThat(r.split("\\|")[2]).isIn("SENT", "DIGESTED"));
    }

    @Test
    @Order(5)
    void theRegistryListsAKeyPersonWhileRunning() throws Exception {
        firstRun();
        List<String> hits = reference.values().stream()
                .filter(r -> r.contains("|cross_source|") && r.contains("|" + registryPerson + "|"))
                .toList();
        assertThat(hits).isNotEmpty().allSatisfy(r -> assertThat(r.split("\\|")[2])
                .isEqualTo("RED"));
    }

    @Test
    @Order(6)
    void invalidInputsAreKeptWithTheirReason() throws Exception {
        firstRun();
        Map<String, String> rejected = dump(AlertTables.DLQ_ALERT_INPUT);
        assertThat(rejected.get(badCaseEventInput)).contains("|INVALID|case.events|CS-IT-9|", "not valid JSON");
        long invalidPlanted = truth.invalidRecords().entrySet().stream()
                .filter(e -> InputDecoder.TOPICS.contains(e.getKey().rawTopic()))
                .mapToLong(e -> e.getValue().count())
                .sum();
        // validate once: the planted broken records are the loader's dead letters (dlq_record), never read here
        long loaderDeadLetters = dump(WarehouseSchema.DLQ_RECORD).keySet().stream()
                .filter(id ->
                        InputDecoder.TOPICS.stream().anyMatch(t -> t.startsWith("raw.") && id.startsWith(t + ":")))
                .count();
        assertThat(loaderDeadLetters).isEqualTo(invalidPlanted);
        // the alert job's own: the broken case event and the unreadable registry record
        assertThat(rejected.values().stream().filter(r -> r.contains("|INVALID|")))
                .hasSize(2);
        assertThat(rejected.values()).anySatisfy(r -> assertThat(r).contains("|INVALID|key-persons|", "salted"));
        assertThat(AlertJob.counts(firstRun).get(RouteInputs.REJECTED)).isEqualTo(1L);
        assertThat(loaderRun.<Long>getAccumulatorResult(RecordToRows.DEAD_LETTERS))
                .isGreaterThanOrEqualTo(invalidPlanted);
    }

    @Test
    @Order(7)
    void caseServiceEventsDriveTheOverdueTimers() throws Exception {
        firstRun();
        Map<String, List<String>> bySubject = new HashMap<>();
        reference.values().forEach(r -> {
            String[] f = r.split("\\|");
            bySubject.computeIfAbsent(f[5], k -> new ArrayList<>()).add(f[1]);
        });
        assertThat(bySubject.get("CS-IT-3"))
                .containsExactlyInAnyOrder("case_due_soon", "case_overdue", "case_overdue_escalated");
        assertThat(bySubject).doesNotContainKeys("CS-IT-1", "CS-IT-2", "CS-IT-4");
    }

    // ---- kill and restore ------------------------------------------------------------------------------------

    @Test
    @Order(8)
    void killedMidStreamAndRestoredFromTheCheckpointNothingIsMissingOrDuplicated() throws Exception {
        firstRun();
        truncate(AlertTables.ADS_ALERT_EVENT, AlertTables.DLQ_ALERT_INPUT, AlertTables.AUDIT_ALERT_PUSH);
        robot.reset();
        FailOnceMap.reset();

        runJob("it-restore", "alerts-restore", true);

        assertThat(FailOnceMap.failed())
                .as("the job failed once and was restored from a checkpoint")
                .isTrue();
        assertThat(FailOnceMap.checkpointsBeforeFailure())
                .as("a checkpoint completed before")
                .isPositive();
        assertThat(FailOnceMap.recordsBeforeFailure())
                .as("the failure came mid-stream")
                .isPositive()
                .isLessThan((int) (truth.emitted(SourceType.PETITION)
                        + truth.emitted(SourceType.HOTLINE)
                        + truth.emitted(SourceType.POLICE)));
        // 0 missing, 0 duplicated: the same rows, value for value
        assertThat(dump(AlertTables.ADS_ALERT_EVENT)).isEqualTo(reference);
        // 0 duplicate pushes: every pushable alert once, as in the first run
        Map<String, Integer> pushed = robot.pushedAlertIds();
        assertThat(pushed.keySet()).isEqualTo(referencePushes);
        assertThat(pushed.values()).containsOnly(1);
        // the transactional topic shows each version once to read_committed consumers
        List<ConsumerRecord<String, String>> records = readTopic("alerts-restore");
        assertThat(records)
                .extracting(ConsumerRecord::value)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(readTopic(Topics.ALERTS.name()).stream()
                        .map(ConsumerRecord::value)
                        .toList());
    }

    // ---- main as the launcher starts it -----------------------------------------------------------------------

    @Test
    @Order(9)
    void mainAsAPlainJavaProcessReplaysWithoutChangesAndWithoutPushingAgain() throws Exception {
        firstRun();
        robot.reset();
        Map<String, String> env = new HashMap<>();
        // no GRIDGOV_PII_SALT: the job reads person keys and computes none
        env.put("GRIDGOV_WAREHOUSE_PASSWORD", EmbeddedWarehouse.PASSWORD);
        env.put("GRIDGOV_ALERTS_WEBHOOK_URL", robot.url() + "?access_token=it-token");
        env.put("GRIDGOV_ALERTS_WEBHOOK_SECRET", ROBOT_SECRET);
        Launched run = launch(
                env,
                "--kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                "--warehouse.dialect=mysql",
                "--warehouse.user=root",
                "--alerts.bounded=true",
                "--alerts.group-id=it-main",
                "--alerts.checkpoint-interval=500ms",
                "--alerts.kafka.transactional-id-prefix=it-main");

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout.lines().toList())
                .singleElement()
                .asString()
                .matches("gridgov-alerts finished in [0-9.]+ s: \\d+ inputs, \\d+ rejected, \\d+ late; "
                        + reference.size()
                        + " alerts raised \\(repeat_petition \\d+, group_petition \\d+, repeat_call \\d+, "
                        + "cross_source \\d+, key_person_petition \\d+, escalation \\d+, case_due_soon \\d+, "
                        + "case_overdue \\d+, "
                        + "case_overdue_escalated \\d+, case_response_overdue \\d+\\), \\d+ updates");
        assertThat(dump(AlertTables.ADS_ALERT_EVENT)).isEqualTo(reference);
        assertThat(robot.messages()).isEmpty();
    }

    @Test
    @Order(10)
    void mainWithABadSettingFailsFastNamingTheKey() throws Exception {
        Launched run = launch(
                Map.of(), "--kafka.bootstrap-servers=127.0.0.1:1", "--alerts.bounded=true", "--alerts.parallelism=0");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("alerts.parallelism").doesNotContain("Exception");
        assertThat(run.stdout).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static List<ConsumerRecord<String, String>> readTopic(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** Rows by key columns ("a|b"), each row as all its values joined by "|". */
    private static Map<String, String> dump(Table t) throws Exception {
        Map<String, String> out = new TreeMap<>();
        String cols = t.columnNames().stream().map(SqlDialect::quote).collect(Collectors.joining(", "));
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + cols + " FROM " + SqlDialect.quote(t.name()))) {
            while (rs.next()) {
                String[] v = new String[t.columns().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rs.getString(i + 1);
                }
                String key = t.keyColumns().stream().map(k -> v[t.position(k)]).collect(Collectors.joining("|"));
                out.put(key, String.join("|", v));
            }
        }
        return out;
    }

    private static void truncate(Table... tables) throws Exception {
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement()) {
            for (Table t : tables) {
                s.execute("DELETE FROM " + SqlDialect.quote(t.name()));
            }
        }
    }

    private record Launched(int exitCode, String stdout, String stderr) {}

    /** Starts main as the launcher does: {@code java -cp <shaded jar>:<engine classpath> AlertJob}. */
    private static Launched launch(Map<String, String> env, String... args) throws Exception {
        Path classes = Path.of(AlertJob.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path jar;
        if (classes.toString().endsWith(".jar")) {
            jar = classes;
        } else {
            try (var files = Files.list(classes.getParent())) {
                jar = files.filter(f -> f.getFileName().toString().matches("gridgov-streaming-jobs-.*\\.jar"))
                        .findFirst()
                        .orElse(classes.resolveSibling("missing.jar"));
            }
        }
        Path engine = jar.resolveSibling("engine-classpath.txt");
        assertThat(jar).as("failsafe runs after package").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Duser.timezone=Asia/Shanghai",
                "-cp",
                jar + java.io.File.pathSeparator + Files.readString(engine).trim(),
                AlertJob.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("GRIDGOV_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("alert-job", ".out");
        Path err = Files.createTempFile("alert-job", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                throw new AssertionError("main did not exit within 180 s; stderr: " + Files.readString(err));
            }
            return new Launched(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

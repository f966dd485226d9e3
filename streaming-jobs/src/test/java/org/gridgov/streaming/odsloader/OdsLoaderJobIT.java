package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.loading.OdsMapper;
import org.gridgov.streaming.warehouse.WarehouseSink;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The loader end to end at parallelism 2: embedded Kafka → job on a MiniCluster → embedded MariaDB. Every input
 * record must end up as its rows or as one dead letter, and a second run over the same topics must change nothing.
 */
class OdsLoaderJobIT {

    private static final int PARALLELISM = 2;
    private static final int VALID_PER_SOURCE = 60;
    /** Small enough that size-triggered batches happen between checkpoint flushes. */
    private static final int BATCH_SIZE = 16;
    /** Case-service cases walked through their lifecycle on case.events ({@link CaseWalks}). */
    private static final int CASES = 30;

    private static final int CASE_EVENTS = CASES * CaseWalks.EVENTS_PER_CASE;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    private static EmbeddedKafka kafka;
    private static EmbeddedWarehouse warehouse;
    private static final List<String> CLEAR_PII = new ArrayList<>();
    /** Expected dead letters: dlq_id (topic:partition:offset) → a fragment of the reason. */
    private static final Map<String, String> EXPECTED_DEAD = new TreeMap<>();

    private static int produced;
    private static JobExecutionResult firstRun;
    private static Map<String, List<String>> afterFirstRun;
    /** The dwd topics after the first run: topic → values (Avro bytes as ISO-8859-1 text, for comparing). */
    private static Map<String, List<String>> dwdAfterFirstRun;

    private static Map<String, List<DwdRecord>> dwdRecordsAfterFirstRun;

    @BeforeAll
    static void startStackAndProduce() throws Exception {
        kafka = EmbeddedKafka.start();
        warehouse = EmbeddedWarehouse.start();
        kafka.createTopics(OdsLoaderJob.loadedTopics(), 2);
        kafka.createTopics(OdsLoaderJob.dwdTopics(), 2);
        produce();
    }

    @AfterAll
    static void stopStack() {
        if (warehouse != null) {
            warehouse.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void produce() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("acks", "all");
        p.put("linger.ms", "5");
        Map<Future<RecordMetadata>, String> deadLetters = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (SourceType s : SourceType.values()) {
                for (int i = 0; i < VALID_PER_SOURCE; i++) {
                    send(producer, s, TestRecords.recordId(s, i), TestRecords.utf8(TestRecords.valid(s, i)));
                    CLEAR_PII.add(TestRecords.idCard(i));
                    CLEAR_PII.add(TestRecords.mobile(i));
                }
                for (TestRecords.Invalid bad : TestRecords.invalid(s, VALID_PER_SOURCE + 1)) {
                    deadLetters.put(send(producer, s, bad.key(), bad.value()), bad.reasonFragment());
                }
                CLEAR_PII.add(TestRecords.idCard(VALID_PER_SOURCE + 1));
                CLEAR_PII.add(TestRecords.mobile(VALID_PER_SOURCE + 1));
            }
            // the same hotline case delivered twice, byte for byte
            send(
                    producer,
                    SourceType.HOTLINE,
                    TestRecords.recordId(SourceType.HOTLINE, 0),
                    TestRecords.utf8(TestRecords.valid(SourceType.HOTLINE, 0)));
            // case-service lifecycles, keyed by case id as the outbox relay publishes them
            for (int i = 0; i < CASES; i++) {
                for (RawRecord r : CaseWalks.records(i, 0)) {
                    sendCaseEvent(producer, r.key, r.value);
                }
            }
            deadLetters.put(sendCaseEvent(producer, "CS-BAD", "{\"case_id\":"), "not valid JSON");
            RawRecord misKeyed = CaseWalks.records(CASES + 1, 0).get(0);
            deadLetters.put(sendCaseEvent(producer, "CS-OTHER", misKeyed.value), "does not match the Kafka key");
            // an exporter that writes GBK, and a tombstone
            deadLetters.put(send(producer, SourceType.HOTLINE, "gbk", TestRecords.gbk(7)), "not valid UTF-8");
            deadLetters.put(send(producer, SourceType.POLICE, "gone", null), "expected a JSON object");
            producer.flush();
        }
        for (Map.Entry<Future<RecordMetadata>, String> e : deadLetters.entrySet()) {
            RecordMetadata m = e.getKey().get();
            EXPECTED_DEAD.put(m.topic() + ":" + m.partition() + ":" + m.offset(), e.getValue());
        }
    }

    private static Future<RecordMetadata> send(
            KafkaProducer<byte[], byte[]> producer, SourceType s, String key, byte[] value) {
        produced++;
        return producer.send(new ProducerRecord<>(s.rawTopic(), key == null ? null : TestRecords.utf8(key), value));
    }

    private static Future<RecordMetadata> sendCaseEvent(
            KafkaProducer<byte[], byte[]> producer, String key, String value) {
        produced++;
        return producer.send(new ProducerRecord<>(CaseWalks.TOPIC, TestRecords.utf8(key), TestRecords.utf8(value)));
    }

    private static WarehouseSink warehouseSink() {
        return new WarehouseSink(
                new WarehouseSettings(
                        warehouse.jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD, SqlDialect.MYSQL),
                BATCH_SIZE);
    }

    private static JobExecutionResult runLoader(String groupId) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        OdsLoaderJob.configure(env, 500, PARALLELISM);
        return new OdsLoaderJob(
                        OdsLoaderJob.kafkaSource(kafka.bootstrapServers(), groupId, true),
                        warehouseSink(),
                        OdsLoaderJob.dwdKafkaSink(kafka.bootstrapServers()),
                        new PiiProtector(TestRecords.SALT))
                .execute(env);
    }

    /** Every record of the dwd topics, decoded into {@code records}; returns the raw values per topic. */
    private static Map<String, List<String>> readDwd(Map<String, List<DwdRecord>> records) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("enable.auto.commit", "false");
        Map<String, List<String>> out = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : OdsLoaderJob.dwdTopics()) {
                List<TopicPartition> parts = c.partitionsFor(topic).stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                Map<TopicPartition, Long> end = c.endOffsets(parts);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                List<String> values = new ArrayList<>();
                while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                        DwdRecord d = Topics.dwd(SourceType.HOTLINE)
                                .valueSerde()
                                .deserializer()
                                .deserialize(topic, r.value());
                        assertThat(r.key())
                                .as("keyed by person, else record id")
                                .isEqualTo(d.kafkaKey());
                        records.computeIfAbsent(topic, t -> new ArrayList<>()).add(d);
                        values.add(new String(r.value(), StandardCharsets.ISO_8859_1));
                    }
                }
                out.put(topic, values);
            }
        }
        return out;
    }

    @Test
    void everyAcceptedRecordIsPublishedConformedOnItsDwdTopicWithoutClearPii() throws Exception {
        loadOnce();

        for (SourceType s : SourceType.values()) {
            List<DwdRecord> records = dwdRecordsAfterFirstRun.getOrDefault(s.dwdTopic(), List.of());
            assertThat(records.stream().map(DwdRecord::recordId).distinct())
                    .as(s.name())
                    .hasSize(VALID_PER_SOURCE);
            assertThat(records).allSatisfy(r -> {
                assertThat(r.source()).isEqualTo(s);
                assertThat(r.position()).startsWith(s.rawTopic() + ":");
                assertThat(r.personKey())
                        .as("a salted key, never an ID number")
                        .satisfiesAnyOf(
                                k -> assertThat(k).isNull(), k -> assertThat(k).matches("[0-9a-f]{32}"));
                assertThat(r.eventTime()).isPositive();
            });
        }
        // the hotline case delivered twice (another offset) is published once or twice, depending on whether the
        // marker's decision came between the two deliveries (the join sends the latest snapshot): consumers dedup by id
        assertThat(dwdRecordsAfterFirstRun.get(SourceType.HOTLINE.dwdTopic()).size())
                .isBetween(VALID_PER_SOURCE, VALID_PER_SOURCE + 1);
        assertThat(dwdRecordsAfterFirstRun.get(SourceType.HOTLINE.dwdTopic())).allSatisfy(r -> {
            assertThat(r.gridCode()).as("located once, by the loader").isNotNull();
            assertThat(r.acceptTime()).isEqualTo(r.eventTime());
        });
        // no clear ID card or mobile number in any value (Avro strings are UTF-8 in the bytes)
        List<String> problems = new ArrayList<>();
        dwdAfterFirstRun.forEach((topic, values) -> values.forEach(v -> {
            String text = new String(v.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            CLEAR_PII.stream().filter(text::contains).forEach(pii -> problems.add(topic + " holds " + pii));
        }));
        assertThat(problems).isEmpty();
    }

    private static synchronized void loadOnce() throws Exception {
        if (firstRun == null) {
            firstRun = runLoader("it-first-load");
            afterFirstRun = dump();
            dwdRecordsAfterFirstRun = new TreeMap<>();
            dwdAfterFirstRun = readDwd(dwdRecordsAfterFirstRun);
        }
    }

    @Test
    void everyRecordBecomesItsRowsOrOneDeadLetter() throws Exception {
        loadOnce();

        for (SourceType s : SourceType.values()) {
            assertThat(count(OdsMapper.odsTable(s))).as(s.name()).isEqualTo(VALID_PER_SOURCE);
        }
        assertThat(count(WarehouseSchema.DWD_HOTLINE_CASE)).isEqualTo(VALID_PER_SOURCE);
        assertThat(count(WarehouseSchema.DLQ_RECORD)).isEqualTo(EXPECTED_DEAD.size());

        assertThat(count(CaseTables.ODS_CASE_EVENT)).isEqualTo(CASE_EVENTS);
        assertThat(count(CaseTables.DWD_CASE)).isEqualTo(CASES);

        // reconciliation: input = distinct ODS rows + case events + dead letters + the one duplicate delivery
        int ods = SourceType.values().length * VALID_PER_SOURCE;
        assertThat(produced).isEqualTo(ods + CASE_EVENTS + EXPECTED_DEAD.size() + 1);
        Long valid = firstRun.getAccumulatorResult(RecordToRows.VALID);
        Long caseEvents = firstRun.getAccumulatorResult(CaseEventsToRows.VALID);
        long dead = firstRun.<Long>getAccumulatorResult(RecordToRows.DEAD_LETTERS)
                + firstRun.<Long>getAccumulatorResult(CaseEventsToRows.DEAD_LETTERS);
        assertThat(valid).isEqualTo(ods + 1L);
        assertThat(caseEvents).isEqualTo(CASE_EVENTS);
        assertThat(dead).isEqualTo(EXPECTED_DEAD.size());
        assertThat(valid + caseEvents + dead).isEqualTo(produced);
    }

    @Test
    void everyWalkedCaseHasItsStepDurationsAndCountsInDwdCase() throws Exception {
        loadOnce();

        List<String> rows = new ArrayList<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT case_id, dispatch_minutes, handle_minutes, verify_minutes,"
                        + " review_minutes, total_minutes, rejected_cnt, supervised_cnt, event_cnt, is_closed, status"
                        + " FROM dwd_case ORDER BY case_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/"
                        + rs.getLong(5) + "/" + rs.getLong(6) + " r" + rs.getInt(7) + " s" + rs.getInt(8) + " e"
                        + rs.getInt(9) + " " + rs.getInt(10) + rs.getString(11));
            }
        }
        assertThat(rows).hasSize(CASES).allSatisfy(r -> assertThat(r)
                .endsWith(" 30/450/120/120/720 r1 s2 e" + CaseWalks.EVENTS_PER_CASE + " 1CLOSED"));
    }

    @Test
    void deadLettersAreKeyedByKafkaPositionAndSayWhy() throws Exception {
        loadOnce();

        Map<String, String> reasons = new TreeMap<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT dlq_id, reason FROM dlq_record")) {
            while (rs.next()) {
                reasons.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(reasons.keySet()).containsExactlyElementsOf(EXPECTED_DEAD.keySet());
        EXPECTED_DEAD.forEach(
                (id, fragment) -> assertThat(reasons.get(id)).as(id).contains(fragment));
    }

    @Test
    void noClearIdCardOrMobileInAnyWarehouseColumn() throws Exception {
        loadOnce();

        PiiScan scan = new PiiScan(CLEAR_PII);
        List<String> problems = new ArrayList<>();
        int rows = 0;
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement()) {
            for (Table t : WarehouseSchema.ALL) {
                try (ResultSet rs = s.executeQuery("SELECT " + columns(t) + " FROM " + SqlDialect.quote(t.name()))) {
                    while (rs.next()) {
                        problems.addAll(scan.problems(t, values(rs, t)));
                        rows++;
                    }
                }
            }
        }
        assertThat(rows).isGreaterThan(6 * VALID_PER_SOURCE);
        assertThat(problems).isEmpty();
    }

    @Test
    void replayFromTheBeginningChangesNothing() throws Exception {
        loadOnce();

        JobExecutionResult replay = runLoader("it-replay-new-group");

        assertThat((Long) replay.getAccumulatorResult(RecordToRows.VALID))
                .isEqualTo(firstRun.<Long>getAccumulatorResult(RecordToRows.VALID));
        // same rows, value for value: ids are deterministic and received_time is the Kafka timestamp
        assertThat(dump()).isEqualTo(afterFirstRun);
        // the dwd topics (at least once): the replay published every record again, so a consumer that dedups by
        // record id sees no new record (the doubly delivered hotline case may come out under either delivery)
        Map<String, List<DwdRecord>> again = new TreeMap<>();
        Map<String, List<String>> dwd = readDwd(again);
        dwdAfterFirstRun.forEach((topic, values) -> {
            assertThat(dwd.get(topic)).as(topic).hasSizeGreaterThan(values.size());
            assertThat(again.get(topic).stream().map(DwdRecord::recordId).collect(Collectors.toSet()))
                    .as(topic)
                    .isEqualTo(dwdRecordsAfterFirstRun.get(topic).stream()
                            .map(DwdRecord::recordId)
                            .collect(Collectors.toSet()));
        });
    }

    @Test
    void restoreAfterAFailureWritesNoDuplicates() throws Exception {
        loadOnce();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        OdsLoaderJob.configure(env, 100, PARALLELISM);
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restart);

        new OdsLoaderJob(
                        OdsLoaderJob.kafkaSource(kafka.bootstrapServers(), "it-failover", true),
                        new FailOnceSink(warehouseSink(), 20, 3),
                        new PiiProtector(TestRecords.SALT))
                .execute(env);

        assertThat(FailOnceSink.FAILED)
                .as("the job failed once and was restored")
                .isTrue();
        assertThat(dump()).isEqualTo(afterFirstRun);
    }

    @Test
    void mainAsAPlainJavaProcessLoadsAndExitsZero() throws Exception {
        loadOnce();

        Launched run = launch(
                Map.of("GRIDGOV_PII_SALT", TestRecords.SALT, "GRIDGOV_WAREHOUSE_PASSWORD", EmbeddedWarehouse.PASSWORD),
                "--kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                "--warehouse.dialect=mysql",
                "--warehouse.user=root",
                "--loader.bounded=true",
                "--loader.parallelism=2",
                "--loader.group-id=it-main-process",
                "--loader.checkpoint-interval=500ms");

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout.lines().toList())
                .singleElement()
                .asString()
                .matches("gridgov-ods-loader finished in [0-9.]+ s: "
                        + (SourceType.values().length * VALID_PER_SOURCE + 1 + CASE_EVENTS) + " records loaded, "
                        + EXPECTED_DEAD.size() + " dead letters");
        assertThat(dump()).isEqualTo(afterFirstRun);
    }

    @Test
    void mainWithoutSaltFailsFastNamingTheVariable() throws Exception {
        long t0 = System.nanoTime();
        Launched run = launch(Map.of(), "--kafka.bootstrap-servers=127.0.0.1:1", "--loader.bounded=true");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("GRIDGOV_PII_SALT").doesNotContain("Exception");
        assertThat(run.stdout).isEmpty();
        assertThat((System.nanoTime() - t0) / 1_000_000_000).isLessThan(20);
    }

    private record Launched(int exitCode, String stdout, String stderr) {}

    /**
     * Starts main the way the launcher does: {@code java -cp <shaded jar>:<engine classpath>}, with only the given
     * GRIDGOV_* variables. Failsafe runs this test against the shaded jar, so the code source of the job class is it.
     */
    private static Launched launch(Map<String, String> env, String... args) throws Exception {
        Path jar = shadedJar();
        Path engine = jar.resolveSibling("engine-classpath.txt");
        assertThat(jar).as("failsafe runs after package").exists();
        assertThat(engine).exists();
        String engineClasspath = Files.readString(engine).trim();
        assertThat(engineClasspath).as("Flink needs slf4j at runtime").contains("slf4j-api");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp",
                jar + java.io.File.pathSeparator + engineClasspath,
                OdsLoaderJob.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("GRIDGOV_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("ods-loader", ".out");
        Path err = Files.createTempFile("ods-loader", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("main did not exit within 120 s; stderr: " + Files.readString(err));
            }
            return new Launched(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The jar the job classes come from, or, when they come from target/classes, the jar beside it. */
    private static Path shadedJar() throws Exception {
        Path location = Path.of(OdsLoaderJob.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (location.toString().endsWith(".jar")) {
            return location;
        }
        try (var files = Files.list(location.getParent())) {
            return files.filter(f -> f.getFileName().toString().matches("gridgov-streaming-jobs-.*\\.jar"))
                    .findFirst()
                    .orElse(location.resolveSibling("missing.jar"));
        }
    }

    private static int count(Table t) throws Exception {
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + SqlDialect.quote(t.name()))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Every row of every table, as text, sorted per table. */
    private static Map<String, List<String>> dump() throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement()) {
            for (Table t : WarehouseSchema.ALL) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT " + columns(t) + " FROM " + SqlDialect.quote(t.name()))) {
                    while (rs.next()) {
                        rows.add(String.join("|", values(rs, t)));
                    }
                }
                rows.sort(null);
                out.put(t.name(), rows);
            }
        }
        return out;
    }

    private static String columns(Table t) {
        return t.columnNames().stream().map(SqlDialect::quote).collect(Collectors.joining(", "));
    }

    private static String[] values(ResultSet rs, Table t) throws Exception {
        String[] v = new String[t.columns().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getString(i + 1);
        }
        return v;
    }
}

package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.simulator.generator.GroundTruth.GridWorkAnomaly;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.streaming.warehouse.WarehouseSink;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grid work records (issue 16 part 2) through the ODS loader at parallelism 2, set up as {@link OdsLoaderJobIT}:
 * a generated month of the grid source with the workers' attendance and tracked patrols, plus three broken tracks,
 * on raw.grid → job on a MiniCluster → embedded MariaDB. The dwd_grid_* tables fill, counts reconcile per kind, the
 * broken tracks are dead letters saying why, the contract's anomaly definitions over the tables find exactly the
 * planted workers, and a replay changes nothing.
 */
class GridWorkLoaderIT {

    private static final int PARALLELISM = 2;
    private static final int BATCH_SIZE = 500;
    private static final GeneratorSpec SPEC = new GeneratorSpec(20240401L, YearMonth.of(2024, 4), 1, 2_000, 0.02, true);
    private static final List<String> GRID_TABLES = List.of(
            "ods_grid_record",
            "dwd_grid_attendance",
            "dwd_grid_patrol",
            "dwd_grid_visit",
            "dwd_grid_mediation",
            "dwd_grid_report",
            "dlq_record");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    private static EmbeddedKafka kafka;
    private static EmbeddedWarehouse warehouse;
    private static GroundTruth truth;
    private static int produced;
    private static final Map<GridRecordKind, Integer> VALID_BY_KIND = new EnumMap<>(GridRecordKind.class);
    private static int trackedPatrols;
    private static int invalid;
    /** dlq_id of each broken track → a fragment of its reason. */
    private static final Map<String, String> BAD_TRACKS = new TreeMap<>();

    private static JobExecutionResult firstRun;
    private static Map<String, List<String>> afterFirstRun;

    @BeforeAll
    static void startStackAndProduce() throws Exception {
        kafka = EmbeddedKafka.start();
        warehouse = EmbeddedWarehouse.start();
        kafka.createTopics(OdsLoaderJob.loadedTopics(), 2);
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("acks", "all");
        p.put("linger.ms", "5");
        p.put("max.request.size", String.valueOf(4 << 20));
        RecordDecoder decoder = new RecordDecoder(
                District.licheng(),
                CategoryCatalog.standard(),
                Clock.fixed(
                        SPEC.periodEnd().plusDays(1).atZone(RecordDecoder.ZONE).toInstant(), RecordDecoder.ZONE));
        List<String> patrols = new ArrayList<>();
        Map<Future<RecordMetadata>, String> bad = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            truth = new SyntheticDataGenerator(SPEC).generate((source, key, json) -> {
                if (source != SourceType.GRID) {
                    return;
                }
                Decoded<SourceRecord> d = decoder.decode(source, json);
                if (d.isValid()) {
                    GridRecord g = (GridRecord) d.value();
                    VALID_BY_KIND.merge(g.kind(), 1, Integer::sum);
                    if (g.track() != null) {
                        trackedPatrols++;
                        if (patrols.size() < 3) {
                            patrols.add(json);
                        }
                    }
                } else {
                    invalid++;
                }
                send(producer, key, json);
            });
            bad.put(send(producer, "bad-1", broken(patrols.get(0), "unordered")), "points must be in time order");
            bad.put(send(producer, "bad-2", broken(patrols.get(1), "outside")), "m outside 历城区");
            bad.put(send(producer, "bad-3", broken(patrols.get(2), "long")), "5001 points, more than the 5000");
            producer.flush();
        }
        for (Map.Entry<Future<RecordMetadata>, String> e : bad.entrySet()) {
            RecordMetadata m = e.getKey().get();
            BAD_TRACKS.put(m.topic() + ":" + m.partition() + ":" + m.offset(), e.getValue());
        }
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

    private static Future<RecordMetadata> send(KafkaProducer<byte[], byte[]> producer, String key, String json) {
        produced++;
        return producer.send(new ProducerRecord<>(
                SourceType.GRID.rawTopic(), key == null ? null : TestRecords.utf8(key), TestRecords.utf8(json)));
    }

    /** A generated patrol under a new id, its track broken one way. */
    private static String broken(String json, String how) throws Exception {
        ObjectNode n = (ObjectNode) Json.mapper().readTree(json);
        n.put("record_id", n.get("record_id").asText() + "-" + how);
        ArrayNode track = (ArrayNode) n.get("track");
        switch (how) {
            case "unordered" -> {
                ArrayNode third = (ArrayNode) track.get(3);
                third.set(
                        0,
                        Json.mapper()
                                .getNodeFactory()
                                .numberNode(track.get(1).get(0).asInt()));
            }
            case "outside" -> {
                ArrayNode fifth = (ArrayNode) track.get(5);
                fifth.set(1, Json.mapper().getNodeFactory().numberNode(39.9));
                fifth.set(2, Json.mapper().getNodeFactory().numberNode(116.4));
            }
            default -> {
                double lat = n.get("latitude").asDouble();
                double lon = n.get("longitude").asDouble();
                track.removeAll();
                for (int i = 0; i < 5001; i++) {
                    track.addArray().add(i).add(lat).add(lon);
                }
            }
        }
        return n.toString();
    }

    private static JobExecutionResult runLoader(String groupId) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        OdsLoaderJob.configure(env, 1000, PARALLELISM);
        return new OdsLoaderJob(
                        OdsLoaderJob.kafkaSource(kafka.bootstrapServers(), groupId, true),
                        new WarehouseSink(
                                new WarehouseSettings(
                                        warehouse.jdbcUrl(),
                                        EmbeddedWarehouse.USER,
                                        EmbeddedWarehouse.PASSWORD,
                                        SqlDialect.MYSQL),
                                BATCH_SIZE),
                        new PiiProtector(TestRecords.SALT))
                .execute(env);
    }

    private static synchronized void loadOnce() throws Exception {
        if (firstRun == null) {
            firstRun = runLoader("grid-work-first-load");
            afterFirstRun = dump();
        }
    }

    @Test
    void theGridTablesFillAndCountsReconcilePerKind() throws Exception {
        loadOnce();

        int valid = VALID_BY_KIND.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(count("ods_grid_record")).isEqualTo(valid);
        assertThat(count("dwd_grid_attendance")).isEqualTo(VALID_BY_KIND.get(GridRecordKind.ATTENDANCE));
        assertThat(count("dwd_grid_patrol"))
                .isEqualTo(trackedPatrols)
                .isEqualTo(VALID_BY_KIND.get(GridRecordKind.PATROL));
        assertThat(count("dwd_grid_visit")).isEqualTo(VALID_BY_KIND.get(GridRecordKind.VISIT));
        assertThat(count("dwd_grid_mediation")).isEqualTo(VALID_BY_KIND.get(GridRecordKind.MEDIATION));
        assertThat(count("dwd_grid_report")).isEqualTo(VALID_BY_KIND.get(GridRecordKind.REPORT));
        assertThat(count("dlq_record")).isEqualTo(invalid + BAD_TRACKS.size());

        // generated = ODS rows + dead letters, as the generator's ground truth says
        assertThat((long) valid).isEqualTo(truth.valid(SourceType.GRID));
        assertThat(produced)
                .isEqualTo(truth.emitted(SourceType.GRID) + BAD_TRACKS.size())
                .isEqualTo(valid + invalid + BAD_TRACKS.size());
        assertThat(firstRun.<Long>getAccumulatorResult(RecordToRows.VALID)).isEqualTo((long) valid);
        assertThat(firstRun.<Long>getAccumulatorResult(RecordToRows.DEAD_LETTERS))
                .isEqualTo((long) invalid + BAD_TRACKS.size());
        assertThat(GRID_TABLES)
                .containsAll(GridWorkTables.ALL.stream().map(Table::name).toList());
        // every worker of the district checked in on every working day of April 2024 (22)
        assertThat(count("dwd_grid_attendance"))
                .isEqualTo(District.licheng().grids().size() * 22);
        assertThat(
                        query(
                                "SELECT COUNT(*) FROM ods_grid_record WHERE kind = 'PATROL' AND detail LIKE '{\"track\":[[0,%'"))
                .containsExactly(String.valueOf(trackedPatrols));
    }

    @Test
    void brokenTracksAreDeadLettersSayingWhy() throws Exception {
        loadOnce();

        Map<String, String> reasons = new TreeMap<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT dlq_id, reason, error_field FROM dlq_record" + " WHERE record_key LIKE 'bad-%'")) {
            while (rs.next()) {
                reasons.put(rs.getString(1), rs.getString(3) + ": " + rs.getString(2));
            }
        }
        assertThat(reasons.keySet()).containsExactlyElementsOf(BAD_TRACKS.keySet());
        BAD_TRACKS.forEach((id, fragment) ->
                assertThat(reasons.get(id)).as(id).contains(fragment).startsWith("track"));
        assertThat(query("SELECT COUNT(*) FROM ods_grid_record WHERE record_id LIKE '%-unordered'"
                        + " OR record_id LIKE '%-outside' OR record_id LIKE '%-long'"))
                .containsExactly("0");
    }

    /** The contract's flag definitions as SQL over the DWD tables find exactly the ground truth's workers. */
    @Test
    void theAnomalyDefinitionsOverTheTablesFindExactlyThePlantedWorkers() throws Exception {
        loadOnce();

        List<String> flagged = new ArrayList<>();
        flagged.addAll(query("SELECT CONCAT(DATE_FORMAT(patrol_date, '%Y-%m'), ' ', worker_id, ' STAYS_IN_ONE_PLACE')"
                + " FROM dwd_grid_patrol GROUP BY DATE_FORMAT(patrol_date, '%Y-%m'), worker_id"
                + " HAVING MAX(coverage_ratio) < 0.15"));
        flagged.addAll(query("SELECT DISTINCT CONCAT(DATE_FORMAT(patrol_date, '%Y-%m'), ' ', worker_id,"
                + " ' FAKE_PATROL_JUMP') FROM dwd_grid_patrol WHERE is_fake_jump = 1"));
        flagged.addAll(query("SELECT CONCAT(DATE_FORMAT(work_date, '%Y-%m'), ' ', worker_id, ' MISSING_CHECKOUT')"
                + " FROM dwd_grid_attendance GROUP BY DATE_FORMAT(work_date, '%Y-%m'), worker_id"
                + " HAVING SUM(is_missing_checkout) >= 3"));
        List<String> planted = truth.gridWorkAnomalies().stream()
                .map(a -> a.month() + " " + a.workerId() + " " + a.kind())
                .toList();

        assertThat(planted).hasSize(9);
        assertThat(new TreeSet<>(flagged)).containsExactlyElementsOf(new TreeSet<>(planted));
        // the jumps' evidence is the patrols the table flags
        List<String> jumpIds = truth.gridWorkAnomalies().stream()
                .filter(a -> a.kind().name().equals("FAKE_PATROL_JUMP"))
                .flatMap(a -> a.recordIds().stream())
                .sorted()
                .collect(Collectors.toList());
        assertThat(query("SELECT patrol_id FROM dwd_grid_patrol WHERE is_fake_jump = 1 ORDER BY patrol_id"))
                .isEqualTo(jumpIds);
        for (GridWorkAnomaly a : truth.gridWorkAnomalies()) {
            assertThat(a.recordIds()).as(a.toString()).isNotEmpty();
        }
    }

    @Test
    void replayFromTheBeginningChangesNothing() throws Exception {
        loadOnce();

        JobExecutionResult replay = runLoader("grid-work-replay");

        assertThat(replay.<Long>getAccumulatorResult(RecordToRows.VALID))
                .isEqualTo(firstRun.<Long>getAccumulatorResult(RecordToRows.VALID));
        assertThat(dump()).isEqualTo(afterFirstRun);
    }

    private static int count(String table) throws Exception {
        return Integer.parseInt(
                query("SELECT COUNT(*) FROM " + SqlDialect.quote(table)).get(0));
    }

    private static List<String> query(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every row of the grid tables (and dead letters), as text, sorted per table. */
    private static Map<String, List<String>> dump() throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        for (String name : GRID_TABLES) {
            Table t = WarehouseSchema.table(name);
            String columns = t.columnNames().stream().map(SqlDialect::quote).collect(Collectors.joining(", '|', "));
            List<String> rows = query("SELECT CONCAT_WS('', " + columns + ") FROM " + SqlDialect.quote(name));
            rows.sort(null);
            out.put(name, rows);
        }
        return out;
    }
}

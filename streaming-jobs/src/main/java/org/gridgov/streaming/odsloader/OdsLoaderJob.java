package org.gridgov.streaming.odsloader;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.config.SecretSource;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.loading.cases.HotlineDuplicates;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.streaming.job.FaultTolerance;
import org.gridgov.streaming.job.FlinkJobMain;
import org.gridgov.streaming.job.Preflight;
import org.gridgov.streaming.job.TaskSecret;
import org.gridgov.streaming.warehouse.WarehouseSink;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ODS loader: Kafka {@code raw.*} (the five sources) → {@link RecordToRows} (decode, validate, protect PII) and
 * 12345 DWD rows → keyed by caller and category → {@link HotlineDuplicateMarker} ({@code master_case_id});
 * {@code case.events} → keyed by case → {@link CaseEventsToRows} ({@code ods_case_event}, {@code dwd_case}) →
 * {@link WarehouseSink} (upsert ODS/DWD rows, one {@code dlq_record} row per rejected record); and each accepted record,
 * conformed ({@link DwdRecords}, 12345 calls with their master from the marker), → the {@code dwd.<source>} topics
 * for the stream jobs after it (issue 15 "validate once"; only the loader reads the raw topics).
 *
 * <p>Source and sink are injected so tests run the same graph on other I/O; {@link #main} only plugs in Kafka and
 * JDBC. Under {@code flink run} main runs on the cluster; as a plain Java process it runs the job on a local
 * MiniCluster and exits 0 when a bounded run finishes, non-zero when it fails ({@link FlinkJobMain}).
 */
public final class OdsLoaderJob {

    private static final Logger LOG = LoggerFactory.getLogger(OdsLoaderJob.class);

    public static final String JOB_NAME = "gridgov-ods-loader";

    private static final String CASE_EVENTS = Topics.CASE_EVENTS.name();

    private final Source<RawRecord, ?, ?> source;
    private final Sink<TableRow> sink;
    private final TaskSecret<PiiProtector> pii;
    private final Duration duplicateWindow;
    /** Where the conformed records go (the dwd.* topics); null: not published (tests of the warehouse side). */
    private final Sink<DwdRecord> dwdSink;

    /** With a given protector (tests): its salt travels with the graph. No dwd records are published. */
    public OdsLoaderJob(Source<RawRecord, ?, ?> source, Sink<TableRow> sink, PiiProtector pii) {
        this(source, sink, null, TaskSecret.given(Objects.requireNonNull(pii)), HotlineDuplicates.DEFAULT_WINDOW);
    }

    /** With a given protector (tests), publishing the conformed records to {@code dwdSink}. */
    public OdsLoaderJob(
            Source<RawRecord, ?, ?> source, Sink<TableRow> sink, Sink<DwdRecord> dwdSink, PiiProtector pii) {
        this(source, sink, dwdSink, TaskSecret.given(Objects.requireNonNull(pii)), HotlineDuplicates.DEFAULT_WINDOW);
    }

    public OdsLoaderJob(
            Source<RawRecord, ?, ?> source,
            Sink<TableRow> sink,
            TaskSecret<PiiProtector> pii,
            Duration duplicateWindow) {
        this(source, sink, null, pii, duplicateWindow);
    }

    public OdsLoaderJob(
            Source<RawRecord, ?, ?> source,
            Sink<TableRow> sink,
            Sink<DwdRecord> dwdSink,
            TaskSecret<PiiProtector> pii,
            Duration duplicateWindow) {
        this.source = Objects.requireNonNull(source);
        this.sink = Objects.requireNonNull(sink);
        this.dwdSink = dwdSink;
        this.pii = Objects.requireNonNull(pii);
        this.duplicateWindow = Objects.requireNonNull(duplicateWindow);
    }

    /** Builds the graph on {@code env} and runs it to completion (bounded source) or until cancelled. */
    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute(JOB_NAME);
    }

    /** The graph on {@code env}, not yet submitted. */
    void build(StreamExecutionEnvironment env) {
        DataStream<RawRecord> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw-records")
                .uid("raw-records");
        SingleOutputStreamOperator<TableRow> rows = raw.filter(r -> !CASE_EVENTS.equals(r.topic))
                .name("source-records")
                .uid("source-records")
                .process(new RecordToRows(pii))
                .name("record-to-rows")
                .uid("record-to-rows");
        // 重复来电: 12345 DWD rows of a known caller pass the marker keyed by caller and category; the rest bypass it
        DataStream<TableRow> hotline = rows.filter(HotlineDuplicateMarker::marks)
                .name("hotline-dwd-rows")
                .uid("hotline-dwd-rows")
                .keyBy(HotlineDuplicateMarker::key, Types.STRING)
                .process(new HotlineDuplicateMarker(duplicateWindow))
                .name("hotline-duplicates")
                .uid("hotline-duplicates");
        DataStream<TableRow> others = rows.filter(r -> !HotlineDuplicateMarker.marks(r))
                .name("other-rows")
                .uid("other-rows");
        // case.events: keyed by the case id, so each case's dwd_case row is rebuilt from all of its events
        DataStream<TableRow> cases = raw.filter(r -> CASE_EVENTS.equals(r.topic))
                .name("case-event-records")
                .uid("case-event-records")
                .keyBy(r -> r.key == null ? "" : r.key, Types.STRING)
                .process(new CaseEventsToRows())
                .name("case-events-to-rows")
                .uid("case-events-to-rows");
        // the phone-link evidence goes to the same upsert sink as the records' rows
        others.union(hotline, rows.getSideOutput(RecordToRows.LINK_EVIDENCE), cases)
                .sinkTo(sink)
                .name("warehouse-upsert")
                .uid("warehouse-upsert");
        if (dwdSink != null) {
            publishDwd(rows.getSideOutput(RecordToRows.DWD_RECORDS), hotline);
        }
    }

    /**
     * Validate once (issue 15): the conformed records to the dwd.* topics. A 12345 call of a known caller waits for
     * the marker's decision ({@link HotlineMasterJoin}, keyed by case id) so it carries {@code master_case_id}; every
     * other record goes out as conformed. Delivery is at least once (the sink flushes on every checkpoint) and
     * idempotent downstream: a record's id and content are deterministic, and the stream jobs dedup by record id.
     */
    private void publishDwd(DataStream<DwdRecord> conformed, DataStream<TableRow> markedRows) {
        DataStream<DwdRecord> calls = conformed
                .filter(HotlineMasterJoin::needsMaster)
                .name("dwd-known-callers")
                .uid("dwd-known-callers")
                .keyBy(DwdRecord::recordId, Types.STRING)
                .connect(markedRows.keyBy(HotlineMasterJoin::caseId, Types.STRING))
                .process(new HotlineMasterJoin(duplicateWindow), TypeInformation.of(DwdRecord.class))
                .name("dwd-hotline-masters")
                .uid("dwd-hotline-masters");
        conformed
                .filter(r -> !HotlineMasterJoin.needsMaster(r))
                .name("dwd-other-records")
                .uid("dwd-other-records")
                .union(calls)
                .sinkTo(dwdSink)
                .name("dwd-topics")
                .uid("dwd-topics");
    }

    /** The dwd.* topics' sink: at least once, flushed on checkpoints, record timestamps the raw records'. */
    public static KafkaSink<DwdRecord> dwdKafkaSink(String bootstrapServers) {
        return KafkaSink.<DwdRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new DwdKafkaSerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("linger.ms", "5")
                .build();
    }

    /** The topics the loader publishes to. */
    public static List<String> dwdTopics() {
        return Arrays.stream(SourceType.values()).map(SourceType::dwdTopic).toList();
    }

    /**
     * Job settings shared by main and the integration test: checkpoints drive the sink's flushes (and the Kafka
     * offset commits), and generic types are off so a record type that falls back to Kryo fails at graph build.
     */
    public static void configure(StreamExecutionEnvironment env, long checkpointIntervalMs, int parallelism) {
        env.enableCheckpointing(checkpointIntervalMs);
        env.setParallelism(parallelism);
        env.getConfig().getSerializerConfig().setGenericTypes(false);
    }

    /** The five raw topics, read from the group's committed offsets (earliest for a new group). */
    public static KafkaSource<RawRecord> kafkaSource(String bootstrapServers, String groupId, boolean bounded) {
        KafkaSourceBuilder<RawRecord> b = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(loadedTopics())
                .setGroupId(groupId)
                .setClientIdPrefix(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                // only read what producers committed, should a gateway ever publish transactionally
                .setProperty("isolation.level", "read_committed");
        if (bounded) {
            // stop at the offsets current at start: demo loads and backfills end by themselves
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    public static List<String> rawTopics() {
        return Arrays.stream(SourceType.values()).map(SourceType::rawTopic).toList();
    }

    /** What the loader reads: the raw topics and the case service's {@code case.events} (issue 16). */
    public static List<String> loadedTopics() {
        return java.util.stream.Stream.concat(rawTopics().stream(), java.util.stream.Stream.of(CASE_EVENTS))
                .toList();
    }

    /**
     * {@code --key=value} arguments and {@code GRIDGOV_*} environment variables, {@link StreamingJob#ODS_LOADER}'s
     * options: kafka.bootstrap-servers, warehouse.jdbc-url/user/dialect, loader.bounded, loader.parallelism,
     * loader.group-id, loader.checkpoint-interval, loader.batch-size, loader.duplicate-window, flink.* checkpoints and restarts; secrets
     * GRIDGOV_PII_SALT (required) and GRIDGOV_WAREHOUSE_PASSWORD (empty = no password) from the environment or the
     * {@code secrets.file}, read by the TaskManagers (the client checks the salt and creates the missing topics).
     *
     * <p>Local or cluster, exit codes and summary: {@link FlinkJobMain}.
     */
    public static void main(String[] args) throws Exception {
        FlinkJobMain.run(JOB_NAME, args, new FlinkJobMain.Job<Settings>() {
            @Override
            public Settings settings(String[] arguments) {
                return Settings.read(GridgovConfig.fromArgs(arguments, StreamingJob.ODS_LOADER.options()));
            }

            @Override
            public void createTopics(Settings s) {
                if (s.createTopics()) {
                    Preflight.createTopics(s.bootstrapServers(), Topics.all(), s.kafkaReplication());
                }
            }

            @Override
            public Map<ConfigOption<String>, String> localSecrets(Settings s) {
                return s.clientSecrets();
            }

            @Override
            public void preflight(Settings s) {
                // the topics it writes too: without them the dwd sink would stall or auto-create with defaults
                Preflight.kafka(
                        s.bootstrapServers(),
                        java.util.stream.Stream.concat(loadedTopics().stream(), dwdTopics().stream())
                                .toList());
                Preflight.warehouse(s.warehouse());
            }

            @Override
            public JobExecutionResult run(Settings s, StreamExecutionEnvironment env) throws Exception {
                return OdsLoaderJob.run(s, env);
            }

            @Override
            public String summary(JobExecutionResult result) {
                return OdsLoaderJob.summary(result);
            }
        });
    }

    /** The line a finished local run prints. */
    static String summary(JobExecutionResult result) {
        long valid = total(result, RecordToRows.VALID) + total(result, CaseEventsToRows.VALID);
        long dead = total(result, RecordToRows.DEAD_LETTERS) + total(result, CaseEventsToRows.DEAD_LETTERS);
        return String.format(
                "%s finished in %.1f s: %d records loaded, %d dead letters",
                JOB_NAME, result.getNetRuntime() / 1000.0, valid, dead);
    }

    private static long total(JobExecutionResult result, String accumulator) {
        Long n = result.getAccumulatorResult(accumulator);
        return n == null ? 0 : n;
    }

    private static JobExecutionResult run(Settings s, StreamExecutionEnvironment env) throws Exception {
        build(s, env);
        return env.execute(JOB_NAME);
    }

    /** The production graph on {@code env}: Kafka in, the warehouse out, secrets read by the TaskManagers. */
    static void build(Settings s, StreamExecutionEnvironment env) {
        KafkaSource<RawRecord> source = kafkaSource(s.bootstrapServers(), s.groupId(), s.bounded());
        // Production on Doris: a DorisSink (flink-doris-connector, stream load with 2PC and a unique label prefix)
        // would be built here instead; the graph takes any Sink<TableRow>.
        Sink<TableRow> sink = new WarehouseSink(TaskSecret.warehouse(s.warehouse(), s.secrets()), s.batchSize());
        LOG.info(
                "{}: {} → {} and {}, group {}, bounded {}, parallelism {}, checkpoint every {} ms",
                JOB_NAME,
                loadedTopics(),
                s.warehouse(),
                dwdTopics(),
                s.groupId(),
                s.bounded(),
                s.parallelism(),
                s.checkpointMs());
        configure(env, s.checkpointMs(), s.parallelism());
        s.faultTolerance().applyTo(env);
        new OdsLoaderJob(
                        source,
                        sink,
                        dwdKafkaSink(s.bootstrapServers()),
                        TaskSecret.pii(s.secrets()),
                        s.duplicateWindow())
                .build(env);
    }

    /**
     * Everything main needs, read and checked before anything connects: a missing salt fails in milliseconds.
     * {@code clientSecrets} are what this process read, for a local run only; the graph gets {@code secrets}.
     */
    record Settings(
            WarehouseSettings warehouse,
            String bootstrapServers,
            String groupId,
            boolean bounded,
            int parallelism,
            long checkpointMs,
            int batchSize,
            int kafkaReplication,
            boolean createTopics,
            SecretSource secrets,
            Map<ConfigOption<String>, String> clientSecrets,
            FaultTolerance faultTolerance,
            Duration duplicateWindow) {

        /** The options check their ranges (parallelism and batch size at least 1, checkpoints at least 10 ms). */
        static Settings read(GridgovConfig config) {
            SecretSource secrets = SecretSource.from(config);
            Map<ConfigOption<String>, String> clientSecrets = new LinkedHashMap<>();
            String salt = FlinkJobMain.clientSecret(config, secrets, GridgovOptions.PII_SALT, true);
            if (salt != null) {
                new PiiProtector(salt); // checks its length here rather than on every TaskManager
                clientSecrets.put(GridgovOptions.PII_SALT, salt);
            }
            clientSecrets.put(
                    GridgovOptions.WAREHOUSE_PASSWORD,
                    FlinkJobMain.clientSecret(config, secrets, GridgovOptions.WAREHOUSE_PASSWORD, false));
            WarehouseSettings warehouse = WarehouseSettings.from(config);
            Duration interval = config.get(GridgovOptions.LOADER_CHECKPOINT_INTERVAL);
            return new Settings(
                    warehouse,
                    config.get(GridgovOptions.KAFKA_BOOTSTRAP),
                    config.get(GridgovOptions.LOADER_GROUP_ID),
                    config.get(GridgovOptions.LOADER_BOUNDED),
                    config.get(GridgovOptions.LOADER_PARALLELISM),
                    interval.toMillis(),
                    config.get(GridgovOptions.LOADER_BATCH_SIZE),
                    config.get(GridgovOptions.KAFKA_REPLICATION),
                    config.get(GridgovOptions.KAFKA_CREATE_TOPICS),
                    secrets,
                    clientSecrets,
                    FaultTolerance.read(config, interval),
                    config.get(GridgovOptions.LOADER_DUPLICATE_WINDOW));
        }
    }
}

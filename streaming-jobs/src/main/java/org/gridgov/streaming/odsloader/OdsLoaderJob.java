package org.gridgov.streaming.odsloader;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.streaming.job.FlinkJobMain;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.streaming.job.Preflight;
import org.gridgov.streaming.warehouse.WarehouseSink;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ODS loader: Kafka {@code raw.*} (the five sources) → {@link RecordToRows} (decode, validate, protect PII) →
 * {@link WarehouseSink} (upsert ODS/DWD rows, one {@code dlq_record} row per rejected record).
 *
 * <p>Source and sink are injected so tests run the same graph on other I/O; {@link #main} only plugs in Kafka and
 * JDBC. Under {@code flink run} main runs on the cluster; as a plain Java process it runs the job on a local
 * MiniCluster and exits 0 when a bounded run finishes, non-zero when it fails ({@link FlinkJobMain}).
 */
public final class OdsLoaderJob {

    private static final Logger LOG = LoggerFactory.getLogger(OdsLoaderJob.class);

    public static final String JOB_NAME = "gridgov-ods-loader";

    private final Source<RawRecord, ?, ?> source;
    private final Sink<TableRow> sink;
    private final PiiProtector pii;

    public OdsLoaderJob(Source<RawRecord, ?, ?> source, Sink<TableRow> sink, PiiProtector pii) {
        this.source = Objects.requireNonNull(source);
        this.sink = Objects.requireNonNull(sink);
        this.pii = Objects.requireNonNull(pii);
    }

    /** Builds the graph on {@code env} and runs it to completion (bounded source) or until cancelled. */
    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        SingleOutputStreamOperator<TableRow> rows = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "raw-records").uid("raw-records")
                .process(new RecordToRows(pii)).name("record-to-rows").uid("record-to-rows");
        // the phone-link evidence goes to the same upsert sink as the records' rows
        rows.union(rows.getSideOutput(RecordToRows.LINK_EVIDENCE))
                .sinkTo(sink).name("warehouse-upsert").uid("warehouse-upsert");
        return env.execute(JOB_NAME);
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
                .setTopics(rawTopics())
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

    /**
     * {@code --key=value} arguments and {@code GRIDGOV_*} environment variables, {@link StreamingJob#ODS_LOADER}'s
     * options: kafka.bootstrap-servers, warehouse.jdbc-url/user/dialect, loader.bounded, loader.parallelism,
     * loader.group-id, loader.checkpoint-interval, loader.batch-size; secrets only from the environment:
     * GRIDGOV_PII_SALT (required) and GRIDGOV_WAREHOUSE_PASSWORD (empty = no password).
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
            public void preflight(Settings s) {
                Preflight.kafka(s.bootstrapServers(), rawTopics());
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
        Long valid = result.getAccumulatorResult(RecordToRows.VALID);
        Long dead = result.getAccumulatorResult(RecordToRows.DEAD_LETTERS);
        return String.format("%s finished in %.1f s: %d records loaded, %d dead letters", JOB_NAME,
                result.getNetRuntime() / 1000.0, valid == null ? 0 : valid, dead == null ? 0 : dead);
    }

    private static JobExecutionResult run(Settings s, StreamExecutionEnvironment env) throws Exception {
        KafkaSource<RawRecord> source = kafkaSource(s.bootstrapServers(), s.groupId(), s.bounded());
        // Production on Doris: a DorisSink (flink-doris-connector, stream load with 2PC and a unique label prefix)
        // would be built here instead; the graph takes any Sink<TableRow>.
        Sink<TableRow> sink = new WarehouseSink(s.warehouse(), s.batchSize());
        LOG.info("{}: {} → {}, group {}, bounded {}, parallelism {}, checkpoint every {} ms", JOB_NAME, rawTopics(),
                s.warehouse(), s.groupId(), s.bounded(), s.parallelism(), s.checkpointMs());
        configure(env, s.checkpointMs(), s.parallelism());
        return new OdsLoaderJob(source, sink, s.pii()).execute(env);
    }

    /** Everything main needs, read and checked before anything connects: a missing salt fails in milliseconds. */
    record Settings(PiiProtector pii, WarehouseSettings warehouse, String bootstrapServers, String groupId,
                    boolean bounded, int parallelism, long checkpointMs, int batchSize) {

        /** The options check their ranges (parallelism and batch size at least 1, checkpoints at least 10 ms). */
        static Settings read(GridgovConfig config) {
            PiiProtector pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
            WarehouseSettings warehouse = WarehouseSettings.from(config);
            return new Settings(pii, warehouse, config.get(GridgovOptions.KAFKA_BOOTSTRAP),
                    config.get(GridgovOptions.LOADER_GROUP_ID), config.get(GridgovOptions.LOADER_BOUNDED),
                    config.get(GridgovOptions.LOADER_PARALLELISM),
                    config.get(GridgovOptions.LOADER_CHECKPOINT_INTERVAL).toMillis(),
                    config.get(GridgovOptions.LOADER_BATCH_SIZE));
        }
    }
}

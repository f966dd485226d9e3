package org.gridgov.streaming.odsloader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.warehouse.TableRow;

/**
 * The ODS loader: Kafka {@code raw.*} (the five sources) → {@link RecordToRows} (decode, validate, protect PII) →
 * {@link WarehouseSink} (upsert ODS/DWD rows, one {@code dlq_record} row per rejected record).
 *
 * <p>Source and sink are injected so tests run the same graph on other I/O; {@link #main} only plugs in Kafka and
 * JDBC. Under {@code flink run} main runs on the cluster; as a plain Java process it runs the job on a local
 * MiniCluster and exits 0 when a bounded run finishes, non-zero when it fails.
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
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "raw-records").uid("raw-records")
                .process(new RecordToRows(pii)).name("record-to-rows").uid("record-to-rows")
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
     * {@code --key=value} arguments and {@code GRIDGOV_*} environment variables as described by
     * {@link GridgovOptions}: kafka.bootstrap-servers, warehouse.jdbc-url/user/dialect, loader.bounded,
     * loader.parallelism, loader.group-id, loader.checkpoint-interval-ms, loader.batch-size; secrets only from the
     * environment: GRIDGOV_PII_SALT (required) and GRIDGOV_WAREHOUSE_PASSWORD (empty = no password).
     *
     * <p>As a plain Java process: exit 0 when the (bounded) job finished, printing one summary line on stdout; exit 2
     * on a configuration error, 1 when Kafka or the warehouse cannot be reached (checked before submitting) or the
     * job failed; the reason goes to stderr.
     */
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment contextEnv = StreamExecutionEnvironment.getExecutionEnvironment();
        if (!(contextEnv instanceof LocalStreamEnvironment)) {
            // flink run / application mode: the cluster owns logging, exit codes, restarts and temp dirs
            run(Settings.read(GridgovConfig.fromArgs(args)), contextEnv);
            return;
        }
        LocalLogging.quiet();
        Settings settings;
        try {
            settings = Settings.read(GridgovConfig.fromArgs(args));
        } catch (RuntimeException e) {
            System.err.println(JOB_NAME + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Preflight.check(settings.bootstrapServers(), rawTopics(), settings.warehouse());
        } catch (IllegalStateException e) {
            // the message names the service and the reason; a stack trace adds nothing
            System.err.println(JOB_NAME + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        int exitCode;
        LocalRun local = LocalRun.create();
        try {
            JobExecutionResult result = run(settings,
                    StreamExecutionEnvironment.createLocalEnvironment(local.configuration()));
            Long valid = result.getAccumulatorResult(RecordToRows.VALID);
            Long dead = result.getAccumulatorResult(RecordToRows.DEAD_LETTERS);
            System.out.printf("%s finished in %.1f s: %d records loaded, %d dead letters%n", JOB_NAME,
                    result.getNetRuntime() / 1000.0, valid == null ? 0 : valid, dead == null ? 0 : dead);
            exitCode = 0;
        } catch (Throwable t) {
            LOG.error("{} failed", JOB_NAME, t);
            System.err.println(JOB_NAME + " failed: " + describe(t));
            exitCode = 1;
        } finally {
            local.cleanUp();
        }
        // a local MiniCluster can leave non-daemon threads behind; the launcher needs the process to end
        System.exit(exitCode);
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
    record Settings(PiiProtector pii, WarehouseConnection warehouse, String bootstrapServers, String groupId,
                    boolean bounded, int parallelism, long checkpointMs, int batchSize) {

        static Settings read(GridgovConfig config) {
            PiiProtector pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
            WarehouseConnection warehouse = new WarehouseConnection(config.get(GridgovOptions.WAREHOUSE_URL),
                    config.get(GridgovOptions.WAREHOUSE_USER), config.get(GridgovOptions.WAREHOUSE_PASSWORD),
                    WarehouseConnection.dialect(config.get(GridgovOptions.WAREHOUSE_DIALECT)));
            Settings s = new Settings(pii, warehouse, config.get(GridgovOptions.KAFKA_BOOTSTRAP),
                    config.get(GridgovOptions.LOADER_GROUP_ID), config.get(GridgovOptions.LOADER_BOUNDED),
                    config.get(GridgovOptions.LOADER_PARALLELISM), config.get(GridgovOptions.LOADER_CHECKPOINT_MS),
                    config.get(GridgovOptions.LOADER_BATCH_SIZE));
            if (s.parallelism < 1 || s.batchSize < 1 || s.checkpointMs < 10) {
                throw new IllegalArgumentException("loader.parallelism and loader.batch-size must be at least 1, "
                        + "loader.checkpoint-interval-ms at least 10");
            }
            return s;
        }
    }

    /** The innermost message, which is the one an operator can act on (e.g. "pii.salt is not set ..."). */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == t ? msg : msg + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
    }

    /** Settings of a run on a local MiniCluster: temp dirs of its own and a bounded number of restarts. */
    private record LocalRun(Path tmpDir) {

        static LocalRun create() {
            try {
                return new LocalRun(Files.createTempDirectory("gridgov-ods-loader-"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp dir for Flink", e);
            }
        }

        Configuration configuration() {
            Configuration conf = new Configuration();
            conf.set(CoreOptions.TMP_DIRS, tmpDir.toString());
            // Flink's default with checkpointing is to restart forever; a local run must end with an exit code
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
            return conf;
        }

        void cleanUp() {
            try (var paths = Files.walk(tmpDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // best effort: Flink may still be deleting its own files in there, which a walk trips over
            }
        }
    }
}

package org.gridgov.streaming.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.streaming.alerts.fanout.AlertKafkaSerializer;
import org.gridgov.streaming.alerts.fanout.WebhookSettings;
import org.gridgov.streaming.alerts.fanout.WebhookSink;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.RouteInputs;
import org.gridgov.streaming.api.AlertDelivery;
import org.gridgov.streaming.api.AlertOptions;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.streaming.job.FlinkJobMain;
import org.gridgov.streaming.warehouse.WarehouseSink;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert job: key-person rules, group petitions and overdue-case timers over {@code raw.petition},
 * {@code raw.hotline}, {@code raw.police} and {@code case.events}, with the key-person registry as broadcast input;
 * alerts fan out to the {@code alerts} topic, the warehouse ({@code ads_alert_event}, rejected and late inputs in
 * {@code dlq_alert_input}) and, when a robot URL is configured, the leaders' DingTalk/WeCom group.
 *
 * <p>Inputs and sinks are injected ({@link AlertInputs}, {@link AlertTopology.Sinks}); {@link #main} only plugs in
 * Kafka, JDBC and HTTP. Under {@code flink run} main runs on the cluster; as a plain Java process it runs on a local
 * MiniCluster and, in bounded mode, exits 0 with one summary line when the input is done.
 */
public final class AlertJob {

    private static final Logger LOG = LoggerFactory.getLogger(AlertJob.class);

    public static final String JOB_NAME = "gridgov-alerts";

    private final AlertInputs inputs;
    private final AlertTopology.Sinks sinks;
    private final RuleParams params;

    public AlertJob(AlertInputs inputs, AlertTopology.Sinks sinks, RuleParams params) {
        this.inputs = Objects.requireNonNull(inputs);
        this.sinks = Objects.requireNonNull(sinks);
        this.params = Objects.requireNonNull(params);
    }

    /** Builds the graph on {@code env} and runs it to completion (bounded inputs) or until cancelled. */
    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        AlertTopology.attach(AlertTopology.build(inputs.events(env), inputs.registry(env), params), sinks);
        return env.execute(JOB_NAME);
    }

    /**
     * Job settings shared by main and the tests: checkpoints drive the warehouse flushes, Kafka offset commits and
     * transactions; generic types are off so a type that would fall back to Kryo fails at graph build; watermarks
     * every {@code watermarkIntervalMs} and short network buffer timeouts keep alert latency low.
     */
    public static void configure(StreamExecutionEnvironment env, long checkpointIntervalMs, int parallelism,
                                 long watermarkIntervalMs, long bufferTimeoutMs) {
        env.enableCheckpointing(checkpointIntervalMs);
        env.setParallelism(parallelism);
        env.getConfig().getSerializerConfig().setGenericTypes(false);
        env.getConfig().setAutoWatermarkInterval(watermarkIntervalMs);
        env.setBufferTimeout(bufferTimeoutMs);
    }

    /** Accumulator totals of a finished run, by name. */
    public static Map<String, Long> counts(JobExecutionResult r) {
        Map<String, Long> m = new TreeMap<>();
        r.getAllAccumulatorResults().forEach((k, v) -> {
            if (k.startsWith("alerts.") && v instanceof Long l) {
                m.put(k, l);
            }
        });
        return m;
    }

    /** The summary line main prints. */
    static String summary(JobExecutionResult r) {
        Map<String, Long> c = counts(r);
        List<String> perRule = new ArrayList<>();
        long raised = 0;
        for (AlertRule rule : AlertRule.values()) {
            long n = c.getOrDefault(AlertCounters.RAISED_PREFIX + rule.code(), 0L);
            raised += n;
            perRule.add(rule.code() + " " + n);
        }
        return String.format("%s finished in %.1f s: %d inputs, %d rejected, %d late; %d alerts raised (%s), "
                        + "%d updates", JOB_NAME, r.getNetRuntime() / 1000.0, c.getOrDefault(RouteInputs.INPUTS, 0L),
                c.getOrDefault(RouteInputs.REJECTED, 0L), c.getOrDefault(AlertCounters.LATE, 0L), raised,
                String.join(", ", perRule), c.getOrDefault(AlertCounters.UPDATED, 0L));
    }

    /**
     * {@code --key=value} arguments and {@code GRIDGOV_*} environment variables ({@link StreamingJob#ALERTS}'s
     * options: the platform's warehouse, Kafka and salt keys and {@link AlertOptions}); secrets only from the
     * environment: GRIDGOV_PII_SALT (required), GRIDGOV_WAREHOUSE_PASSWORD, GRIDGOV_ALERTS_WEBHOOK_URL and
     * GRIDGOV_ALERTS_WEBHOOK_SECRET.
     *
     * <p>Local or cluster, exit codes and summary: {@link FlinkJobMain}.
     */
    public static void main(String[] args) throws Exception {
        FlinkJobMain.run(JOB_NAME, args, new FlinkJobMain.Job<Settings>() {
            @Override
            public Settings settings(String[] arguments) {
                return Settings.read(arguments);
            }

            @Override
            public void preflight(Settings s) {
                List<String> required = new ArrayList<>(InputDecoder.TOPICS);
                required.add(Topics.ALERTS.name());
                AlertPreflight.check(s.bootstrapServers, required, s.registryTopic, s.warehouse);
            }

            @Override
            public JobExecutionResult run(Settings s, StreamExecutionEnvironment env) throws Exception {
                return AlertJob.run(s, env);
            }

            @Override
            public String summary(JobExecutionResult result) {
                return AlertJob.summary(result);
            }
        });
    }

    static JobExecutionResult run(Settings s, StreamExecutionEnvironment env) throws Exception {
        configure(env, s.checkpointInterval.toMillis(), s.parallelism, s.watermarkInterval.toMillis(),
                s.bufferTimeout.toMillis());
        AlertInputs inputs = new KafkaAlertInputs(s.bootstrapServers, s.groupId, s.bounded,
                new InputDecoder(s.pii), s.registryTopic, s.outOfOrderness.toMillis(), s.sourceIdleness.toMillis());
        // Production on Doris: a DorisSink (flink-doris-connector, stream load with 2PC and a unique
        // sink.label-prefix per job) can replace the JDBC sink here; the graph takes any Sink<TableRow>.
        Sink<TableRow> warehouse = new WarehouseSink(s.warehouse, s.batchSize);
        Sink<AlertRecord> webhook = s.webhook == null ? null : new WebhookSink(s.webhook, s.warehouse);
        LOG.info("{}: {} → alerts, {}, webhook {}, bounded {}, parallelism {}", JOB_NAME, InputDecoder.TOPICS,
                s.warehouse, s.webhook, s.bounded, s.parallelism);
        return new AlertJob(inputs, new AlertTopology.Sinks(kafkaSink(s.bootstrapServers, s.delivery,
                s.transactionalIdPrefix), warehouse, webhook), s.rules).execute(env);
    }

    /**
     * The alerts topic sink. Exactly-once uses Kafka transactions committed on checkpoints (alerts become visible
     * to read_committed consumers then); the transaction timeout stays below the brokers' default maximum (15 min).
     */
    public static KafkaSink<AlertRecord> kafkaSink(String bootstrapServers, DeliveryGuarantee delivery,
                                                    String transactionalIdPrefix) {
        return kafkaSink(bootstrapServers, delivery, transactionalIdPrefix, Topics.ALERTS.name());
    }

    public static KafkaSink<AlertRecord> kafkaSink(String bootstrapServers, DeliveryGuarantee delivery,
                                                    String transactionalIdPrefix, String topic) {
        return KafkaSink.<AlertRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new AlertKafkaSerializer(topic))
                .setDeliveryGuarantee(delivery)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(10).toMillis()))
                .setProperty("linger.ms", "0")
                .build();
    }

    /** Everything main needs, read and checked before anything connects. */
    static final class Settings {
        PiiProtector pii;
        WarehouseSettings warehouse;
        String bootstrapServers;
        String groupId;
        boolean bounded;
        int parallelism;
        Duration checkpointInterval;
        int batchSize;
        Duration watermarkInterval;
        Duration bufferTimeout;
        Duration outOfOrderness;
        Duration sourceIdleness;
        String registryTopic;
        DeliveryGuarantee delivery;
        String transactionalIdPrefix;
        RuleParams rules;
        WebhookSettings webhook;

        /** The robot's URL and secret must come from the environment: main's arguments land in the job graph. */
        static Settings read(String[] args) {
            return read(GridgovConfig.fromArgs(args, StreamingJob.ALERTS.options())
                    .refuseAsArguments(AlertOptions.WEBHOOK_URL, AlertOptions.WEBHOOK_SECRET));
        }

        static Settings read(GridgovConfig c) {
            Settings s = new Settings();
            s.pii = new PiiProtector(c.require(GridgovOptions.PII_SALT));
            s.warehouse = WarehouseSettings.from(c);
            s.bootstrapServers = c.get(GridgovOptions.KAFKA_BOOTSTRAP);
            s.groupId = c.get(AlertOptions.GROUP_ID);
            s.bounded = c.get(AlertOptions.BOUNDED);
            s.parallelism = c.get(AlertOptions.PARALLELISM);
            s.checkpointInterval = c.get(AlertOptions.CHECKPOINT_INTERVAL);
            s.batchSize = c.get(AlertOptions.BATCH_SIZE);
            s.watermarkInterval = c.get(AlertOptions.WATERMARK_INTERVAL);
            s.bufferTimeout = c.get(AlertOptions.BUFFER_TIMEOUT);
            s.outOfOrderness = c.get(AlertOptions.OUT_OF_ORDERNESS);
            s.sourceIdleness = c.get(AlertOptions.SOURCE_IDLENESS);
            s.registryTopic = c.get(AlertOptions.REGISTRY_TOPIC);
            s.delivery = delivery(c.get(AlertOptions.KAFKA_DELIVERY));
            s.transactionalIdPrefix = c.get(AlertOptions.TRANSACTIONAL_ID_PREFIX);
            s.rules = RuleParams.from(c);
            String url = c.get(AlertOptions.WEBHOOK_URL);
            if (url != null && !url.isBlank()) {
                s.webhook = new WebhookSettings(c.get(AlertOptions.WEBHOOK_FORMAT), url.trim(),
                        c.get(AlertOptions.WEBHOOK_SECRET), c.get(AlertOptions.WEBHOOK_MIN_LEVEL),
                        c.get(AlertOptions.WEBHOOK_RATE), c.get(AlertOptions.WEBHOOK_DIGEST_SIZE), 5);
            }
            return s;
        }

        static DeliveryGuarantee delivery(AlertDelivery delivery) {
            return switch (delivery) {
                case AT_LEAST_ONCE -> DeliveryGuarantee.AT_LEAST_ONCE;
                case EXACTLY_ONCE -> DeliveryGuarantee.EXACTLY_ONCE;
            };
        }
    }
}

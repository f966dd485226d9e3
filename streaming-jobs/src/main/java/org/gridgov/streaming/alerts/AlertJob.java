package org.gridgov.streaming.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.config.SecretSource;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.Topics;
import org.gridgov.streaming.alerts.fanout.AlertKafkaSerializer;
import org.gridgov.streaming.alerts.fanout.WebhookSecrets;
import org.gridgov.streaming.alerts.fanout.WebhookSettings;
import org.gridgov.streaming.alerts.fanout.WebhookSink;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.RouteInputs;
import org.gridgov.streaming.api.AlertDelivery;
import org.gridgov.streaming.api.AlertOptions;
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
 * The alert job: key-person rules, group petitions and overdue-case timers over the loader's {@code dwd.petition},
 * {@code dwd.hotline}, {@code dwd.police} and {@code case.events}, with the key-person registry as broadcast input;
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
        build(env);
        return env.execute(JOB_NAME);
    }

    /** The graph on {@code env}, not yet submitted. */
    void build(StreamExecutionEnvironment env) {
        AlertTopology.attach(AlertTopology.build(inputs.events(env), inputs.registry(env), params), sinks);
    }

    /**
     * Job settings shared by main and the tests: checkpoints drive the warehouse flushes, Kafka offset commits and
     * transactions; generic types are off so a type that would fall back to Kryo fails at graph build; watermarks
     * every {@code watermarkIntervalMs} and short network buffer timeouts keep alert latency low.
     *
     * <p>Object reuse is on (issue 15): a chained operator gets the record its predecessor emitted instead of a copy
     * (without it Flink copies every record between chained operators with its serializer). Safe here because no
     * function of the graph changes a record it received or keeps one it emits, and the keyed rules, which keep
     * their inputs in state, receive them over the network, deserialised into new objects (Flink's
     * {@code AbstractStreamTaskNetworkInput} reads with a {@code NonReusingDeserializationDelegate}).
     */
    public static void configure(
            StreamExecutionEnvironment env,
            long checkpointIntervalMs,
            int parallelism,
            long watermarkIntervalMs,
            long bufferTimeoutMs) {
        env.enableCheckpointing(checkpointIntervalMs);
        env.setParallelism(parallelism);
        env.getConfig().getSerializerConfig().setGenericTypes(false);
        env.getConfig().enableObjectReuse();
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
        return String.format(
                "%s finished in %.1f s: %d inputs, %d rejected, %d late; %d alerts raised (%s), " + "%d updates",
                JOB_NAME,
                r.getNetRuntime() / 1000.0,
                c.getOrDefault(RouteInputs.INPUTS, 0L),
                c.getOrDefault(RouteInputs.REJECTED, 0L),
                c.getOrDefault(AlertCounters.LATE, 0L),
                raised,
                String.join(", ", perRule),
                c.getOrDefault(AlertCounters.UPDATED, 0L));
    }

    /**
     * {@code --key=value} arguments and {@code GRIDGOV_*} environment variables ({@link StreamingJob#ALERTS}'s
     * options: the platform's warehouse and Kafka keys, {@link AlertOptions} and the flink.* checkpoints and
     * restarts); secrets GRIDGOV_WAREHOUSE_PASSWORD, GRIDGOV_ALERTS_WEBHOOK_URL and
     * GRIDGOV_ALERTS_WEBHOOK_SECRET from the environment or the {@code secrets.file}, read by the TaskManagers (the
     * client checks them, creates the missing topics and decides from the URL whether robots are pushed to).
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
            public void createTopics(Settings s) {
                if (s.createTopics) {
                    Preflight.createTopics(s.bootstrapServers, topics(s.registryTopic), s.kafkaReplication);
                }
            }

            @Override
            public Map<ConfigOption<String>, String> localSecrets(Settings s) {
                return s.clientSecrets;
            }

            @Override
            public void preflight(Settings s) {
                List<String> required = new ArrayList<>(InputDecoder.DWD_TOPICS);
                required.add(Topics.ALERTS.name());
                required.add(s.registryTopic);
                Preflight.kafka(s.bootstrapServers, required);
                Preflight.warehouse(s.warehouse);
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

    /** Every topic of the registry, the key-person registry under its configured name. */
    static List<Topic<?, ?>> topics(String registryTopic) {
        List<Topic<?, ?>> all = new ArrayList<>(Topics.all());
        if (!registryTopic.equals(Topics.KEY_PERSONS.name())) {
            all.add(Topics.KEY_PERSONS.withName(registryTopic));
        }
        return all;
    }

    static JobExecutionResult run(Settings s, StreamExecutionEnvironment env) throws Exception {
        build(s, env);
        return env.execute(JOB_NAME);
    }

    /** The production graph on {@code env}: Kafka in, Kafka, warehouse and robots out, secrets read by the tasks. */
    static void build(Settings s, StreamExecutionEnvironment env) {
        configure(
                env,
                s.checkpointInterval.toMillis(),
                s.parallelism,
                s.watermarkInterval.toMillis(),
                s.bufferTimeout.toMillis());
        s.faultTolerance.applyTo(env);
        AlertInputs inputs = new KafkaAlertInputs(
                s.bootstrapServers,
                s.groupId,
                s.bounded,
                InputDecoder.dwd(),
                s.registryTopic,
                s.outOfOrderness.toMillis(),
                s.sourceIdleness.toMillis());
        // Production on Doris: a DorisSink (flink-doris-connector, stream load with 2PC and a unique
        // sink.label-prefix per job) can replace the JDBC sink here; the graph takes any Sink<TableRow>.
        TaskSecret<WarehouseSettings> warehouseAccess = TaskSecret.warehouse(s.warehouse, s.secrets);
        Sink<TableRow> warehouse = new WarehouseSink(warehouseAccess, s.batchSize);
        Sink<AlertRecord> webhook =
                s.webhook == null ? null : new WebhookSink(new WebhookSecrets(s.webhook, s.secrets), warehouseAccess);
        LOG.info(
                "{}: {} → alerts, {}, webhook {}, bounded {}, parallelism {}",
                JOB_NAME,
                InputDecoder.DWD_TOPICS,
                s.warehouse,
                s.webhook,
                s.bounded,
                s.parallelism);
        new AlertJob(
                        inputs,
                        new AlertTopology.Sinks(
                                kafkaSink(s.bootstrapServers, s.delivery, s.transactionalIdPrefix), warehouse, webhook),
                        s.rules)
                .build(env);
    }

    /**
     * The alerts topic sink. Exactly-once uses Kafka transactions committed on checkpoints (alerts become visible
     * to read_committed consumers then); the transaction timeout stays below the brokers' default maximum (15 min).
     */
    public static KafkaSink<AlertRecord> kafkaSink(
            String bootstrapServers, DeliveryGuarantee delivery, String transactionalIdPrefix) {
        return kafkaSink(bootstrapServers, delivery, transactionalIdPrefix, Topics.ALERTS.name());
    }

    public static KafkaSink<AlertRecord> kafkaSink(
            String bootstrapServers, DeliveryGuarantee delivery, String transactionalIdPrefix, String topic) {
        return KafkaSink.<AlertRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new AlertKafkaSerializer(topic))
                .setDeliveryGuarantee(delivery)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty(
                        "transaction.timeout.ms",
                        String.valueOf(Duration.ofMinutes(10).toMillis()))
                .setProperty("linger.ms", "0")
                .build();
    }

    /** Everything main needs, read and checked before anything connects. */
    static final class Settings {
        /** Where the tasks read the secrets; {@link #clientSecrets} are what this process read (local runs only). */
        SecretSource secrets;

        Map<ConfigOption<String>, String> clientSecrets = new LinkedHashMap<>();
        int kafkaReplication;
        boolean createTopics;
        FaultTolerance faultTolerance;
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
        /** The robot's settings as this client read them; the graph gets them without URL token and secret. */
        WebhookSettings webhook;

        /** The robot's URL and secret must come from the environment: main's arguments land in the job graph. */
        static Settings read(String[] args) {
            return read(GridgovConfig.fromArgs(args, StreamingJob.ALERTS.options())
                    .refuseAsArguments(AlertOptions.WEBHOOK_URL, AlertOptions.WEBHOOK_SECRET));
        }

        static Settings read(GridgovConfig c) {
            Settings s = new Settings();
            s.secrets = SecretSource.from(c);
            // no GRIDGOV_PII_SALT: the job reads person keys (dwd topics, registry) and computes none (issue 15)
            s.clientSecrets.put(
                    GridgovOptions.WAREHOUSE_PASSWORD,
                    FlinkJobMain.clientSecret(c, s.secrets, GridgovOptions.WAREHOUSE_PASSWORD, false));
            s.kafkaReplication = c.get(GridgovOptions.KAFKA_REPLICATION);
            s.createTopics = c.get(GridgovOptions.KAFKA_CREATE_TOPICS);
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
            s.faultTolerance = FaultTolerance.read(c, s.checkpointInterval);
            String url = FlinkJobMain.clientSecret(c, s.secrets, AlertOptions.WEBHOOK_URL, false);
            if (url != null) {
                String secret = FlinkJobMain.clientSecret(c, s.secrets, AlertOptions.WEBHOOK_SECRET, false);
                s.webhook = new WebhookSettings(
                        c.get(AlertOptions.WEBHOOK_FORMAT),
                        url.trim(),
                        secret,
                        c.get(AlertOptions.WEBHOOK_MIN_LEVEL),
                        c.get(AlertOptions.WEBHOOK_RATE),
                        c.get(AlertOptions.WEBHOOK_DIGEST_SIZE),
                        5);
                s.clientSecrets.put(AlertOptions.WEBHOOK_URL, url.trim());
                s.clientSecrets.put(AlertOptions.WEBHOOK_SECRET, secret);
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

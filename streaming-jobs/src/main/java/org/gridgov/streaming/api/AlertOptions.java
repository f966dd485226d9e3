package org.gridgov.streaming.api;

import java.time.Duration;
import java.util.List;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.AlertLevel;

/**
 * Configuration keys of the alert job, on top of the platform's
 * ({@code GridgovConfig.fromArgs(args, StreamingJob.ALERTS.options())}). Rule defaults are the definitions the
 * generator plants, so a run with defaults is scored against its ground truth as it is.
 */
public final class AlertOptions {

    // ---- job ---------------------------------------------------------------------------------------------------
    public static final ConfigOption<Boolean> BOUNDED = ConfigOption.bool(
            "alerts.bounded",
            false,
            "Stop once the input topics are read up to the offsets current at start (demo, backfill); "
                    + "end of input is not the passage of time: open cases are not declared overdue by it.");
    public static final ConfigOption<Integer> PARALLELISM = ConfigOption.integer(
                    "alerts.parallelism",
                    2,
                    "Parallelism of the alert job (the webhook sink always runs at 1: one rate limit per robot).")
            .atLeast(1);
    public static final ConfigOption<String> GROUP_ID = ConfigOption.string(
            "alerts.group-id",
            "gridgov-alerts",
            "Kafka consumer group of the alert job (offsets are committed on checkpoints).");
    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL = ConfigOption.duration(
                    "alerts.checkpoint-interval",
                    Duration.ofSeconds(10),
                    "Checkpoint interval; warehouse rows are flushed and Kafka transactions committed " + "on each.")
            .atLeast(Duration.ofMillis(10))
            .withDeprecatedKeys("alerts.checkpoint-interval-ms");
    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOption.integer(
                    "alerts.batch-size", 200, "Rows per table buffered before the warehouse sink writes a JDBC batch.")
            .atLeast(1);
    public static final ConfigOption<String> REGISTRY_TOPIC = ConfigOption.string(
            "alerts.registry-topic",
            Topics.KEY_PERSONS.name(),
            "Compacted Kafka topic of the key-person registry (重点人员), keyed by person key; "
                    + "created with cleanup.policy=compact when missing.");
    public static final ConfigOption<AlertDelivery> KAFKA_DELIVERY = ConfigOption.enumeration(
            "alerts.kafka.delivery",
            AlertDelivery.class,
            AlertDelivery.AT_LEAST_ONCE,
            "Delivery to the alerts topic: at-least-once (low "
                    + "latency; consumers dedup by the alert id, which is the record key) or exactly-once (Kafka "
                    + "transactions committed on checkpoints).");
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = ConfigOption.string(
            "alerts.kafka.transactional-id-prefix",
            "gridgov-alerts",
            "Transactional id prefix of the exactly-once alerts producer; unique per job on a Kafka cluster.");

    // ---- time --------------------------------------------------------------------------------------------------
    public static final ConfigOption<Duration> OUT_OF_ORDERNESS = ConfigOption.duration(
                    "alerts.out-of-orderness",
                    Duration.ZERO,
                    "How far behind the latest event time of a Kafka partition the watermark stays.")
            .withDeprecatedKeys("alerts.out-of-orderness-ms");
    public static final ConfigOption<Duration> ALLOWED_LATENESS = ConfigOption.duration(
                    "alerts.allowed-lateness",
                    Duration.ofMinutes(10),
                    "Events behind the watermark by at most this are still applied (out of order); "
                            + "later ones are stored in dlq_alert_input as LATE.")
            .withDeprecatedKeys("alerts.allowed-lateness-ms");
    public static final ConfigOption<Duration> SOURCE_IDLENESS = ConfigOption.duration(
                    "alerts.source-idleness",
                    Duration.ofSeconds(1),
                    "A Kafka partition without records for this long stops holding the watermark back "
                            + "(every event waits for the slowest active partition: a long idleness is added to the latency "
                            + "whenever a quiet partition, e.g. of case.events, has had no record for a while).")
            .withDeprecatedKeys("alerts.source-idleness-ms");
    public static final ConfigOption<Duration> WATERMARK_INTERVAL = ConfigOption.duration(
                    "alerts.watermark-interval",
                    Duration.ofMillis(50),
                    "How often sources emit watermarks (drives alert latency).")
            .atLeast(Duration.ofMillis(1))
            .withDeprecatedKeys("alerts.watermark-interval-ms");
    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOption.duration(
                    "alerts.buffer-timeout",
                    Duration.ofMillis(10),
                    "Longest time a network buffer waits to fill before it is sent (latency against " + "throughput).")
            .withDeprecatedKeys("alerts.buffer-timeout-ms");

    // ---- key-person rules ------------------------------------------------------------------------------------
    public static final ConfigOption<Integer> PETITION_COUNT = ConfigOption.integer(
            "alerts.repeat-petition.count", 3, "Repeat petitions: at least this many petitions of one person ...");
    public static final ConfigOption<Integer> PETITION_WINDOW_DAYS = ConfigOption.integer(
            "alerts.repeat-petition.window-days",
            30,
            "... within this many days. A repeat petitioner becomes a key person.");
    public static final ConfigOption<Integer> CALL_COUNT = ConfigOption.integer(
            "alerts.repeat-call.count",
            3,
            "Repeat 12345 calls: at least this many calls of one person on the same category ...");
    public static final ConfigOption<Integer> CALL_WINDOW_DAYS =
            ConfigOption.integer("alerts.repeat-call.window-days", 30, "... within this many days.");
    public static final ConfigOption<Integer> GROUP_PERSONS = ConfigOption.integer(
            "alerts.group-petition.persons",
            5,
            "Group petition (集访): at least this many distinct persons petitioning about the same company ...");
    public static final ConfigOption<Integer> GROUP_WINDOW_HOURS =
            ConfigOption.integer("alerts.group-petition.window-hours", 6, "... within this many hours.");
    public static final ConfigOption<Integer> CROSS_SOURCE_LOOKBACK_DAYS = ConfigOption.integer(
            "alerts.cross-source.lookback-days",
            30,
            "A police incident counts for a key person when it lies at most "
                    + "this many days before the first petition of the episode that made them one, or any time while "
                    + "they are one.");
    public static final ConfigOption<Integer> KEY_PERSON_TTL_DAYS = ConfigOption.integer(
            "alerts.key-person.detected-ttl-days",
            90,
            "A repeat petitioner stays a key person this many days after their last petition.");

    // ---- overdue cases -----------------------------------------------------------------------------------------
    public static final ConfigOption<Double> WARN_FRACTION = ConfigOption.number(
            "alerts.overdue.warn-fraction",
            0.8,
            "Due-soon warning when this fraction of a case's time limit (accept → deadline) has passed; strictly "
                    + "between 0 and 1.");
    public static final ConfigOption<Integer> ESCALATE_AFTER_HOURS = ConfigOption.integer(
            "alerts.overdue.escalate-after-hours",
            24,
            "An overdue case still open this long after its deadline is " + "escalated (督办).");

    // ---- webhook -----------------------------------------------------------------------------------------------
    public static final ConfigOption<String> WEBHOOK_URL = ConfigOption.secret(
            "alerts.webhook.url",
            "Robot webhook URL (it carries the access token): set GRIDGOV_ALERTS_WEBHOOK_URL; empty = no pushes.");
    public static final ConfigOption<String> WEBHOOK_SECRET = ConfigOption.secret(
            "alerts.webhook.secret",
            "DingTalk signing secret (SEC...): set GRIDGOV_ALERTS_WEBHOOK_SECRET; empty = unsigned.");
    public static final ConfigOption<WebhookFormat> WEBHOOK_FORMAT = ConfigOption.enumeration(
            "alerts.webhook.format",
            WebhookFormat.class,
            WebhookFormat.DINGTALK,
            "Robot message format: dingtalk or wecom.");
    public static final ConfigOption<AlertLevel> WEBHOOK_MIN_LEVEL = ConfigOption.enumeration(
            "alerts.webhook.min-level",
            AlertLevel.class,
            AlertLevel.ORANGE,
            "Push alerts of this level and above (red, orange, yellow, blue).");
    public static final ConfigOption<Integer> WEBHOOK_RATE = ConfigOption.integer(
                    "alerts.webhook.rate-per-minute",
                    20,
                    "Messages per minute the robot accepts (DingTalk and WeCom: 20); alerts beyond it go into digests.")
            .atLeast(1);
    public static final ConfigOption<Integer> WEBHOOK_DIGEST_SIZE = ConfigOption.integer(
                    "alerts.webhook.digest-size", 30, "Most alerts listed in one digest message.")
            .atLeast(1);

    public static final List<ConfigOption<?>> ALL = List.of(
            BOUNDED,
            PARALLELISM,
            GROUP_ID,
            CHECKPOINT_INTERVAL,
            BATCH_SIZE,
            REGISTRY_TOPIC,
            KAFKA_DELIVERY,
            TRANSACTIONAL_ID_PREFIX,
            OUT_OF_ORDERNESS,
            ALLOWED_LATENESS,
            SOURCE_IDLENESS,
            WATERMARK_INTERVAL,
            BUFFER_TIMEOUT,
            PETITION_COUNT,
            PETITION_WINDOW_DAYS,
            CALL_COUNT,
            CALL_WINDOW_DAYS,
            GROUP_PERSONS,
            GROUP_WINDOW_HOURS,
            CROSS_SOURCE_LOOKBACK_DAYS,
            KEY_PERSON_TTL_DAYS,
            WARN_FRACTION,
            ESCALATE_AFTER_HOURS,
            WEBHOOK_URL,
            WEBHOOK_SECRET,
            WEBHOOK_FORMAT,
            WEBHOOK_MIN_LEVEL,
            WEBHOOK_RATE,
            WEBHOOK_DIGEST_SIZE);

    private AlertOptions() {}
}

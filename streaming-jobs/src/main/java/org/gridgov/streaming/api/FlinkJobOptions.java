package org.gridgov.streaming.api;

import java.time.Duration;
import java.util.List;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;

/**
 * Checkpoints and restarts of both Flink jobs on a cluster (their intervals are the jobs' own:
 * {@code loader.checkpoint-interval}, {@code alerts.checkpoint-interval}). A run on a local MiniCluster keeps its own
 * temp-dir checkpoints and bounded restarts and ignores storage and restart strategy; timeout and pause apply to both.
 * Spreading slots over TaskManagers is the cluster's setting ({@code cluster.evenly-spread-out-slots: true} in the
 * JobManager's configuration), not a job's: see the root README's cluster section.
 */
public final class FlinkJobOptions {

    public static final ConfigOption<String> CHECKPOINT_DIR = ConfigOption.string(
            "flink.checkpoint.dir",
            "",
            "Checkpoint storage directory every JobManager and TaskManager reaches (hdfs://, s3://, or file:// on a "
                    + "shared mount); empty = the cluster's state.checkpoints.dir.");
    public static final ConfigOption<CheckpointRetention> CHECKPOINT_RETENTION = ConfigOption.enumeration(
            "flink.checkpoint.retention",
            CheckpointRetention.class,
            CheckpointRetention.RETAIN_ON_CANCELLATION,
            "Whether a cancel keeps the last checkpoint (retain-on-cancellation: resume with flink run -s) or "
                    + "deletes it (delete-on-cancellation). Upgrades use flink stop --savepointPath instead.");
    public static final ConfigOption<Duration> CHECKPOINT_TIMEOUT = ConfigOption.duration(
                    "flink.checkpoint.timeout",
                    Duration.ofMinutes(10),
                    "A checkpoint not completed in this time is aborted (and counts as a failure "
                            + "after three in a row).")
            .atLeast(Duration.ofMillis(10));
    public static final ConfigOption<Duration> CHECKPOINT_MIN_PAUSE = ConfigOption.duration(
            "flink.checkpoint.min-pause",
            Duration.ZERO,
            "Least time between the end of one checkpoint and the start "
                    + "of the next, so a slow warehouse flush does not leave the job checkpointing all the time.");
    public static final ConfigOption<RestartStrategy> RESTART_STRATEGY = ConfigOption.enumeration(
            "flink.restart.strategy",
            RestartStrategy.class,
            RestartStrategy.EXPONENTIAL_DELAY,
            "Restarts on a cluster: exponential-delay (default), fixed-delay, or cluster (the cluster's "
                    + "restart-strategy.type).");
    public static final ConfigOption<Duration> RESTART_INITIAL_BACKOFF = ConfigOption.duration(
                    "flink.restart.initial-backoff",
                    Duration.ofSeconds(1),
                    "First wait before a restart (the fixed " + "delay of fixed-delay).")
            .atLeast(Duration.ofMillis(1));
    public static final ConfigOption<Duration> RESTART_MAX_BACKOFF = ConfigOption.duration(
                    "flink.restart.max-backoff",
                    Duration.ofMinutes(1),
                    "Longest wait between restarts (exponential-delay).")
            .atLeast(Duration.ofMillis(1));
    public static final ConfigOption<Integer> RESTART_ATTEMPTS = ConfigOption.integer(
                    "flink.restart.attempts",
                    20,
                    "Restarts in a row before the job fails for good (exponential-delay: before an hour without failure "
                            + "resets the count).")
            .atLeast(1);

    public static final List<ConfigOption<?>> ALL = List.of(
            CHECKPOINT_DIR,
            CHECKPOINT_RETENTION,
            CHECKPOINT_TIMEOUT,
            CHECKPOINT_MIN_PAUSE,
            RESTART_STRATEGY,
            RESTART_INITIAL_BACKOFF,
            RESTART_MAX_BACKOFF,
            RESTART_ATTEMPTS);

    /**
     * The platform's keys a Flink job's client reads besides the connections: topic creation before submitting and
     * the secrets file the TaskManagers read.
     */
    public static final List<ConfigOption<?>> CLIENT =
            List.of(GridgovOptions.KAFKA_REPLICATION, GridgovOptions.KAFKA_CREATE_TOPICS, GridgovOptions.SECRETS_FILE);

    private FlinkJobOptions() {}
}

package org.gridgov.streaming.job;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.streaming.api.CheckpointRetention;
import org.gridgov.streaming.api.FlinkJobOptions;
import org.gridgov.streaming.api.RestartStrategy;

/**
 * A Flink job's checkpoints and restarts, read from {@link FlinkJobOptions} and the job's own interval. On a cluster
 * the job sets its checkpoint storage (when {@code flink.checkpoint.dir} is given), keeps its last checkpoint on
 * cancel (by default) and restarts with an exponential backoff and a limit, instead of inheriting whatever the
 * cluster's configuration says (Flink's default with checkpoints is to restart forever without a delay limit, and a
 * cancel deletes the checkpoints). A local MiniCluster run keeps {@link LocalRun}'s temp dir and bounded restarts.
 */
public record FaultTolerance(
        Duration interval,
        String checkpointDir,
        CheckpointRetention retention,
        Duration timeout,
        Duration minPause,
        RestartStrategy restart,
        Duration initialBackoff,
        Duration maxBackoff,
        int attempts) {

    /** The options, with {@code interval} the job's own checkpoint interval. */
    public static FaultTolerance read(GridgovConfig c, Duration interval) {
        return new FaultTolerance(
                interval,
                c.get(FlinkJobOptions.CHECKPOINT_DIR),
                c.get(FlinkJobOptions.CHECKPOINT_RETENTION),
                c.get(FlinkJobOptions.CHECKPOINT_TIMEOUT),
                c.get(FlinkJobOptions.CHECKPOINT_MIN_PAUSE),
                c.get(FlinkJobOptions.RESTART_STRATEGY),
                c.get(FlinkJobOptions.RESTART_INITIAL_BACKOFF),
                c.get(FlinkJobOptions.RESTART_MAX_BACKOFF),
                c.get(FlinkJobOptions.RESTART_ATTEMPTS));
    }

    /** Checkpointing every {@link #interval} with its timeout and pause; storage and restarts unless local. */
    public void applyTo(StreamExecutionEnvironment env) {
        env.enableCheckpointing(interval.toMillis());
        env.getCheckpointConfig().setCheckpointTimeout(timeout.toMillis());
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(minPause.toMillis());
        if (!(env instanceof LocalStreamEnvironment)) {
            env.configure(clusterConfiguration());
        }
    }

    /** What a cluster run sets on top of the cluster's configuration. */
    public Configuration clusterConfiguration() {
        Configuration conf = new Configuration();
        if (!checkpointDir.isBlank()) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.trim());
        }
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                switch (retention) {
                    case RETAIN_ON_CANCELLATION -> ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION;
                    case DELETE_ON_CANCELLATION -> ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION;
                });
        switch (restart) {
            case EXPONENTIAL_DELAY -> {
                conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
                conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, initialBackoff);
                conf.set(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                        maxBackoff.compareTo(initialBackoff) < 0 ? initialBackoff : maxBackoff);
                conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, attempts);
                conf.set(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                        Duration.ofHours(1));
            }
            case FIXED_DELAY -> {
                conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
                conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
                conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, initialBackoff);
            }
            case CLUSTER -> {
                // the cluster's restart-strategy.type applies
            }
        }
        return conf;
    }
}

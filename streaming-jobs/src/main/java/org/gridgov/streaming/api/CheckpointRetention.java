package org.gridgov.streaming.api;

/**
 * What becomes of a job's last checkpoints when it is cancelled ({@code flink.checkpoint.retention}); the job maps it
 * onto Flink's {@code ExternalizedCheckpointRetention}, which the api package cannot name.
 */
public enum CheckpointRetention {
    /** Kept: a cancelled job can be resumed from its last checkpoint with {@code flink run -s <checkpoint>}. */
    RETAIN_ON_CANCELLATION,
    /** Deleted by a cancel (kept only when the job fails for good); Flink's default. */
    DELETE_ON_CANCELLATION
}

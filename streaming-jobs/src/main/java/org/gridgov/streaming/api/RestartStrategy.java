package org.gridgov.streaming.api;

/** How a Flink job restarts after a failure on a cluster ({@code flink.restart.strategy}). */
public enum RestartStrategy {
    /**
     * Wait {@code flink.restart.initial-backoff}, doubling up to {@code flink.restart.max-backoff}, at most
     * {@code flink.restart.attempts} times in a row; the backoff resets after an hour without failure.
     */
    EXPONENTIAL_DELAY,
    /** {@code flink.restart.attempts} restarts, {@code flink.restart.initial-backoff} apart. */
    FIXED_DELAY,
    /** Whatever the cluster's {@code restart-strategy.type} says. */
    CLUSTER
}

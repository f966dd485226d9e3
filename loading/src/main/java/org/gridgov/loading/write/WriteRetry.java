package org.gridgov.loading.write;

import java.io.Serializable;
import java.time.Duration;

/**
 * How often a failed batch is tried and how long to wait between tries: the first wait is {@code initialBackoff},
 * each later one {@code factor} times the one before. A retry after a deadlock or a dropped connection rewrites the
 * whole batch on a fresh connection; the rows are idempotent upserts, so it cannot duplicate anything.
 */
public record WriteRetry(int maxAttempts, Duration initialBackoff, double factor) implements Serializable {

    /** The local DataX runner's: 3 tries, 200 ms then 800 ms. */
    public static final WriteRetry BATCH_LOAD = new WriteRetry(3, Duration.ofMillis(200), 4);

    public WriteRetry {
        if (maxAttempts < 1 || initialBackoff.isNegative() || factor < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive, backoff not negative, factor at least 1");
        }
    }

    /** A streaming sink's: {@code maxAttempts} tries, waits from {@code initialBackoffMs} doubling. */
    public static WriteRetry doubling(int maxAttempts, long initialBackoffMs) {
        return new WriteRetry(maxAttempts, Duration.ofMillis(initialBackoffMs), 2);
    }

    /** The longest wait this policy can reach, for Failsafe's backoff ceiling. */
    Duration maxBackoff() {
        return initialBackoff.multipliedBy((long) Math.ceil(Math.pow(factor, Math.max(0, maxAttempts - 2))));
    }
}

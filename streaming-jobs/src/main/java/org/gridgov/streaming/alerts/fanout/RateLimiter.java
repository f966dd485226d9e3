package org.gridgov.streaming.alerts.fanout;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The robot's rate limit as a Bucket4j token bucket: {@code perMinute} messages, refilled greedily (continuously),
 * starting full. Robots reject bursts (20 per minute for DingTalk and WeCom); the pusher asks here before every post.
 * The clock is injected (nanoseconds) as Bucket4j's {@link TimeMeter}, so tests move time by hand.
 */
public final class RateLimiter {

    private final Bucket bucket;

    public RateLimiter(int perMinute, LongSupplier nanos) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("alerts.webhook.rate-per-minute must be at least 1");
        }
        TimeMeter clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    public boolean tryAcquire() {
        return bucket.tryConsume(1);
    }

    /** Nanoseconds until the next token (0 when one is there). */
    public long nanosUntilNext() {
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }
}

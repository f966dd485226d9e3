package org.gridgov.streaming.alerts.fanout;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perMinute} messages, refilled continuously, starting full. Robots reject bursts (20 per
 * minute for DingTalk and WeCom); the pusher asks here before every post. The clock is injected (nanoseconds).
 */
public final class RateLimiter {

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanos;
    private double tokens;
    private long last;

    public RateLimiter(int perMinute, LongSupplier nanos) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("alerts.webhook.rate-per-minute must be at least 1");
        }
        this.capacity = perMinute;
        this.perNano = perMinute / 60e9;
        this.nanos = nanos;
        this.tokens = perMinute;
        this.last = nanos.getAsLong();
    }

    public boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Nanoseconds until the next token (0 when one is there). */
    public long nanosUntilNext() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    private void refill() {
        long now = nanos.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}

package org.gridgov.cases.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.cases.CaseServiceProperties;
import org.springframework.stereotype.Component;

/**
 * Per-IP and per-account rate limits as Bucket4j token buckets (capacity = the limit per minute, refilled greedily),
 * one bucket per key, on the service clock (tests move it). Limits of 0 are off.
 * <ul>
 *   <li>sign-in per client address ({@code POST /login}, {@code POST /api/auth/token}) and per account name;</li>
 *   <li>public endpoints ({@code /open311/**}) per client address.</li>
 * </ul>
 * The client address is the servlet's remote address: behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so it is the client's and not the proxy's (README, "Running behind TLS").
 * Keys are held in memory per instance; past {@link #MAX_KEYS} the idle (full) buckets are dropped first.
 */
@Component
public class RateLimits {

    /** What a bucket limits. */
    public enum Limit {
        LOGIN_PER_IP,
        LOGIN_PER_ACCOUNT,
        PUBLIC_PER_IP
    }

    static final int MAX_KEYS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final CaseServiceProperties props;
    private final TimeMeter time;

    public RateLimits(CaseServiceProperties props, Clock clock) {
        this.props = props;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** Takes one request of {@code key} (an address or an account name) from its bucket; false when it is empty. */
    public boolean tryConsume(Limit limit, String key) {
        int perMinute = perMinute(limit);
        if (perMinute <= 0) {
            return true;
        }
        if (buckets.size() > MAX_KEYS) {
            evictIdle();
        }
        return buckets.computeIfAbsent(limit + ":" + key, k -> bucket(perMinute))
                .tryConsume(1);
    }

    /** One sign-in attempt for an account name (known or not). */
    public boolean tryLoginFor(String username) {
        return tryConsume(Limit.LOGIN_PER_ACCOUNT, username);
    }

    int perMinute(Limit limit) {
        return switch (limit) {
            case LOGIN_PER_IP -> props.loginPerIpPerMinute();
            case LOGIN_PER_ACCOUNT -> props.loginPerAccountPerMinute();
            case PUBLIC_PER_IP -> props.publicPerIpPerMinute();
        };
    }

    private Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Full buckets belong to keys that have been quiet for a minute: forgetting them changes no answer. */
    private synchronized void evictIdle() {
        if (buckets.size() <= MAX_KEYS) {
            return;
        }
        buckets.entrySet().removeIf(e -> {
            String limit = e.getKey().substring(0, e.getKey().indexOf(':'));
            return e.getValue().getAvailableTokens() >= perMinute(Limit.valueOf(limit));
        });
        if (buckets.size() > MAX_KEYS) {
            // a flood of distinct keys: start over rather than grow without bound
            buckets.clear();
        }
    }
}

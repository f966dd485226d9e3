package org.gridgov.cases.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.Sha256;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for API clients. Only the SHA-256 of a token is stored, so a copy of the database does not hold
 * usable tokens. Resolved tokens are cached in memory (a lookup per request would double the cost of the cheapest
 * calls), but for {@code tokenRecheck} at most: then the token row and the account are read again, so a token revoked
 * or an account disabled or locked by another instance, or by hand in the database, stops working within that time.
 * Revoking here ({@link #revoke}, {@link #revokeAll}: sign-out, lockout, disabling) takes effect at once.
 */
@Component
public class ApiTokens {

    public record Issued(String token, LocalDateTime expiresAt) {}

    private record Cached(Staff staff, LocalDateTime expiresAt, LocalDateTime checkedAt) {}

    private final SecureRandom random = new SecureRandom();
    private final ApiTokenStore stored;
    private final UserStore users;
    private final CaseServiceProperties props;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiTokens(ApiTokenStore stored, UserStore users, CaseServiceProperties props, Clock clock) {
        this.stored = stored;
        this.users = users;
        this.props = props;
        this.clock = clock;
    }

    public Issued issue(Staff staff) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime expires = now.plus(props.tokenTtl());
        stored.insert(Sha256.hex(token), staff.username(), now, expires);
        return new Issued(token, expires);
    }

    public Optional<Staff> resolve(String token) {
        String h = Sha256.hex(token);
        LocalDateTime now = LocalDateTime.now(clock);
        Cached c = cache.get(h);
        if (c == null || !c.checkedAt().plus(props.tokenRecheck()).isAfter(now)) {
            c = load(h, now);
            if (c == null) {
                cache.remove(h);
                return Optional.empty();
            }
            cache.put(h, c);
        }
        if (!c.expiresAt().isAfter(now)) {
            cache.remove(h);
            return Optional.empty();
        }
        return Optional.of(c.staff());
    }

    /** The token's row and its account as they are now; null if either is gone, disabled or locked. */
    private Cached load(String hash, LocalDateTime now) {
        Optional<ApiTokenStore.StoredToken> row = stored.find(hash);
        if (row.isEmpty()) {
            return null;
        }
        Optional<UserAccount> account = users.find(row.get().username());
        if (account.isEmpty() || !account.get().enabled() || account.get().lockedAt(now)) {
            return null;
        }
        return new Cached(account.get().staff(), row.get().expiresAt(), now);
    }

    public void revoke(String token) {
        String h = Sha256.hex(token);
        cache.remove(h);
        stored.delete(h);
    }

    /** Every token of the user, stored and cached: on lockout and when the account is disabled. */
    public void revokeAll(String username) {
        stored.deleteAllOf(username);
        cache.values().removeIf(c -> c.staff().username().equals(username));
    }
}

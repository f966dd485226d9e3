package org.gridgov.cases.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.gridgov.cases.CaseServiceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for API clients. Only the SHA-256 of a token is stored, so a copy of the database does not hold
 * usable tokens. Resolved tokens are cached in memory until they expire: a lookup per request would double the cost
 * of the cheapest calls.
 */
@Component
public class ApiTokens {

    public record Issued(String token, LocalDateTime expiresAt) {
    }

    private record Cached(Staff staff, LocalDateTime expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final UserStore users;
    private final CaseServiceProperties props;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiTokens(JdbcTemplate jdbc, UserStore users, CaseServiceProperties props, Clock clock) {
        this.jdbc = jdbc;
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
        jdbc.update("INSERT INTO api_token (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)",
                hash(token), staff.username(), now, expires);
        return new Issued(token, expires);
    }

    public Optional<Staff> resolve(String token) {
        String h = hash(token);
        LocalDateTime now = LocalDateTime.now(clock);
        Cached c = cache.get(h);
        if (c == null) {
            var rows = jdbc.queryForList("SELECT username, expires_at FROM api_token WHERE token_hash = ?", h);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            LocalDateTime expires = (LocalDateTime) rows.get(0).get("expires_at");
            Optional<UserAccount> account = users.find((String) rows.get(0).get("username"));
            if (account.isEmpty() || !account.get().enabled()) {
                return Optional.empty();
            }
            c = new Cached(account.get().staff(), expires);
            cache.put(h, c);
        }
        if (!c.expiresAt().isAfter(now)) {
            cache.remove(h);
            return Optional.empty();
        }
        return Optional.of(c.staff());
    }

    public void revoke(String token) {
        String h = hash(token);
        cache.remove(h);
        jdbc.update("DELETE FROM api_token WHERE token_hash = ?", h);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.gridgov.cases.security;

import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL for bearer tokens ({@code api_token}), which are stored by their SHA-256 only. */
@Repository
public class ApiTokenStore {

    /** A stored token: whose it is and until when it is valid. */
    public record StoredToken(String username, LocalDateTime expiresAt) {}

    private final JdbcTemplate jdbc;

    public ApiTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, String username, LocalDateTime createdAt, LocalDateTime expiresAt) {
        jdbc.update(
                "INSERT INTO api_token (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)",
                tokenHash,
                username,
                createdAt,
                expiresAt);
    }

    public Optional<StoredToken> find(String tokenHash) {
        return jdbc
                .query(
                        "SELECT username, expires_at FROM api_token WHERE token_hash = ?",
                        (rs, i) -> new StoredToken(rs.getString(1), rs.getObject(2, LocalDateTime.class)),
                        tokenHash)
                .stream()
                .findFirst();
    }

    public void delete(String tokenHash) {
        jdbc.update("DELETE FROM api_token WHERE token_hash = ?", tokenHash);
    }

    public void deleteAllOf(String username) {
        jdbc.update("DELETE FROM api_token WHERE username = ?", username);
    }
}

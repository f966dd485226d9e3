package org.gridgov.cases.security;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Users and their login counters. */
@Repository
public class UserStore {

    private static final RowMapper<UserAccount> ROW = (rs, i) -> new UserAccount(
            rs.getString("username"),
            rs.getString("display_name"),
            rs.getString("password_hash"),
            Role.valueOf(rs.getString("role")),
            rs.getString("scope_code"),
            rs.getString("department_code"),
            rs.getBoolean("enabled"),
            rs.getInt("failed_attempts"),
            rs.getObject("locked_until", LocalDateTime.class));

    private final JdbcTemplate jdbc;

    public UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", ROW, username).stream()
                .findFirst();
    }

    public List<UserAccount> all() {
        return jdbc.query("SELECT * FROM app_user ORDER BY role, username", ROW);
    }

    public boolean isEmpty() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class);
        return n == null || n == 0;
    }

    public void create(
            String username,
            String displayName,
            String passwordHash,
            Role role,
            String scopeCode,
            String departmentCode,
            LocalDateTime now) {
        jdbc.update(
                "INSERT INTO app_user (username, display_name, password_hash, role, scope_code, department_code,"
                        + " enabled, failed_attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, 0, ?)",
                username,
                displayName,
                passwordHash,
                role.name(),
                scopeCode,
                departmentCode,
                now);
    }

    /** Clears the failures and any lock (tests, and an administrator unlocking an account). */
    public void resetFailures(String username) {
        jdbc.update("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = ?", username);
    }

    /** Enables or disables an account; false if there is no such account. */
    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.update("UPDATE app_user SET enabled = ? WHERE username = ?", enabled, username) == 1;
    }

    /** Enabled users whose area is exactly {@code areaCode}: the staff of that organisation. */
    public List<String> enabledUsernamesScopedTo(String areaCode) {
        return jdbc.queryForList(
                "SELECT username FROM app_user WHERE scope_code = ? AND enabled", String.class, areaCode);
    }

    /** Enabled users of {@code role} whose area covers the grid. */
    public List<String> enabledUsernamesCovering(String role, String gridCode) {
        return jdbc.queryForList(
                "SELECT username FROM app_user WHERE role = ? AND enabled" + " AND ? LIKE CONCAT(scope_code, '%')",
                String.class, role, gridCode);
    }
}

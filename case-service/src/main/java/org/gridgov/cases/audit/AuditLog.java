package org.gridgov.cases.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.jdbc.WriteBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did what, when and from where. Successful changes are written inside the caller's transaction, so a rolled-back
 * change leaves no audit row; refusals are written in their own transaction, because the refused request rolls back.
 */
@Component
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, PlatformTransactionManager tx, Clock clock) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(tx);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public void ok(String username, String action, String targetType, String targetId, String detail) {
        write(username, action, targetType, targetId, "OK", detail);
    }

    /** {@link #ok} as part of the change's {@code rows}: written when the batch is sent, in the same transaction. */
    public void ok(WriteBatch rows, String username, String action, String targetType, String targetId, String detail) {
        rows.add(INSERT, values(username, action, targetType, targetId, "OK", detail));
    }

    public void denied(String username, String action, String targetType, String targetId, String detail) {
        separate.executeWithoutResult(s -> write(username, action, targetType, targetId, "DENIED", detail));
    }

    /** The latest rows, newest first, optionally about one target or by one user (for administrators). */
    public List<Map<String, Object>> search(String targetId, String username, int limit) {
        return jdbc.queryForList(
                "SELECT * FROM audit_log WHERE (? IS NULL OR target_id = ?)"
                        + " AND (? IS NULL OR username = ?) ORDER BY id DESC LIMIT ?",
                targetId,
                targetId,
                username,
                username,
                limit);
    }

    /** Every value is cut to its column: an attacker's 200-character user name is still a refusal on record. */
    private void write(
            String username, String action, String targetType, String targetId, String outcome, String detail) {
        jdbc.update(INSERT, values(username, action, targetType, targetId, outcome, detail));
    }

    private static final String INSERT =
            "INSERT INTO audit_log (at, username, action, target_type, target_id, outcome, detail, remote_addr)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private Object[] values(
            String username, String action, String targetType, String targetId, String outcome, String detail) {
        return new Object[] {
            LocalDateTime.now(clock),
            truncate(username, 64),
            truncate(action, 32),
            truncate(targetType, 16),
            truncate(targetId, 64),
            outcome,
            truncate(detail, 1000),
            remoteAddr()
        };
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest r = attrs.getRequest();
            return truncate(r.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

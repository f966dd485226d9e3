package org.gridgov.cases.lookup;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who looked up whom ({@code lookup_log}, V20): every 综合查询 look-up, allowed or refused, with its stated reason.
 * Only masked labels and salted keys are written; the number searched for appears masked in {@code query_masked}.
 * Written outside any transaction of the request, so a failure later in the request does not erase the record.
 */
@Component
public class LookupLog {

    /** What was looked at. */
    public enum Kind {
        SEARCH,
        PERSON,
        RECORD,
        COMPANY,
        AREA
    }

    /** One row of the leaders' report. */
    public record Entry(
            long id,
            LocalDateTime at,
            String username,
            String role,
            String scopeCode,
            String kind,
            String subjectRef,
            String subjectLabel,
            String queryMasked,
            String reason,
            String outcome,
            String detail) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LookupLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void ok(Staff who, Kind kind, String ref, String label, String queryMasked, String reason, String detail) {
        write(who, kind, ref, label, queryMasked, reason, "OK", detail);
    }

    public void denied(Staff who, Kind kind, String ref, String label, String queryMasked, String reason, String why) {
        write(who, kind, ref, label, queryMasked, reason, "DENIED", why);
    }

    /**
     * Newest first, optionally one user's, one page ({@code page} from 1 to 1000): the days {@code from} (default 30
     * days ago) to {@code to} (exclusive, default tomorrow).
     */
    public List<Entry> report(LocalDate fromDay, LocalDate toDay, String username, int page, int pageSize) {
        if (page < 1 || page > 1000) {
            throw new InvalidInputException("page", "page 为 1 到 1000");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDateTime from = (fromDay == null ? today.minusDays(30) : fromDay).atStartOfDay();
        LocalDateTime to = (toDay == null ? today.plusDays(1) : toDay).atStartOfDay();
        String user = username == null || username.isBlank() ? null : username.strip();
        return jdbc.query(
                "SELECT * FROM lookup_log WHERE at >= ? AND at < ? AND (? IS NULL OR username = ?)"
                        + " ORDER BY id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toLocalDateTime(),
                        rs.getString("username"),
                        rs.getString("role"),
                        rs.getString("scope_code"),
                        rs.getString("kind"),
                        rs.getString("subject_ref"),
                        rs.getString("subject_label"),
                        rs.getString("query_masked"),
                        rs.getString("reason"),
                        rs.getString("outcome"),
                        rs.getString("detail")),
                from,
                to,
                user,
                user,
                pageSize,
                (long) (page - 1) * pageSize);
    }

    private void write(
            Staff who,
            Kind kind,
            String ref,
            String label,
            String queryMasked,
            String reason,
            String outcome,
            String detail) {
        jdbc.update(
                "INSERT INTO lookup_log (at, username, role, scope_code, kind, subject_ref, subject_label,"
                        + " query_masked, reason, outcome, detail, remote_addr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                LocalDateTime.now(clock),
                cut(who.username(), 64),
                who.role().name(),
                cut(who.scopeCode(), 32),
                kind.name(),
                cut(ref, 100),
                cut(label, 100),
                cut(queryMasked, 100),
                cut(reason == null ? "" : reason, 200),
                outcome,
                cut(detail, 300),
                remoteAddr());
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest r = attrs.getRequest();
            return cut(r.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

package org.gridgov.cases.cockpit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.cases.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 接诉即办 live figures (issue 19) from the case service's own database, per department, for cases reported in the
 * last {@link #DAYS} days — the cockpit's live view of what the warehouse computes monthly for Superset.
 * <ul>
 *   <li>响应率 = first contacts made by the response deadline / cases due a response (deadline passed, or already
 *   responded: a case still inside its deadline and not yet contacted is neither late nor done);</li>
 *   <li>解决率 = cases closed by their resolution deadline / cases due a resolution (deadline passed, or closed);</li>
 *   <li>满意率 = 满意 + 基本满意 / cases visited after closure (回访).</li>
 * </ul>
 * Merged duplicates are not counted (their master is: one problem, one count), nor cases from before response levels
 * (no deadline). A district user sees every department, a street user the cases of their street; others nothing
 * ({@link CockpitScope}). A department is the one holding the case now; not yet dispatched is "未分派".
 */
@Component
public class ResponseRates {

    public static final int DAYS = 30;
    static final String UNDISPATCHED = "未分派";

    /** One department's figures: counts and the three rates (null when nothing is due). */
    public record Row(
            String departmentCode,
            String departmentName,
            long cases,
            long responseDue,
            long respondedInTime,
            long resolveDue,
            long resolvedInTime,
            long visited,
            long satisfied) {

        public Double responseRate() {
            return rate(respondedInTime, responseDue);
        }

        public Double resolveRate() {
            return rate(resolvedInTime, resolveDue);
        }

        public Double satisfactionRate() {
            return rate(satisfied, visited);
        }

        static Double rate(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }

        public String responseRateText() {
            return percent(responseRate());
        }

        public String resolveRateText() {
            return percent(resolveRate());
        }

        public String satisfactionRateText() {
            return percent(satisfactionRate());
        }

        /** The rate as the panel prints it: "83.3%", or "—" when nothing is due. */
        public static String percent(Double rate) {
            return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
        }
    }

    /** The panel: rows by department, the total, and the window; {@code visible} false outside cockpit scope. */
    public record Panel(boolean visible, LocalDateTime since, List<Row> rows, Row total) {

        public int days() {
            return DAYS;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ResponseRates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Panel panel(Staff staff) {
        CockpitScope scope = CockpitScope.of(staff);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime since = now.minusDays(DAYS);
        if (scope.level() == CockpitScope.Level.NONE) {
            return new Panel(false, since, List.of(), null);
        }
        // one pass over the window (idx_case_created_dept), grouped by department
        String sql = """
                SELECT c.department_code, d.name AS department_name, COUNT(*) AS cases,
                  SUM(CASE WHEN c.responded_at IS NOT NULL OR c.response_due_at <= ? THEN 1 ELSE 0 END) AS response_due,
                  SUM(CASE WHEN c.responded_at IS NOT NULL AND c.responded_at <= c.response_due_at THEN 1 ELSE 0 END)
                    AS responded_in_time,
                  SUM(CASE WHEN c.status = 'CLOSED' OR c.due_at <= ? THEN 1 ELSE 0 END) AS resolve_due,
                  SUM(CASE WHEN c.status = 'CLOSED' AND c.closed_at <= c.due_at THEN 1 ELSE 0 END) AS resolved_in_time,
                  SUM(CASE WHEN c.satisfaction IS NOT NULL THEN 1 ELSE 0 END) AS visited,
                  SUM(CASE WHEN c.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END) AS satisfied
                FROM case_record c LEFT JOIN department d ON d.code = c.department_code
                WHERE c.created_at >= ? AND c.response_level IS NOT NULL AND c.status <> 'DUPLICATE'"""
                + (scope.street() ? " AND c.street_code = ?" : "")
                + " GROUP BY c.department_code, d.name ORDER BY cases DESC, c.department_code";
        Object[] args =
                scope.street() ? new Object[] {now, now, since, scope.streetCode()} : new Object[] {now, now, since};
        List<Row> rows = new ArrayList<>(jdbc.query(
                sql,
                (rs, i) -> new Row(
                        rs.getString("department_code"),
                        rs.getString("department_name") == null ? UNDISPATCHED : rs.getString("department_name"),
                        rs.getLong("cases"),
                        rs.getLong("response_due"),
                        rs.getLong("responded_in_time"),
                        rs.getLong("resolve_due"),
                        rs.getLong("resolved_in_time"),
                        rs.getLong("visited"),
                        rs.getLong("satisfied")),
                args));
        Row total = new Row(
                null,
                "合计",
                rows.stream().mapToLong(Row::cases).sum(),
                rows.stream().mapToLong(Row::responseDue).sum(),
                rows.stream().mapToLong(Row::respondedInTime).sum(),
                rows.stream().mapToLong(Row::resolveDue).sum(),
                rows.stream().mapToLong(Row::resolvedInTime).sum(),
                rows.stream().mapToLong(Row::visited).sum(),
                rows.stream().mapToLong(Row::satisfied).sum());
        return new Panel(true, since, rows, total);
    }
}

package org.gridgov.cases.dispatch;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL for the dispatch rules ({@code dispatch_rule}) and the decisions taken on cases ({@code dispatch_decision}). */
@Repository
public class DispatchRepository {

    private final JdbcTemplate jdbc;

    public DispatchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rules for a level-2 category or its level-1 parent that apply in the street, each with its department's
     * open cases (cases waiting at a department step).
     */
    public List<Dispatcher.Candidate> candidates(String categoryCode, String level1Code, String streetCode) {
        return jdbc.query(
                """
                SELECT r.id, r.department_code, d.name, r.priority,
                       (SELECT COUNT(*) FROM case_record c WHERE c.department_code = r.department_code
                          AND c.pending_role = 'DEPARTMENT') AS open_cases
                FROM dispatch_rule r JOIN department d ON d.code = r.department_code
                WHERE r.category_code IN (?, ?) AND (r.street_code IS NULL OR r.street_code = ?)
                """,
                (rs, i) -> new Dispatcher.Candidate(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)),
                categoryCode,
                level1Code,
                streetCode);
    }

    public void record(
            String caseId,
            String departmentCode,
            boolean suggested,
            String reason,
            String decidedBy,
            LocalDateTime at) {
        jdbc.update(
                "INSERT INTO dispatch_decision (case_id, department_code, suggested, reason, decided_by, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                caseId,
                departmentCode,
                suggested,
                reason,
                decidedBy,
                at);
    }

    /** The case's decisions in the order they were taken. */
    public List<DispatchDecision> decisions(String caseId) {
        return jdbc.query(
                "SELECT d.department_code, p.name, d.suggested, d.reason, d.decided_by, d.at"
                        + " FROM dispatch_decision d JOIN department p ON p.code = d.department_code"
                        + " WHERE d.case_id = ? ORDER BY d.id",
                (rs, i) -> new DispatchDecision(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDateTime.class)),
                caseId);
    }

    /** Whether the case was ever dispatched to the department (it keeps seeing a case it handled). */
    public boolean everDispatchedTo(String caseId, String departmentCode) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM dispatch_decision WHERE case_id = ?" + " AND department_code = ?",
                Integer.class,
                caseId,
                departmentCode);
        return n != null && n > 0;
    }
}

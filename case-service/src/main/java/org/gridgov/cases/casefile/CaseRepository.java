package org.gridgov.cases.casefile;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for cases and their history. Every list query is bounded and served by an index of {@code case_record}. */
@Repository
public class CaseRepository {

    static final RowMapper<CaseRecord> ROW = (rs, i) -> new CaseRecord(
            rs.getString("id"), rs.getString("title"), rs.getString("description"), rs.getString("channel"),
            rs.getString("category_code"), rs.getString("category_name"), rs.getInt("urgency"), rs.getInt("priority"),
            rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("address"),
            rs.getString("grid_code"), rs.getString("street_code"), rs.getString("reporter_name"),
            rs.getString("reporter_phone"), rs.getString("workflow_code"), rs.getString("current_step"),
            rs.getString("pending_role"), rs.getString("status"), rs.getString("department_code"),
            rs.getBoolean("self_handled"), rs.getBoolean("dispute"), rs.getInt("supervised_count"),
            rs.getObject("step_due_at", LocalDateTime.class), rs.getObject("due_at", LocalDateTime.class),
            rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class),
            rs.getObject("updated_at", LocalDateTime.class), rs.getObject("closed_at", LocalDateTime.class),
            rs.getInt("version"));

    private static final RowMapper<CaseStep> STEP = (rs, i) -> new CaseStep(rs.getLong("id"), rs.getString("case_id"),
            rs.getString("action"), rs.getString("from_step"), rs.getString("to_step"), rs.getString("actor"),
            rs.getString("actor_role"), rs.getString("note"), rs.getObject("at", LocalDateTime.class));

    private final JdbcTemplate jdbc;

    public CaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseRecord> find(String id) {
        return jdbc.query("SELECT * FROM case_record WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<CaseRecord> findForUpdate(String id) {
        return jdbc.query("SELECT * FROM case_record WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst();
    }

    public void insert(CaseRecord c) {
        jdbc.update("""
                INSERT INTO case_record (id, title, description, channel, category_code, category_name, urgency,
                  priority, latitude, longitude, address, grid_code, street_code, reporter_name, reporter_phone,
                  workflow_code, current_step, pending_role, status, department_code, self_handled, dispute,
                  supervised_count, step_due_at, due_at, created_by, created_at, updated_at, closed_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                c.id(), c.title(), c.description(), c.channel(), c.categoryCode(), c.categoryName(), c.urgency(),
                c.priority(), c.latitude(), c.longitude(), c.address(), c.gridCode(), c.streetCode(), c.reporterName(),
                c.reporterPhone(), c.workflowCode(), c.currentStep(), c.currentRole(), c.status(), c.departmentCode(),
                c.selfHandled(), c.dispute(), c.supervisedCount(), c.stepDueAt(), c.dueAt(), c.createdBy(),
                c.createdAt(), c.updatedAt(), c.closedAt());
    }

    /** Writes the workflow fields of {@code c}; the caller holds the row lock from {@link #findForUpdate}. */
    public void updateState(CaseRecord c) {
        jdbc.update("""
                UPDATE case_record SET workflow_code = ?, current_step = ?, pending_role = ?, status = ?,
                  department_code = ?, self_handled = ?, dispute = ?, supervised_count = ?, priority = ?,
                  step_due_at = ?, updated_at = ?, closed_at = ?, version = version + 1
                WHERE id = ?""",
                c.workflowCode(), c.currentStep(), c.currentRole(), c.status(), c.departmentCode(), c.selfHandled(),
                c.dispute(), c.supervisedCount(), c.priority(), c.stepDueAt(), c.updatedAt(), c.closedAt(), c.id());
    }

    public void addStep(String caseId, String action, String from, String to, Staff actor, String note,
                        LocalDateTime at) {
        jdbc.update("INSERT INTO case_step (case_id, action, from_step, to_step, actor, actor_role, note, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", caseId, action, from, to, actor.username(), actor.role().name(),
                note, at);
    }

    public List<CaseStep> history(String caseId) {
        return jdbc.query("SELECT * FROM case_step WHERE case_id = ? ORDER BY id", STEP, caseId);
    }

    /**
     * 待办: open cases whose current step is the user's role, inside the user's area (and, for departments, assigned to
     * their department), most urgent first, then the nearest step deadline.
     */
    public List<CaseRecord> todo(Staff staff, int limit) {
        // a deferred join: the page's ids come from the index alone, then only those rows (with their texts) are read
        if (staff.role() == Role.DEPARTMENT) {
            return jdbc.query("SELECT c.* FROM case_record c JOIN (SELECT id FROM case_record WHERE department_code = ?"
                    + " AND pending_role = 'DEPARTMENT' ORDER BY priority DESC, step_due_at LIMIT ?) t ON t.id = c.id"
                    + " ORDER BY c.priority DESC, c.step_due_at", ROW, staff.departmentCode(), limit);
        }
        return jdbc.query("SELECT c.* FROM case_record c JOIN (SELECT id FROM case_record WHERE pending_role = ?"
                        + " AND grid_code LIKE ? ORDER BY priority DESC, step_due_at LIMIT ?) t ON t.id = c.id"
                        + " ORDER BY c.priority DESC, c.step_due_at", ROW, staff.role().name(),
                staff.scopeCode() + "%", limit);
    }

    /** 已办: cases the user has acted on, latest first. */
    public List<CaseRecord> done(Staff staff, int limit) {
        return jdbc.query("SELECT c.* FROM case_record c JOIN (SELECT case_id, MAX(id) AS last_id FROM case_step"
                        + " WHERE actor = ? GROUP BY case_id ORDER BY last_id DESC LIMIT ?) s ON s.case_id = c.id"
                        + " ORDER BY s.last_id DESC", ROW, staff.username(), limit);
    }

    /** Search inside the user's area by category, reporter, place and text; every filter is optional. */
    public List<CaseRecord> search(Staff staff, CaseQuery q, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM case_record WHERE grid_code LIKE ?");
        List<Object> args = new ArrayList<>();
        args.add(q.areaCode() != null && q.areaCode().startsWith(staff.scopeCode()) ? q.areaCode() + "%"
                : staff.scopeCode() + "%");
        if (staff.role() == Role.DEPARTMENT) {
            sql.append(" AND department_code = ?");
            args.add(staff.departmentCode());
        }
        if (q.categoryCode() != null) {
            sql.append(" AND category_code LIKE ?");
            args.add(q.categoryCode() + "%");
        }
        if (q.status() != null) {
            sql.append(" AND status = ?");
            args.add(q.status());
        }
        if (q.person() != null) {
            sql.append(" AND (reporter_name = ? OR reporter_phone = ? OR created_by = ?)");
            args.add(q.person());
            args.add(q.person());
            args.add(q.person());
        }
        if (q.place() != null) {
            sql.append(" AND address LIKE ?");
            args.add("%" + like(q.place()) + "%");
        }
        if (q.text() != null) {
            sql.append(" AND (title LIKE ? OR description LIKE ?)");
            args.add("%" + like(q.text()) + "%");
            args.add("%" + like(q.text()) + "%");
        }
        sql.append(" ORDER BY created_at DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public int openCount(String departmentCode) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE department_code = ?"
                + " AND pending_role = 'DEPARTMENT'", Integer.class, departmentCode);
        return n == null ? 0 : n;
    }
}

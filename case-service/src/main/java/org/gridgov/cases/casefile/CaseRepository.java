package org.gridgov.cases.casefile;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridgov.cases.jdbc.WriteBatch;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.similarity.TextSignature;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for cases and their history. Every list query is bounded and served by an index of {@code case_record}. */
@Repository
public class CaseRepository {

    static final RowMapper<CaseRecord> ROW = (rs, i) -> new CaseRecord(
            rs.getString("id"),
            new CaseRecord.Report(
                    rs.getString("title"),
                    rs.getString("description"),
                    rs.getString("channel"),
                    rs.getString("category_code"),
                    rs.getString("category_name"),
                    rs.getInt("urgency"),
                    rs.getString("reporter_name"),
                    rs.getString("reporter_phone"),
                    rs.getString("created_by"),
                    rs.getBoolean("publishable")),
            new CaseRecord.Location(
                    rs.getBigDecimal("latitude"),
                    rs.getBigDecimal("longitude"),
                    rs.getString("address"),
                    rs.getString("grid_code"),
                    rs.getString("street_code")),
            new CaseRecord.Assignment(
                    rs.getString("workflow_code"),
                    rs.getString("current_step"),
                    rs.getString("pending_role"),
                    CaseStatus.valueOf(rs.getString("status")),
                    rs.getString("department_code"),
                    rs.getBoolean("self_handled"),
                    rs.getBoolean("dispute"),
                    rs.getInt("priority"),
                    rs.getInt("supervised_count"),
                    rs.getObject("step_due_at", LocalDateTime.class)),
            new CaseRecord.Timing(
                    rs.getObject("due_at", LocalDateTime.class),
                    rs.getObject("created_at", LocalDateTime.class),
                    rs.getObject("updated_at", LocalDateTime.class),
                    rs.getObject("closed_at", LocalDateTime.class)),
            rs.getInt("version"),
            new CaseRecord.Response(
                    rs.getString("response_level"),
                    rs.getObject("response_due_at", LocalDateTime.class),
                    rs.getObject("responded_at", LocalDateTime.class),
                    rs.getString("responded_by"),
                    rs.getString("satisfaction"),
                    rs.getObject("return_visited_at", LocalDateTime.class),
                    rs.getString("master_case_id")));

    /** A case in a list (待办, 已办, 查询): its title under the one list policy, {@link CaseTitles}. */
    static final RowMapper<CaseRecord> LISTED = (rs, i) -> CaseTitles.listed(ROW.mapRow(rs, i));

    private static final RowMapper<CaseStep> STEP = (rs, i) -> new CaseStep(
            rs.getLong("id"),
            rs.getString("case_id"),
            rs.getString("action"),
            rs.getString("from_step"),
            rs.getString("to_step"),
            rs.getString("actor"),
            rs.getString("actor_role"),
            rs.getString("note"),
            rs.getObject("at", LocalDateTime.class));

    private final JdbcTemplate jdbc;
    private final ReporterKeys reporterKeys;

    public CaseRepository(JdbcTemplate jdbc, ReporterKeys reporterKeys) {
        this.jdbc = jdbc;
        this.reporterKeys = reporterKeys;
    }

    public Optional<CaseRecord> find(String id) {
        return jdbc.query("SELECT * FROM case_record WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    public Optional<CaseRecord> findForUpdate(String id) {
        return jdbc.query("SELECT * FROM case_record WHERE id = ? FOR UPDATE", ROW, id).stream()
                .findFirst();
    }

    /** The case's grid alone, for placing an alert about it. */
    public Optional<String> gridCode(String id) {
        return jdbc.queryForList("SELECT grid_code FROM case_record WHERE id = ?", String.class, id).stream()
                .findFirst();
    }

    /** Adds the new case's row to {@code rows}; it is written when the batch is sent. */
    public void insert(WriteBatch rows, CaseRecord c) {
        CaseRecord.Report r = c.report();
        CaseRecord.Location l = c.location();
        CaseRecord.Assignment a = c.assignment();
        CaseRecord.Timing t = c.timing();
        rows.add(
                """
                INSERT INTO case_record (id, title, description, channel, category_code, category_name, urgency,
                  priority, latitude, longitude, address, grid_code, street_code, reporter_name, reporter_phone,
                  workflow_code, current_step, pending_role, status, department_code, self_handled, dispute,
                  supervised_count, step_due_at, due_at, created_by, created_at, updated_at, closed_at, publishable,
                  response_level, response_due_at, responded_at, responded_by, text_sig, reporter_key, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                  ?, ?, ?, ?, ?, ?, 0)""",
                c.id(),
                r.title(),
                r.description(),
                r.channel(),
                r.categoryCode(),
                r.categoryName(),
                r.urgency(),
                a.priority(),
                l.latitude(),
                l.longitude(),
                l.address(),
                l.gridCode(),
                l.streetCode(),
                r.reporterName(),
                r.reporterPhone(),
                a.workflowCode(),
                a.currentStep(),
                a.currentRole(),
                a.status().name(),
                a.departmentCode(),
                a.selfHandled(),
                a.dispute(),
                a.supervisedCount(),
                a.stepDueAt(),
                t.dueAt(),
                r.createdBy(),
                t.createdAt(),
                t.updatedAt(),
                t.closedAt(),
                r.publishable(),
                c.response().level(),
                c.response().dueAt(),
                c.response().respondedAt(),
                c.response().respondedBy(),
                TextSignature.of(r.title(), r.description()).bytes(),
                reporterKeys.of(r.reporterPhone()));
    }

    /**
     * 首次响应 (issue 19): stamps the first contact once — the UPDATE only touches a row not yet responded to, so a
     * second call (even one that slipped past the caller's check) changes nothing; returns whether it stamped.
     */
    public boolean markResponded(String id, String by, LocalDateTime at) {
        return jdbc.update(
                        "UPDATE case_record SET responded_at = ?, responded_by = ?, updated_at = ?,"
                                + " version = version + 1 WHERE id = ? AND responded_at IS NULL",
                        at,
                        by,
                        at,
                        id)
                == 1;
    }

    /** 回访 (issue 19): the satisfaction, once, on a closed case; returns whether it was recorded. */
    public boolean markReturnVisited(String id, String satisfaction, LocalDateTime at) {
        return jdbc.update(
                        "UPDATE case_record SET satisfaction = ?, return_visited_at = ?, updated_at = ?,"
                                + " version = version + 1 WHERE id = ? AND return_visited_at IS NULL AND status = 'CLOSED'",
                        satisfaction,
                        at,
                        at,
                        id)
                == 1;
    }

    /** Writes the assignment and times of {@code c}; the caller holds the row lock from {@link #findForUpdate}. */
    public void updateState(CaseRecord c) {
        CaseRecord.Assignment a = c.assignment();
        jdbc.update(
                """
                UPDATE case_record SET workflow_code = ?, current_step = ?, pending_role = ?, status = ?,
                  department_code = ?, self_handled = ?, dispute = ?, supervised_count = ?, priority = ?,
                  step_due_at = ?, updated_at = ?, closed_at = ?, version = version + 1
                WHERE id = ?""",
                a.workflowCode(),
                a.currentStep(),
                a.currentRole(),
                a.status().name(),
                a.departmentCode(),
                a.selfHandled(),
                a.dispute(),
                a.supervisedCount(),
                a.priority(),
                a.stepDueAt(),
                c.timing().updatedAt(),
                c.timing().closedAt(),
                c.id());
    }

    /** Ids of the cases merged into {@code masterId} (issue 19). */
    public List<String> duplicatesOf(String masterId) {
        return jdbc.queryForList(
                "SELECT id FROM case_record WHERE master_case_id = ? AND status = 'DUPLICATE'" + " ORDER BY id",
                String.class,
                masterId);
    }

    /** The users who reported the duplicates of {@code masterId}. */
    public List<String> duplicateReporters(String masterId) {
        return jdbc.queryForList(
                "SELECT DISTINCT created_by FROM case_record WHERE master_case_id = ?" + " AND status = 'DUPLICATE'",
                String.class,
                masterId);
    }

    /**
     * Writes a changed category, its department and the case deadline the category's time limit gives; the caller
     * holds the row lock from {@link #findForUpdate} and has checked the version it was shown.
     */
    public void updateCategory(CaseRecord c) {
        jdbc.update(
                """
                UPDATE case_record SET category_code = ?, category_name = ?, department_code = ?, due_at = ?,
                  response_level = ?, response_due_at = ?, updated_at = ?, version = version + 1
                WHERE id = ?""",
                c.report().categoryCode(),
                c.report().categoryName(),
                c.assignment().departmentCode(),
                c.timing().dueAt(),
                c.response().level(),
                c.response().dueAt(),
                c.timing().updatedAt(),
                c.id());
    }

    public void addStep(
            String caseId, String action, String from, String to, Staff actor, String note, LocalDateTime at) {
        jdbc.update(INSERT_STEP, stepValues(caseId, action, from, to, actor, note, at));
    }

    /** {@link #addStep} as part of {@code rows}: written when the batch is sent. */
    public void addStep(
            WriteBatch rows,
            String caseId,
            String action,
            String from,
            String to,
            Staff actor,
            String note,
            LocalDateTime at) {
        rows.add(INSERT_STEP, stepValues(caseId, action, from, to, actor, note, at));
    }

    private static final String INSERT_STEP =
            "INSERT INTO case_step (case_id, action, from_step, to_step, actor, actor_role, note, at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static Object[] stepValues(
            String caseId, String action, String from, String to, Staff actor, String note, LocalDateTime at) {
        return new Object[] {
            caseId, action, from, to, actor.username(), actor.role().name(), note, at
        };
    }

    public List<CaseStep> history(String caseId) {
        return jdbc.query("SELECT * FROM case_step WHERE case_id = ? ORDER BY id", STEP, caseId);
    }

    /** The lines of the case's history one user wrote: what a past handler may still read. */
    public List<CaseStep> historyBy(String caseId, String actor) {
        return jdbc.query("SELECT * FROM case_step WHERE case_id = ? AND actor = ? ORDER BY id", STEP, caseId, actor);
    }

    /**
     * 待办: open cases whose current step is the user's role, inside the user's area (and, for departments, assigned to
     * their department), most urgent first, then the nearest step deadline.
     */
    public List<CaseRecord> todo(Staff staff, int limit) {
        // a deferred join: the page's ids come from the index alone, then only those rows (with their texts) are read
        if (staff.role() == Role.DEPARTMENT) {
            return jdbc.query(
                    "SELECT c.* FROM case_record c JOIN (SELECT id FROM case_record WHERE department_code = ?"
                            + " AND pending_role = 'DEPARTMENT' ORDER BY priority DESC, step_due_at LIMIT ?) t ON t.id = c.id"
                            + " ORDER BY c.priority DESC, c.step_due_at",
                    LISTED,
                    staff.departmentCode(),
                    limit);
        }
        return jdbc.query(
                "SELECT c.* FROM case_record c JOIN (SELECT id FROM case_record WHERE pending_role = ?"
                        + " AND grid_code LIKE ? ORDER BY priority DESC, step_due_at LIMIT ?) t ON t.id = c.id"
                        + " ORDER BY c.priority DESC, c.step_due_at",
                LISTED,
                staff.role().name(),
                staff.scopeCode() + "%",
                limit);
    }

    /**
     * 已办: cases the user has acted on and may still see (inside the area; for a department, still assigned to it),
     * latest first. A case taken from a department leaves its list: it may read its own history lines, not the case.
     */
    public List<CaseRecord> done(Staff staff, int limit) {
        boolean department = staff.role() == Role.DEPARTMENT;
        String sql = "SELECT c.* FROM case_record c JOIN (SELECT case_id, MAX(id) AS last_id FROM case_step"
                + " WHERE actor = ? GROUP BY case_id ORDER BY last_id DESC LIMIT ?) s ON s.case_id = c.id"
                + " WHERE c.grid_code LIKE ?" + (department ? " AND c.department_code = ?" : "")
                + " ORDER BY s.last_id DESC";
        Object[] args = department
                ? new Object[] {staff.username(), limit, staff.scopeCode() + "%", staff.departmentCode()}
                : new Object[] {staff.username(), limit, staff.scopeCode() + "%"};
        return jdbc.query(sql, LISTED, args);
    }

    /**
     * The cases reported from any of these phones, newest first (综合查询 of a person, issue 17): {@code keys} are
     * salted phone keys (V21 {@code reporter_key}, {@code idx_case_reporter_key}). The caller filters by what the user
     * may see.
     */
    public List<CaseRecord> byReporterKeys(java.util.Collection<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        List<Object> args = new ArrayList<>(keys);
        args.add(limit);
        return jdbc.query(
                "SELECT * FROM case_record WHERE reporter_key IN (" + marks + ")"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                ROW,
                args.toArray());
    }

    /** Search inside the user's area by category, reporter, place and text; every filter is optional. */
    public List<CaseRecord> search(Staff staff, CaseQuery q, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM case_record WHERE grid_code LIKE ?");
        List<Object> args = new ArrayList<>();
        args.add(
                q.areaCode() != null && q.areaCode().startsWith(staff.scopeCode())
                        ? q.areaCode() + "%"
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
            args.add(q.status().name());
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
        return jdbc.query(sql.toString(), LISTED, args.toArray());
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

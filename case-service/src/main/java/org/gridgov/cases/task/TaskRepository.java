package org.gridgov.cases.task;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.cases.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL for tasks ({@code task}) and their history ({@code task_step}). */
@Repository
public class TaskRepository {

    private static final RowMapper<TaskRecord> ROW = (rs, i) -> new TaskRecord(
            rs.getString("id"),
            rs.getString("title"),
            rs.getString("content"),
            rs.getString("assignee_type"),
            rs.getString("assignee_code"),
            rs.getString("area_code"),
            rs.getInt("urgency"),
            rs.getObject("deadline", LocalDateTime.class),
            rs.getString("status"),
            rs.getString("result"),
            rs.getString("review_note"),
            rs.getString("created_by"),
            rs.getObject("created_at", LocalDateTime.class),
            rs.getObject("updated_at", LocalDateTime.class));

    private final JdbcTemplate jdbc;

    public TaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TaskRecord> find(String id) {
        return jdbc.query("SELECT * FROM task WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<TaskRecord> findForUpdate(String id) {
        return jdbc.query("SELECT * FROM task WHERE id = ? FOR UPDATE", ROW, id).stream()
                .findFirst();
    }

    /** A new task (status ISSUED, no result yet). */
    public void insert(String id, NewTask in, String areaCode, int urgency, String createdBy, LocalDateTime now) {
        jdbc.update(
                "INSERT INTO task (id, title, content, assignee_type, assignee_code, area_code, urgency, deadline,"
                        + " status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                in.title(),
                in.content(),
                in.assigneeType(),
                in.assigneeCode(),
                areaCode,
                urgency,
                in.deadline(),
                TaskRecord.ISSUED,
                createdBy,
                now,
                now);
    }

    public void updateStatus(String id, String status, String result, String reviewNote, LocalDateTime now) {
        jdbc.update(
                "UPDATE task SET status = ?, result = ?, review_note = ?, updated_at = ? WHERE id = ?",
                status,
                result,
                reviewNote,
                now,
                id);
    }

    /** One history line; the note is cut to the column's 1000 characters. */
    public void addStep(String taskId, String action, String actor, String note, LocalDateTime at) {
        jdbc.update(
                "INSERT INTO task_step (task_id, action, actor, note, at) VALUES (?, ?, ?, ?, ?)",
                taskId,
                action,
                actor,
                note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note,
                at);
    }

    /** The task's history as rows of action, actor, note and at, in order. */
    public List<Map<String, Object>> history(String taskId) {
        return jdbc.queryForList("SELECT action, actor, note, at FROM task_step WHERE task_id = ? ORDER BY id", taskId);
    }

    /** To do: assigned to the user and open, or submitted to them for review; most urgent, then nearest deadline. */
    public List<TaskRecord> todo(Staff staff) {
        return jdbc.query(
                "SELECT * FROM task WHERE ((status IN ('ISSUED', 'REJECTED') AND ("
                        + " (assignee_type = 'PERSON' AND assignee_code = ?)"
                        + " OR (assignee_type = 'DEPARTMENT' AND assignee_code = ?)"
                        + " OR (assignee_type = 'AREA' AND assignee_code = ?)))"
                        + " OR (status = 'SUBMITTED' AND created_by = ?))"
                        + " ORDER BY urgency DESC, deadline LIMIT 100",
                ROW,
                staff.username(),
                staff.departmentCode(),
                staff.scopeCode(),
                staff.username());
    }

    public List<TaskRecord> issuedBy(String username) {
        return jdbc.query("SELECT * FROM task WHERE created_by = ? ORDER BY created_at DESC LIMIT 100", ROW, username);
    }
}

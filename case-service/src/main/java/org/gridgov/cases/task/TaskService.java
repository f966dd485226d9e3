package org.gridgov.cases.task;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridgov.cases.api.ApiErrors;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.notify.Notifications;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.security.UserAccount;
import org.gridgov.cases.security.UserStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 任务下发 → 执行 → 审核 (通过 or 驳回 back to the assignee). Who executes: the person, the department's users, or the
 * users whose scope is exactly the target area (that organisation's staff). Who reviews: the issuer.
 */
@Service
public class TaskService {

    private static final Set<Role> ISSUERS = EnumSet.of(Role.COMMAND_CENTER, Role.GRID_CENTER, Role.LEADER,
            Role.ADMIN);
    private static final RowMapper<TaskRecord> ROW = (rs, i) -> new TaskRecord(rs.getString("id"),
            rs.getString("title"), rs.getString("content"), rs.getString("assignee_type"),
            rs.getString("assignee_code"), rs.getString("area_code"), rs.getInt("urgency"),
            rs.getObject("deadline", LocalDateTime.class), rs.getString("status"), rs.getString("result"),
            rs.getString("review_note"), rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class),
            rs.getObject("updated_at", LocalDateTime.class));

    private final JdbcTemplate jdbc;
    private final UserStore users;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    public TaskService(JdbcTemplate jdbc, UserStore users, Notifications notifications, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TaskRecord issue(Staff staff, NewTask in) {
        if (!ISSUERS.contains(staff.role())) {
            throw deny(staff, "TASK_ISSUE", null, staff.role().label() + "不能下发任务");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!in.deadline().isAfter(now)) {
            throw ApiErrors.badRequest("截止时间必须晚于现在");
        }
        String area = switch (in.assigneeType()) {
            case "AREA" -> in.assigneeCode();
            case "DEPARTMENT" -> {
                Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM department WHERE code = ?", Integer.class,
                        in.assigneeCode());
                if (n == null || n == 0) {
                    throw ApiErrors.badRequest("未知部门 " + in.assigneeCode());
                }
                yield staff.scopeCode();
            }
            default -> users.find(in.assigneeCode()).map(UserAccount::scopeCode)
                    .orElseThrow(() -> ApiErrors.badRequest("未知用户 " + in.assigneeCode()));
        };
        if (!staff.coversArea(area)) {
            throw deny(staff, "TASK_ISSUE", in.assigneeCode(), "任务对象 " + area + " 不在辖区 " + staff.scopeCode());
        }
        String id = "RW" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        int urgency = in.urgency() == null ? 1 : in.urgency();
        jdbc.update("INSERT INTO task (id, title, content, assignee_type, assignee_code, area_code, urgency, deadline,"
                        + " status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, in.title(), in.content(), in.assigneeType(), in.assigneeCode(), area, urgency, in.deadline(),
                TaskRecord.ISSUED, staff.username(), now, now);
        step(id, "ISSUE", staff, null, now);
        audit.ok(staff.username(), "TASK_ISSUE", "TASK", id, in.assigneeType() + ":" + in.assigneeCode());
        notifyAssignee(in.assigneeType(), in.assigneeCode(), id, "新任务：" + in.title() + "（截止 "
                + in.deadline().toLocalDate() + "）");
        return get(id);
    }

    @Transactional
    public TaskRecord submit(Staff staff, String id, String result) {
        TaskRecord t = lock(id);
        if (!isAssignee(staff, t)) {
            throw deny(staff, "TASK_SUBMIT", id, "不是任务的执行人");
        }
        if (!t.status().equals(TaskRecord.ISSUED) && !t.status().equals(TaskRecord.REJECTED)) {
            throw ApiErrors.conflict("任务状态为 " + t.status() + "，不能提交");
        }
        if (result == null || result.isBlank()) {
            throw ApiErrors.badRequest("请填写执行情况");
        }
        return change(staff, t, TaskRecord.SUBMITTED, "SUBMIT", result, null);
    }

    @Transactional
    public TaskRecord review(Staff staff, String id, boolean approve, String note) {
        TaskRecord t = lock(id);
        if (!t.createdBy().equals(staff.username()) && staff.role() != Role.ADMIN) {
            throw deny(staff, "TASK_REVIEW", id, "只有下发人可以审核");
        }
        if (!t.status().equals(TaskRecord.SUBMITTED)) {
            throw ApiErrors.conflict("任务尚未提交，不能审核");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw ApiErrors.badRequest("驳回必须填写理由");
        }
        TaskRecord changed = change(staff, t, approve ? TaskRecord.APPROVED : TaskRecord.REJECTED,
                approve ? "APPROVE" : "REJECT", t.result(), note);
        if (!approve) {
            notifyAssignee(t.assigneeType(), t.assigneeCode(), id, "任务被驳回：" + t.title() + "。" + note);
        }
        return changed;
    }

    private TaskRecord change(Staff staff, TaskRecord t, String status, String action, String result, String note) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.update("UPDATE task SET status = ?, result = ?, review_note = ?, updated_at = ? WHERE id = ?",
                status, result, note, now, t.id());
        step(t.id(), action, staff, note != null ? note : result, now);
        audit.ok(staff.username(), "TASK_" + action, "TASK", t.id(), status);
        return get(t.id());
    }

    public TaskRecord view(Staff staff, String id) {
        TaskRecord t = get(id);
        if (!isAssignee(staff, t) && !t.createdBy().equals(staff.username()) && !staff.coversArea(t.areaCode())) {
            throw deny(staff, "TASK_VIEW", id, "任务不在本人辖区");
        }
        return t;
    }

    /** To do: assigned to me and open, or submitted to me for review; most urgent, then nearest deadline. */
    public List<TaskRecord> todo(Staff staff) {
        return jdbc.query("SELECT * FROM task WHERE ((status IN ('ISSUED', 'REJECTED') AND ("
                        + " (assignee_type = 'PERSON' AND assignee_code = ?)"
                        + " OR (assignee_type = 'DEPARTMENT' AND assignee_code = ?)"
                        + " OR (assignee_type = 'AREA' AND assignee_code = ?)))"
                        + " OR (status = 'SUBMITTED' AND created_by = ?))"
                        + " ORDER BY urgency DESC, deadline LIMIT 100", ROW,
                staff.username(), staff.departmentCode(), staff.scopeCode(), staff.username());
    }

    public List<TaskRecord> issuedBy(Staff staff) {
        return jdbc.query("SELECT * FROM task WHERE created_by = ? ORDER BY created_at DESC LIMIT 100", ROW,
                staff.username());
    }

    public List<java.util.Map<String, Object>> history(Staff staff, String id) {
        view(staff, id);
        return jdbc.queryForList("SELECT action, actor, note, at FROM task_step WHERE task_id = ? ORDER BY id", id);
    }

    private boolean isAssignee(Staff staff, TaskRecord t) {
        return switch (t.assigneeType()) {
            case "PERSON" -> t.assigneeCode().equals(staff.username());
            case "DEPARTMENT" -> t.assigneeCode().equals(staff.departmentCode());
            default -> t.assigneeCode().equals(staff.scopeCode());
        };
    }

    private void notifyAssignee(String type, String code, String taskId, String message) {
        switch (type) {
            case "PERSON" -> notifications.toUser(code, "TASK", taskId, message);
            case "DEPARTMENT" -> notifications.toDepartment(code, "TASK", taskId, message);
            default -> jdbc.queryForList("SELECT username FROM app_user WHERE scope_code = ? AND enabled",
                    String.class, code).forEach(u -> notifications.toUser(u, "TASK", taskId, message));
        }
    }

    private TaskRecord get(String id) {
        return jdbc.query("SELECT * FROM task WHERE id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> ApiErrors.notFound("任务 " + id + " 不存在"));
    }

    private TaskRecord lock(String id) {
        return jdbc.query("SELECT * FROM task WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst()
                .orElseThrow(() -> ApiErrors.notFound("任务 " + id + " 不存在"));
    }

    private void step(String id, String action, Staff staff, String note, LocalDateTime now) {
        jdbc.update("INSERT INTO task_step (task_id, action, actor, note, at) VALUES (?, ?, ?, ?, ?)", id, action,
                staff.username(), note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note, now);
    }

    private RuntimeException deny(Staff staff, String action, String target, String reason) {
        audit.denied(staff.username(), action, "TASK", target, reason);
        return ApiErrors.forbidden(reason);
    }
}

package org.gridgov.cases.task;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.dispatch.DepartmentDirectory;
import org.gridgov.cases.domain.ConflictException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.notify.Notifications;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.security.UserAccount;
import org.gridgov.cases.security.UserStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 任务下发 → 执行 → 审核 (通过 or 驳回 back to the assignee). Who executes: the person, the department's users, or the
 * users whose scope is exactly the target area (that organisation's staff). Who reviews: the issuer. Who may do what
 * is {@code Authorization}'s answer.
 */
@Service
public class TaskService {

    /** A task the user may see, with its history: what a task's page and {@code GET /api/tasks/{id}} show. */
    public record TaskFile(TaskRecord task, List<Map<String, Object>> history) {}

    private final TaskRepository tasks;
    private final UserStore users;
    private final DepartmentDirectory departments;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Refusals refusals;
    private final Clock clock;

    public TaskService(
            TaskRepository tasks,
            UserStore users,
            DepartmentDirectory departments,
            Notifications notifications,
            AuditLog audit,
            Refusals refusals,
            Clock clock) {
        this.tasks = tasks;
        this.users = users;
        this.departments = departments;
        this.notifications = notifications;
        this.audit = audit;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Transactional
    public TaskRecord issue(Staff staff, NewTask in) {
        refusals.require(staff, Action.TASK_ISSUE, Target.nothing(), "TASK", null);
        LocalDateTime now = LocalDateTime.now(clock);
        if (!in.deadline().isAfter(now)) {
            throw new InvalidInputException("deadline", "截止时间必须晚于现在");
        }
        String area =
                switch (in.assigneeType()) {
                    case "AREA" -> in.assigneeCode();
                    case "DEPARTMENT" -> {
                        if (departments.find(in.assigneeCode()).isEmpty()) {
                            throw new InvalidInputException("assigneeCode", "未知部门 " + in.assigneeCode());
                        }
                        yield staff.scopeCode();
                    }
                    default ->
                        users.find(in.assigneeCode())
                                .map(UserAccount::scopeCode)
                                .orElseThrow(
                                        () -> new InvalidInputException("assigneeCode", "未知用户 " + in.assigneeCode()));
                };
        refusals.require(staff, Action.TASK_ISSUE, Target.area(area), "TASK", in.assigneeCode());
        String id = "RW" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        int urgency = in.urgency() == null ? 1 : in.urgency();
        tasks.insert(id, in, area, urgency, staff.username(), now);
        tasks.addStep(id, "ISSUE", staff.username(), null, now);
        audit.ok(staff.username(), "TASK_ISSUE", "TASK", id, in.assigneeType() + ":" + in.assigneeCode());
        notifyAssignee(
                in.assigneeType(),
                in.assigneeCode(),
                id,
                "新任务：" + in.title() + "（截止 " + in.deadline().toLocalDate() + "）");
        return get(id);
    }

    @Transactional
    public TaskRecord submit(Staff staff, String id, String result) {
        TaskRecord t = lock(id);
        refusals.require(staff, Action.TASK_SUBMIT, t.accessTarget(), "TASK", id);
        if (!t.status().equals(TaskRecord.ISSUED) && !t.status().equals(TaskRecord.REJECTED)) {
            throw new ConflictException("任务状态为 " + t.status() + "，不能提交");
        }
        if (result == null || result.isBlank()) {
            throw new InvalidInputException("result", "请填写执行情况");
        }
        return change(staff, t, TaskRecord.SUBMITTED, "SUBMIT", result, null);
    }

    @Transactional
    public TaskRecord review(Staff staff, String id, boolean approve, String note) {
        TaskRecord t = lock(id);
        refusals.require(staff, Action.TASK_REVIEW, t.accessTarget(), "TASK", id);
        if (!t.status().equals(TaskRecord.SUBMITTED)) {
            throw new ConflictException("任务尚未提交，不能审核");
        }
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note", "审核意见不超过 1000 字 / note longer than 1000 characters");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new InvalidInputException("note", "驳回必须填写理由");
        }
        TaskRecord changed = change(
                staff,
                t,
                approve ? TaskRecord.APPROVED : TaskRecord.REJECTED,
                approve ? "APPROVE" : "REJECT",
                t.result(),
                note);
        if (!approve) {
            notifyAssignee(t.assigneeType(), t.assigneeCode(), id, "任务被驳回：" + t.title() + "。" + note);
        }
        return changed;
    }

    private TaskRecord change(Staff staff, TaskRecord t, String status, String action, String result, String note) {
        LocalDateTime now = LocalDateTime.now(clock);
        tasks.updateStatus(t.id(), status, result, note, now);
        tasks.addStep(t.id(), action, staff.username(), note != null ? note : result, now);
        audit.ok(staff.username(), "TASK_" + action, "TASK", t.id(), status);
        return get(t.id());
    }

    /**
     * A task the user may see: they execute it, issued or review it, or supervise its area (leader, command centre,
     * grid centre, administrator). An area alone is not enough: a district department does not read other tasks.
     */
    public TaskRecord view(Staff staff, String id) {
        return view(staff, id, Action.TASK_VIEW);
    }

    /** A task the user may see or, for {@link Action#TASK_ATTACH}, add an attachment to. */
    public TaskRecord view(Staff staff, String id, Action purpose) {
        TaskRecord t = get(id);
        refusals.require(staff, purpose, t.accessTarget(), "TASK", id);
        return t;
    }

    /** The task and its history after one read and one access check. */
    public TaskFile file(Staff staff, String id) {
        TaskRecord t = view(staff, id);
        return new TaskFile(t, tasks.history(id));
    }

    /** To do: assigned to me and open, or submitted to me for review; most urgent, then nearest deadline. */
    public List<TaskRecord> todo(Staff staff) {
        return tasks.todo(staff);
    }

    public List<TaskRecord> issuedBy(Staff staff) {
        return tasks.issuedBy(staff.username());
    }

    /** Who executes a task: the person, the department's users, or the staff whose area is the target area. */
    public boolean isAssignee(Staff staff, TaskRecord t) {
        return Authorization.isAssignee(staff, t.accessTarget());
    }

    /** Who reviews a task: its issuer, or an administrator. */
    public boolean isReviewer(Staff staff, TaskRecord t) {
        return Authorization.isReviewer(staff, t.accessTarget());
    }

    private void notifyAssignee(String type, String code, String taskId, String message) {
        switch (type) {
            case "PERSON" -> notifications.toUser(code, "TASK", taskId, message);
            case "DEPARTMENT" -> notifications.toDepartment(code, "TASK", taskId, message);
            default ->
                users.enabledUsernamesScopedTo(code).forEach(u -> notifications.toUser(u, "TASK", taskId, message));
        }
    }

    private TaskRecord get(String id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("任务 " + id + " 不存在"));
    }

    private TaskRecord lock(String id) {
        return tasks.findForUpdate(id).orElseThrow(() -> new NotFoundException("任务 " + id + " 不存在"));
    }
}

package org.gridgov.cases.casefile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.cases.api.ApiErrors;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.dispatch.Dispatcher;
import org.gridgov.cases.notify.Notifications;
import org.gridgov.cases.outbox.Outbox;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.cases.workflow.WorkflowStep;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.Grid;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.PhoneNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case workflow. Every change checks the user's data scope and the role of the case's current step, writes
 * the history line, the audit line and the {@code case.events} outbox row in one transaction. A refusal (another
 * area, another role's step) is a 403 and is audited on its own.
 */
@Service
public class CaseService {

    public static final String ORIGIN = "case-service";
    public static final String DISPUTE_WORKFLOW = "DISPUTE";
    private static final Set<Role> REPORTERS = EnumSet.of(Role.GRID_WORKER, Role.COMMAND_CENTER, Role.ADMIN);
    private static final Set<Role> SUPERVISORS = EnumSet.of(Role.LEADER, Role.COMMAND_CENTER, Role.GRID_CENTER,
            Role.ADMIN);
    private static final Set<Role> CONVERTERS = EnumSet.of(Role.COMMAND_CENTER, Role.GRID_CENTER);
    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** The outcome of a report: the case, and whether it already existed (same idempotency key). */
    public record Reported(CaseRecord record, boolean existed, CategorySuggester.Suggestion suggestion) {
    }

    private final CaseRepository cases;
    private final WorkflowCatalog workflows;
    private final Dispatcher dispatcher;
    private final CategorySuggester suggester;
    private final AreaDirectory areas;
    private final Outbox outbox;
    private final Notifications notifications;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CategoryCatalog catalog = CategoryCatalog.standard();

    public CaseService(CaseRepository cases, WorkflowCatalog workflows, Dispatcher dispatcher,
                       CategorySuggester suggester, AreaDirectory areas, Outbox outbox, Notifications notifications,
                       AuditLog audit, JdbcTemplate jdbc, Clock clock) {
        this.cases = cases;
        this.workflows = workflows;
        this.dispatcher = dispatcher;
        this.suggester = suggester;
        this.areas = areas;
        this.outbox = outbox;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reporting

    /**
     * 上报. With an idempotency key the case id is derived from user + key, so a client retrying after a timeout gets
     * the same case back instead of a second one.
     */
    @Transactional
    public Reported report(Staff staff, NewCase in, String idempotencyKey) {
        if (!REPORTERS.contains(staff.role())) {
            throw deny(staff, "REPORT", null, staff.role().label() + "不能上报事件");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String id = caseId(staff, idempotencyKey, now);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Optional<CaseRecord> existing = cases.find(id);
            if (existing.isPresent()) {
                return new Reported(existing.get(), true, null);
            }
        }
        Grid grid = locate(staff, in);
        if (!staff.covers(grid.code())) {
            throw deny(staff, "REPORT", grid.code(), "网格 " + grid.code() + " 不在本人辖区 " + staff.scopeCode());
        }
        // the classifier only runs when the reporter left the category to it
        boolean suggest = in.categoryCode() == null || in.categoryCode().isBlank();
        CategorySuggester.Suggestion suggestion = suggest ? suggester.suggest(in.description()) : null;
        Category category = suggest ? catalog.get(suggestion.categoryCode())
                : catalog.find(in.categoryCode()).orElseThrow(() -> ApiErrors.badRequest(
                        "未知的事件分类 " + in.categoryCode()));
        String phone = null;
        if (in.reporterPhone() != null && !in.reporterPhone().isBlank()) {
            Optional<String> problem = PhoneNumber.problem(in.reporterPhone());
            if (problem.isPresent()) {
                throw ApiErrors.badRequest("联系电话格式不正确");
            }
            phone = PhoneNumber.normalize(in.reporterPhone());
        }
        boolean selfHandled = in.selfHandled() && staff.role() == Role.GRID_WORKER;
        WorkflowCatalog.CategoryPolicy policy = workflows.policy(category.code());
        Workflow wf = workflows.workflow(policy.workflowCode());
        WorkflowStep first = wf.first(selfHandled);
        int urgency = in.urgency() == null ? 1 : in.urgency();
        String title = in.title() == null || in.title().isBlank() ? headline(in.description()) : in.title().trim();
        CaseRecord c = new CaseRecord(id, title, in.description().trim(), in.channel().name(), category.code(),
                category.name(), urgency, urgency, decimal(in.latitude()), decimal(in.longitude()), in.address(),
                grid.code(), grid.streetCode(), in.reporterName(), phone, wf.code(), first.code(), first.role().name(),
                CaseRecord.OPEN, null, selfHandled, false, 0, now.plusHours(first.timeLimitHours()),
                now.plusHours(policy.timeLimitHours()), staff.username(), now, now, null, 0);
        cases.insert(c);
        String action = selfHandled ? CaseAction.SELF_HANDLE.name() : CaseAction.REPORT.name();
        cases.addStep(id, action, null, first.code(), staff, selfHandled ? "网格员自行处理" : null, now);
        audit.ok(staff.username(), action, "CASE", id, category.code() + " @" + grid.code());
        publish(c, CaseEventType.CREATED, staff, null, now);
        return new Reported(c, false, suggestion);
    }

    private Grid locate(Staff staff, NewCase in) {
        if (in.latitude() != null && in.longitude() != null) {
            return areas.locate(in.latitude(), in.longitude()).orElseThrow(() -> ApiErrors.badRequest(
                    "位置 " + in.latitude() + "," + in.longitude() + " 不在本区网格内"));
        }
        if (in.gridCode() != null && !in.gridCode().isBlank()) {
            return areas.grid(in.gridCode()).orElseThrow(() -> ApiErrors.badRequest("未知网格 " + in.gridCode()));
        }
        if (in.address() != null && !in.address().isBlank()) {
            // An address names its community (社区/村); the case goes to that community's first grid, and the
            // command centre can correct it. Longest name first so 山大南路社区 is not taken for 山大路社区.
            Optional<Grid> byCommunity = areas.district().communities().stream()
                    .sorted((a, b) -> b.name().length() - a.name().length())
                    .filter(cm -> in.address().contains(cm.name()))
                    .findFirst()
                    .flatMap(cm -> areas.grid(cm.code() + "01"));
            if (byCommunity.isPresent()) {
                return byCommunity.get();
            }
        }
        if (staff.scopeCode().length() >= 14) {
            return areas.grid(staff.scopeCode()).orElseThrow();
        }
        throw ApiErrors.badRequest("请提供经纬度、网格编码或包含社区名称的地址");
    }

    private static String caseId(Staff staff, String idempotencyKey, LocalDateTime now) {
        String suffix;
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        } else {
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(
                        (staff.username() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
                suffix = HexFormat.of().formatHex(h).substring(0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            // the day is left out so a retry just after midnight still finds the first attempt
            return "SJK" + suffix;
        }
        return "SJ" + now.format(ID_DAY) + suffix;
    }

    private static String headline(String description) {
        String d = description.strip().replaceAll("\\s+", " ");
        return d.length() <= 30 ? d : d.substring(0, 30) + "…";
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(6, java.math.RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- reading

    /** A case the user may see: inside their area and, for a department, assigned to it. */
    public CaseRecord view(Staff staff, String id) {
        CaseRecord c = cases.find(id).orElseThrow(() -> ApiErrors.notFound("事件 " + id + " 不存在"));
        requireScope(staff, c, "VIEW");
        return c;
    }

    public List<CaseStep> history(Staff staff, String id) {
        view(staff, id);
        return cases.history(id);
    }

    public List<CaseRecord> todo(Staff staff, int limit) {
        return cases.todo(staff, limit);
    }

    public List<CaseRecord> done(Staff staff, int limit) {
        return cases.done(staff, limit);
    }

    public List<CaseRecord> search(Staff staff, CaseQuery q, int limit) {
        return cases.search(staff, q, limit);
    }

    public List<DispatchRow> dispatchDecisions(Staff staff, String id) {
        view(staff, id);
        return jdbc.query("SELECT d.department_code, p.name, d.suggested, d.reason, d.decided_by, d.at"
                        + " FROM dispatch_decision d JOIN department p ON p.code = d.department_code"
                        + " WHERE d.case_id = ? ORDER BY d.id",
                (rs, i) -> new DispatchRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDateTime.class)), id);
    }

    public record DispatchRow(String departmentCode, String departmentName, boolean suggested, String reason,
                              String decidedBy, LocalDateTime at) {
    }

    public Dispatcher.Suggestion dispatchSuggestion(Staff staff, String id) {
        CaseRecord c = view(staff, id);
        return dispatcher.suggest(c.categoryCode(), c.streetCode());
    }

    // ---------------------------------------------------------------- workflow actions

    /**
     * Takes {@code action} on the case. {@code departmentCode} is only read by DISPATCH (empty = the rules'
     * suggestion); {@code note} is required for REJECT.
     */
    @Transactional
    public CaseRecord act(Staff staff, String id, CaseAction action, String note, String departmentCode) {
        CaseRecord c = cases.findForUpdate(id).orElseThrow(() -> ApiErrors.notFound("事件 " + id + " 不存在"));
        requireScope(staff, c, action.name());
        if (!c.open()) {
            throw ApiErrors.conflict("事件已结案，不能" + action.label());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return switch (action) {
            case DISPATCH -> dispatch(staff, c, departmentCode, note, now);
            case COMPLETE -> complete(staff, c, note, now);
            case REJECT -> reject(staff, c, note, now);
            case CONVERT_TO_DISPUTE -> convert(staff, c, note, now);
            case SUPERVISE -> supervise(staff, c, note, now);
            case REPORT, SELF_HANDLE -> throw ApiErrors.badRequest("上报请使用新建事件");
        };
    }

    private CaseRecord dispatch(Staff staff, CaseRecord c, String departmentCode, String note, LocalDateTime now) {
        requireStepRole(staff, c, CaseAction.DISPATCH);
        Workflow wf = workflows.workflow(c.workflowCode());
        WorkflowStep next = wf.next(c.currentStep(), c.selfHandled())
                .orElseThrow(() -> ApiErrors.conflict("分派后没有处理步骤，请检查审批配置"));
        if (next.role() != Role.DEPARTMENT) {
            throw ApiErrors.conflict("当前步骤 " + c.currentStep() + " 之后不是部门处理，不能分派");
        }
        Dispatcher.Suggestion suggestion = dispatcher.suggest(c.categoryCode(), c.streetCode());
        String chosen = departmentCode == null || departmentCode.isBlank() ? suggestion.departmentCode()
                : departmentCode;
        if (chosen == null) {
            throw ApiErrors.badRequest(suggestion.reason());
        }
        String name = departmentName(chosen).orElseThrow(() -> ApiErrors.badRequest("未知部门 " + chosen));
        boolean suggested = chosen.equals(suggestion.departmentCode());
        String reason = suggested ? suggestion.reason()
                : "指挥中心改派至 " + name + (note == null || note.isBlank() ? "" : "：" + note)
                        + "（系统建议：" + suggestion.reason() + "）";
        jdbc.update("INSERT INTO dispatch_decision (case_id, department_code, suggested, reason, decided_by, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", c.id(), chosen, suggested, truncate(reason, 1000), staff.username(), now);
        CaseRecord moved = moveTo(c, next, chosen, now);
        cases.updateState(moved);
        cases.addStep(c.id(), CaseAction.DISPATCH.name(), c.currentStep(), next.code(), staff, reason, now);
        audit.ok(staff.username(), CaseAction.DISPATCH.name(), "CASE", c.id(), chosen + (suggested ? "" : " (override)"));
        notifications.toDepartment(chosen, "DISPATCH", c.id(), "新分派事件：" + c.title());
        publish(moved, CaseEventType.ASSIGNED, staff, name, now);
        return moved;
    }

    private CaseRecord complete(Staff staff, CaseRecord c, String note, LocalDateTime now) {
        requireStepRole(staff, c, CaseAction.COMPLETE);
        Workflow wf = workflows.workflow(c.workflowCode());
        WorkflowStep current = wf.step(c.currentStep()).orElseThrow(() -> ApiErrors.conflict(
                "当前步骤 " + c.currentStep() + " 已不在流程 " + wf.code() + " 中，请管理员处理"));
        if (current.code().equals("DISPATCH")) {
            throw ApiErrors.conflict("分派步骤请使用分派");
        }
        Optional<WorkflowStep> next = wf.next(current.code(), c.selfHandled());
        CaseRecord moved;
        if (next.isPresent()) {
            moved = moveTo(c, next.get(), c.departmentCode(), now);
        } else {
            moved = c.withState(c.workflowCode(), Workflow.CLOSED, null, CaseRecord.CLOSED, c.departmentCode(),
                    c.selfHandled(), c.dispute(), c.supervisedCount(), c.priority(), c.stepDueAt(), now, now);
        }
        cases.updateState(moved);
        cases.addStep(c.id(), CaseAction.COMPLETE.name(), c.currentStep(), moved.currentStep(), staff, note, now);
        audit.ok(staff.username(), CaseAction.COMPLETE.name(), "CASE", c.id(), c.currentStep() + "→"
                + moved.currentStep());
        publish(moved, completedEvent(current), staff, note, now);
        if (!moved.open()) {
            publish(moved, CaseEventType.CLOSED, staff, null, now);
        }
        return moved;
    }

    /** The lifecycle event a completed step stands for; steps added by configuration count as 处理. */
    private static CaseEventType completedEvent(WorkflowStep step) {
        return switch (step.code()) {
            case "VERIFY" -> CaseEventType.REVIEWED;
            case "REVIEW" -> CaseEventType.APPROVED;
            default -> CaseEventType.PROCESSED;
        };
    }

    private CaseRecord reject(Staff staff, CaseRecord c, String note, LocalDateTime now) {
        requireStepRole(staff, c, CaseAction.REJECT);
        if (note == null || note.isBlank()) {
            throw ApiErrors.badRequest("驳回必须填写理由");
        }
        Workflow wf = workflows.workflow(c.workflowCode());
        WorkflowStep current = wf.step(c.currentStep()).orElseThrow();
        if (current.rejectTo() == null) {
            throw ApiErrors.conflict("步骤 " + current.name() + " 不能驳回");
        }
        WorkflowStep target = wf.step(current.rejectTo()).orElseThrow();
        boolean selfHandled = c.selfHandled();
        if (selfHandled && target.skipWhenSelfHandled()) {
            // a rejected 自行处理 goes the regular way from the start (分派), since no department has it yet
            selfHandled = false;
            target = wf.first(false);
        }
        CaseRecord moved = moveTo(c, target, c.departmentCode(), selfHandled, now);
        cases.updateState(moved);
        cases.addStep(c.id(), CaseAction.REJECT.name(), c.currentStep(), target.code(), staff, note, now);
        audit.ok(staff.username(), CaseAction.REJECT.name(), "CASE", c.id(), c.currentStep() + "→" + target.code());
        notifyAssignee(moved, "REJECTED", "事件被驳回（" + current.name() + "）：" + note);
        publish(moved, CaseEventType.REJECTED, staff, note, now);
        return moved;
    }

    private CaseRecord convert(Staff staff, CaseRecord c, String note, LocalDateTime now) {
        if (!CONVERTERS.contains(staff.role())) {
            throw deny(staff, "CONVERT_TO_DISPUTE", c.id(), staff.role().label() + "不能转矛盾纠纷");
        }
        if (c.dispute()) {
            throw ApiErrors.conflict("事件已是矛盾纠纷");
        }
        Workflow dispute = workflows.workflow(DISPUTE_WORKFLOW);
        WorkflowStep first = dispute.first(false);
        CaseRecord converted = c.withState(dispute.code(), first.code(), first.role().name(), CaseRecord.OPEN,
                c.departmentCode(), false, true, c.supervisedCount(), c.priority(),
                now.plusHours(first.timeLimitHours()), now, null);
        cases.updateState(converted);
        cases.addStep(c.id(), CaseAction.CONVERT_TO_DISPUTE.name(), c.currentStep(), first.code(), staff, note, now);
        audit.ok(staff.username(), CaseAction.CONVERT_TO_DISPUTE.name(), "CASE", c.id(), note);
        publish(converted, CaseEventType.CONVERTED_TO_DISPUTE, staff, note, now);
        return converted;
    }

    private CaseRecord supervise(Staff staff, CaseRecord c, String note, LocalDateTime now) {
        if (!SUPERVISORS.contains(staff.role())) {
            throw deny(staff, "SUPERVISE", c.id(), staff.role().label() + "不能督办");
        }
        CaseRecord marked = c.withState(c.workflowCode(), c.currentStep(), c.currentRole(), c.status(),
                c.departmentCode(), c.selfHandled(), c.dispute(), c.supervisedCount() + 1, c.priority() + 1,
                c.stepDueAt(), now, null);
        cases.updateState(marked);
        String text = "督办（第" + marked.supervisedCount() + "次）" + (note == null || note.isBlank() ? "" : "：" + note);
        cases.addStep(c.id(), CaseAction.SUPERVISE.name(), c.currentStep(), c.currentStep(), staff, text, now);
        audit.ok(staff.username(), CaseAction.SUPERVISE.name(), "CASE", c.id(), text);
        notifyAssignee(marked, "SUPERVISION", "事件被督办：" + c.title() + "。" + text);
        return marked;
    }

    /** The department for department steps, otherwise every user of the step's role whose area covers the case. */
    private void notifyAssignee(CaseRecord c, String kind, String message) {
        if (Role.DEPARTMENT.name().equals(c.currentRole()) && c.departmentCode() != null) {
            notifications.toDepartment(c.departmentCode(), kind, c.id(), message);
            return;
        }
        List<String> users = jdbc.queryForList("SELECT username FROM app_user WHERE role = ? AND enabled"
                + " AND ? LIKE CONCAT(scope_code, '%')", String.class, c.currentRole(), c.gridCode());
        users.forEach(u -> notifications.toUser(u, kind, c.id(), message));
    }

    private static CaseRecord moveTo(CaseRecord c, WorkflowStep step, String departmentCode, LocalDateTime now) {
        return moveTo(c, step, departmentCode, c.selfHandled(), now);
    }

    private static CaseRecord moveTo(CaseRecord c, WorkflowStep step, String departmentCode, boolean selfHandled,
                                     LocalDateTime now) {
        return c.withState(c.workflowCode(), step.code(), step.role().name(), CaseRecord.OPEN, departmentCode,
                selfHandled, c.dispute(), c.supervisedCount(), c.priority(), now.plusHours(step.timeLimitHours()), now,
                null);
    }

    // ---------------------------------------------------------------- access

    /**
     * Area scope for everyone; a department also only sees cases it was assigned. Refusals are audited with the
     * reason and answered 403.
     */
    public void requireScope(Staff staff, CaseRecord c, String action) {
        if (!staff.covers(c.gridCode())) {
            throw deny(staff, action, c.id(), "事件所在网格 " + c.gridCode() + " 不在辖区 " + staff.scopeCode());
        }
        if (staff.role() == Role.DEPARTMENT && !staff.departmentCode().equals(c.departmentCode())
                && !handledBefore(staff, c.id())) {
            throw deny(staff, action, c.id(), "事件未分派给本部门 " + staff.departmentCode());
        }
    }

    private boolean handledBefore(Staff staff, String caseId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_decision WHERE case_id = ?"
                + " AND department_code = ?", Integer.class, caseId, staff.departmentCode());
        return n != null && n > 0;
    }

    private void requireStepRole(Staff staff, CaseRecord c, CaseAction action) {
        if (!staff.role().name().equals(c.currentRole())) {
            throw deny(staff, action.name(), c.id(), "当前步骤 " + c.currentStep() + " 由"
                    + Role.valueOf(c.currentRole()).label() + "办理，" + staff.role().label() + "不能" + action.label());
        }
        if (action == CaseAction.DISPATCH && !"DISPATCH".equals(c.currentStep())) {
            throw ApiErrors.conflict("当前步骤不是分派");
        }
    }

    private RuntimeException deny(Staff staff, String action, String target, String reason) {
        audit.denied(staff.username(), action, "CASE", target, reason);
        return ApiErrors.forbidden(reason);
    }

    private Optional<String> departmentName(String code) {
        return jdbc.queryForList("SELECT name FROM department WHERE code = ?", String.class, code).stream()
                .findFirst();
    }

    // ---------------------------------------------------------------- events

    private void publish(CaseRecord c, CaseEventType type, Staff actor, String note, LocalDateTime now) {
        String eventId = c.id() + "-" + (c.version() + 1) + "-" + type.name();
        CaseEvent e = new CaseEvent(1, eventId, c.id(), ORIGIN, type, c.dueAt(), now, actor.username(),
                note == null ? null : PiiProtector.redact(truncate(note, 500)));
        outbox.append(Topics.CASE_EVENTS, eventId, c.id(), e);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

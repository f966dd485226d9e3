package org.gridgov.cases.casefile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridgov.cases.Sha256;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Decision;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.dispatch.DepartmentDirectory;
import org.gridgov.cases.dispatch.DispatchDecision;
import org.gridgov.cases.dispatch.DispatchRepository;
import org.gridgov.cases.dispatch.Dispatcher;
import org.gridgov.cases.domain.ConflictException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.domain.UnprocessableException;
import org.gridgov.cases.jdbc.WriteBatch;
import org.gridgov.cases.jdbc.WriteBatches;
import org.gridgov.cases.notify.Notifications;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.security.UserStore;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.cases.workflow.WorkflowStep;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.Grid;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.validation.PhoneNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case workflow. Every change asks {@code Authorization} (data scope, the current assignment, the role of the
 * current step), writes the history line, the audit line and the {@code case.events} outbox row in one transaction.
 * A refusal (another area, another role's step, a department the case was taken from) is audited on its own and
 * thrown by {@code Refusals}.
 */
@Service
public class CaseService {

    public static final String ORIGIN = CaseEvents.ORIGIN;
    public static final String DISPUTE_WORKFLOW = "DISPUTE";
    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** The outcome of a report: the case, and whether it already existed (same idempotency key). */
    public record Reported(CaseRecord record, boolean existed, CategorySuggester.Suggestion suggestion) {}

    /** A case the user may see with its history and dispatch decisions: what its page shows, read once. */
    public record CaseFile(CaseRecord record, List<CaseStep> history, List<DispatchDecision> decisions) {}

    /** case_step.note. */
    public static final int MAX_NOTE = 1000;
    /** report_request.idempotency_key. */
    public static final int MAX_IDEMPOTENCY_KEY = 128;

    private final CaseRepository cases;
    private final ReportRequests requests;
    private final WorkflowCatalog workflows;
    private final Dispatcher dispatcher;
    private final DispatchRepository dispatches;
    private final DepartmentDirectory departments;
    private final CategorySuggester suggester;
    private final CategoryLabels labels;
    private final AreaDirectory areas;
    private final UserStore users;
    private final CaseEvents events;
    private final ResponseLevels responseLevels;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Refusals refusals;
    private final WriteBatches writeBatches;
    private final Clock clock;
    private final CategoryCatalog catalog = CategoryCatalog.standard();

    public CaseService(
            CaseRepository cases,
            ReportRequests requests,
            WorkflowCatalog workflows,
            Dispatcher dispatcher,
            DispatchRepository dispatches,
            DepartmentDirectory departments,
            CategorySuggester suggester,
            CategoryLabels labels,
            AreaDirectory areas,
            UserStore users,
            CaseEvents events,
            ResponseLevels responseLevels,
            Notifications notifications,
            AuditLog audit,
            Refusals refusals,
            WriteBatches writeBatches,
            Clock clock) {
        this.cases = cases;
        this.requests = requests;
        this.workflows = workflows;
        this.dispatcher = dispatcher;
        this.dispatches = dispatches;
        this.departments = departments;
        this.suggester = suggester;
        this.labels = labels;
        this.areas = areas;
        this.users = users;
        this.events = events;
        this.responseLevels = responseLevels;
        this.notifications = notifications;
        this.audit = audit;
        this.refusals = refusals;
        this.writeBatches = writeBatches;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reporting

    /**
     * 上报. With an idempotency key the key is claimed first (insert-or-get in {@link ReportRequests}), so a client
     * retrying after a timeout gets the same case back instead of a second one, also when the retries arrive at once;
     * the same key with a different report is refused (422).
     */
    @Transactional
    public Reported report(Staff staff, NewCase in, String idempotencyKey) {
        refusals.require(staff, Action.CASE_REPORT, Target.nothing(), "CASE", null);
        LocalDateTime now = LocalDateTime.now(clock);
        boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
        if (keyed && idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidInputException(
                    "Idempotency-Key",
                    "Idempotency-Key 最长 " + MAX_IDEMPOTENCY_KEY + " 个字符 / at most " + MAX_IDEMPOTENCY_KEY
                            + " characters");
        }
        String id = caseId(staff, idempotencyKey, now);
        if (keyed) {
            String hash = requestHash(in);
            Optional<ReportRequests.Claimed> first = requests.claim(staff.username(), idempotencyKey, hash, id, now);
            if (first.isPresent()) {
                if (!first.get().requestHash().equals(hash)) {
                    throw new UnprocessableException(
                            "Idempotency-Key",
                            "Idempotency-Key 已用于另一份不同的上报（事件 "
                                    + first.get().caseId() + "），请为新的上报使用新的键 / the Idempotency-Key was used for a"
                                    + " different report; use a new key for a new report");
                }
                return new Reported(
                        cases.find(first.get().caseId())
                                .orElseThrow(() -> notFound(first.get().caseId())),
                        true,
                        null);
            }
        }
        Grid grid = locate(staff, in);
        refusals.require(staff, Action.CASE_REPORT, Target.area(grid.code()), "CASE", grid.code());
        // the classifier only runs when the reporter left the category to it
        boolean suggest = in.categoryCode() == null || in.categoryCode().isBlank();
        CategorySuggester.Suggestion suggestion = suggest ? suggester.suggest(in.description()) : null;
        Category category = suggest
                ? catalog.get(suggestion.categoryCode())
                : catalog.find(in.categoryCode())
                        .orElseThrow(() -> new InvalidInputException("categoryCode", "未知的事件分类 " + in.categoryCode()));
        String phone = null;
        if (in.reporterPhone() != null && !in.reporterPhone().isBlank()) {
            if (PhoneNumber.problem(in.reporterPhone()).isPresent()) {
                throw new InvalidInputException("reporterPhone", "联系电话格式不正确");
            }
            phone = PhoneNumber.normalize(in.reporterPhone());
        }
        boolean selfHandled =
                in.selfHandled() && Authorization.allows(staff, Action.CASE_SELF_HANDLE, Target.nothing());
        WorkflowCatalog.CategoryPolicy policy = workflows.policy(category.code());
        Workflow wf = workflows.workflow(policy.workflowCode());
        WorkflowStep first = wf.first(selfHandled);
        int urgency = in.urgency() == null ? 1 : in.urgency();
        String title = in.title() == null || in.title().isBlank()
                ? headline(in.description())
                : in.title().trim();
        // 接诉即办: the level's response deadline; the resolution deadline is the stricter of category and level
        ResponseLevelPolicy.Deadlines due =
                responseLevels.policy().deadlines(category.code(), urgency, now, policy.timeLimitHours());
        CaseRecord.Assignment start = CaseRecord.Assignment.first(wf.code(), first, selfHandled, urgency, now);
        if (start.stepDueAt().isAfter(due.responseDueAt()) && !selfHandled) {
            // an L1 case's 2 h include its dispatch: the dispatch step may not take longer than the response allows
            start = start.dueBy(due.responseDueAt());
        }
        // a self-handled case is the grid worker's own first contact, made at the scene when reporting
        CaseRecord.Response response = new CaseRecord.Response(
                due.level().code(),
                due.responseDueAt(),
                selfHandled ? now : null,
                selfHandled ? staff.username() : null,
                null,
                null,
                null);
        CaseRecord c = new CaseRecord(
                id,
                new CaseRecord.Report(
                        title,
                        in.description().trim(),
                        in.channel().name(),
                        category.code(),
                        category.name(),
                        urgency,
                        in.reporterName(),
                        phone,
                        staff.username(),
                        in.publishable()),
                new CaseRecord.Location(
                        decimal(in.latitude()), decimal(in.longitude()), in.address(), grid.code(), grid.streetCode()),
                start,
                new CaseRecord.Timing(due.resolveDueAt(), now, now, null),
                0,
                response);
        // the case, its first history line, audit line and case.events row go to the server in one round trip
        WriteBatch rows = writeBatches.open();
        cases.insert(rows, c);
        if (suggestion != null) {
            // kept so a later 改分类 can name the model whose choice it corrects
            labels.suggested(rows, id, suggestion, now);
        }
        String action = selfHandled ? CaseAction.SELF_HANDLE.name() : CaseAction.REPORT.name();
        String note = selfHandled ? "网格员自行处理" : null;
        if (suggestion != null) {
            // the command centre reads the classifier's choice, or its three candidates, in the history
            note = note == null ? suggestion.note() : note + "；" + suggestion.note();
        }
        cases.addStep(rows, id, action, null, first.code(), staff, note, now);
        audit.ok(rows, staff.username(), action, "CASE", id, category.code() + " @" + grid.code());
        events.publish(rows, c, CaseEventType.CREATED, staff.username(), null, now);
        rows.send();
        return new Reported(c, false, suggestion);
    }

    private Grid locate(Staff staff, NewCase in) {
        if (in.latitude() != null && in.longitude() != null) {
            return areas.locate(in.latitude(), in.longitude())
                    .orElseThrow(() -> new InvalidInputException(
                            "latitude", "位置 " + in.latitude() + "," + in.longitude() + " 不在本区网格内"));
        }
        if (in.gridCode() != null && !in.gridCode().isBlank()) {
            return areas.grid(in.gridCode())
                    .orElseThrow(() -> new InvalidInputException("gridCode", "未知网格 " + in.gridCode()));
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
        throw new InvalidInputException("location", "请提供经纬度、网格编码或包含社区名称的地址");
    }

    private static String caseId(Staff staff, String idempotencyKey, LocalDateTime now) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return "SJ" + now.format(ID_DAY)
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        }
        // the day is left out so a retry just after midnight still finds the first attempt
        return "SJK" + Sha256.hex(staff.username() + "\n" + idempotencyKey).substring(0, 12);
    }

    /** What a retry must repeat exactly: every field of the report, in order, null told apart from empty. */
    static String requestHash(NewCase in) {
        StringBuilder b = new StringBuilder();
        for (Object v : new Object[] {
            in.title(),
            in.description(),
            in.channel(),
            in.categoryCode(),
            in.latitude(),
            in.longitude(),
            in.gridCode(),
            in.address(),
            in.urgency(),
            in.reporterName(),
            in.reporterPhone(),
            in.selfHandled(),
            in.publishConsent()
        }) {
            b.append(v == null ? "\u0001" : v.toString()).append('\u0000');
        }
        return Sha256.hex(b.toString());
    }

    private static String headline(String description) {
        String d = description.strip().replaceAll("\\s+", " ");
        return d.length() <= 30 ? d : d.substring(0, 30) + "…";
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- reading

    /** A case the user may see: inside their area and, for a department, assigned to it now. */
    public CaseRecord view(Staff staff, String id) {
        return view(staff, id, Action.CASE_VIEW);
    }

    /** A case the user may see for {@code purpose} (viewing, or adding an attachment to it). */
    public CaseRecord view(Staff staff, String id, Action purpose) {
        CaseRecord c = cases.find(id).orElseThrow(() -> notFound(id));
        refusals.require(staff, purpose, c.accessTarget(), "CASE", id);
        return c;
    }

    /** The case with its history and dispatch decisions, after one read and one scope check. */
    public CaseFile file(Staff staff, String id) {
        CaseRecord c = view(staff, id);
        return new CaseFile(c, cases.history(id), dispatches.decisions(id));
    }

    /**
     * The case's history. Someone who may no longer see the case (a department it was taken from) gets the lines they
     * wrote themselves and nothing else; a user without any is refused.
     */
    public List<CaseStep> history(Staff staff, String id) {
        CaseRecord c = cases.find(id).orElseThrow(() -> notFound(id));
        Decision d = refusals.require(staff, Action.CASE_HISTORY, c.accessTarget(), "CASE", id);
        if (d.allowed()) {
            return cases.history(id);
        }
        List<CaseStep> own = cases.historyBy(id, staff.username());
        if (own.isEmpty()) {
            throw refusals.refuse(staff, Action.CASE_HISTORY.auditName(), "CASE", id, d.reason());
        }
        return own;
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

    /** Where the rules would send a case the caller has read through {@link #view} or {@link #file}. */
    public Dispatcher.Suggestion dispatchSuggestion(CaseRecord c) {
        return dispatcher.suggest(c.report().categoryCode(), c.location().streetCode());
    }

    // ---------------------------------------------------------------- workflow actions

    /**
     * Takes {@code action} on the case. {@code departmentCode} is only read by DISPATCH (empty = the rules'
     * suggestion); {@code note} is required for REJECT.
     */
    @Transactional
    public CaseRecord act(Staff staff, String id, CaseAction action, String note, String departmentCode) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "意见不超过 " + MAX_NOTE + " 字 / note longer than " + MAX_NOTE);
        }
        CaseRecord c = cases.findForUpdate(id).orElseThrow(() -> notFound(id));
        // seeing the case comes first: whoever may not is refused (and audited) before learning its state
        refusals.require(staff, Action.CASE_VIEW, action.name(), c.accessTarget(), "CASE", id);
        if (c.assignment().status() == CaseStatus.DUPLICATE) {
            throw new ConflictException("事件已合并为重复件，由主事件办理，不能" + action.label());
        }
        if (!c.open()) {
            throw new ConflictException("事件已结案，不能" + action.label());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return switch (action) {
            case DISPATCH -> dispatch(staff, c, departmentCode, note, now);
            case COMPLETE -> complete(staff, c, note, now);
            case REJECT -> reject(staff, c, note, now);
            case CONVERT_TO_DISPUTE -> convert(staff, c, note, now);
            case SUPERVISE -> supervise(staff, c, note, now);
            case REPORT, SELF_HANDLE -> throw new InvalidInputException("action", "上报请使用新建事件");
            case RECATEGORIZE -> throw new InvalidInputException("action", "改分类请使用 POST /api/cases/{id}/category");
            case RESPOND -> throw new InvalidInputException("action", "首次响应请使用 POST /api/cases/{id}/response");
            case RETURN_VISIT -> throw new InvalidInputException("action", "回访请使用 POST /api/cases/{id}/return-visit");
            case MERGE, UNMERGE -> throw new InvalidInputException("action", "合并请使用 POST /api/cases/{id}/merge");
        };
    }

    // ---------------------------------------------------------------- 改分类

    /**
     * 改分类 of an open case by the command centre or the department that holds it now. {@code expectedVersion} is the
     * version the user was shown: a case changed since then is a conflict, not silently overwritten. A case already
     * dispatched goes to the department the dispatch rules give for the new category (the same {@link Dispatcher} as
     * 分派, recorded as a dispatch decision); with no rule it stays where it is. The case deadline follows the new
     * category's time limit from the report. The correction is stored as a training label for {@code gridgov nlp
     * train}.
     */
    @Transactional
    public CaseRecord recategorize(Staff staff, String id, String categoryCode, Integer expectedVersion, String note) {
        if (categoryCode == null || categoryCode.isBlank()) {
            throw new InvalidInputException("categoryCode", "请选择新的事件分类 / categoryCode is required");
        }
        if (expectedVersion == null) {
            throw new InvalidInputException("version", "请提供页面上的事件版本 / version is required");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "意见不超过 " + MAX_NOTE + " 字 / note longer than " + MAX_NOTE);
        }
        CaseRecord c = cases.findForUpdate(id).orElseThrow(() -> notFound(id));
        String auditName = Action.CASE_RECATEGORIZE.auditName();
        refusals.require(staff, Action.CASE_VIEW, auditName, c.accessTarget(), "CASE", id);
        refusals.require(staff, Action.CASE_RECATEGORIZE, c.accessTarget(), "CASE", id);
        if (!c.open()) {
            throw new ConflictException("事件已结案，不能改分类");
        }
        if (c.version() != expectedVersion) {
            throw new ConflictException("事件已被他人修改（页面版本 " + expectedVersion + "，当前版本 " + c.version()
                    + "），请刷新后重试 / the case changed since it was read");
        }
        // a retired code stays readable on old cases but is no label to learn from
        Category category = catalog.find(categoryCode.trim())
                .filter(k -> catalog.isActive(k.code()))
                .orElseThrow(() -> new InvalidInputException(
                        "categoryCode", "未知或已停用的事件分类 " + categoryCode + " / unknown or retired category"));
        String old = c.report().categoryCode();
        if (category.code().equals(old)) {
            throw new UnprocessableException(
                    "categoryCode", "事件已是分类 " + old + " " + category.name() + " / the case already has this category");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        CaseRecord.Assignment at = c.assignment();
        String department = at.departmentCode();
        String reason = null;
        if (department != null) {
            Dispatcher.Suggestion s =
                    dispatcher.suggest(category.code(), c.location().streetCode());
            if (s.departmentCode() != null && !s.departmentCode().equals(department)) {
                department = s.departmentCode();
                reason = "改分类为 " + category.code() + " 后重新分拨：" + s.reason();
            }
        }
        WorkflowCatalog.CategoryPolicy policy = workflows.policy(category.code());
        // the new category's level and deadlines, from the report's time (as at creation)
        ResponseLevelPolicy.Deadlines due = responseLevels
                .policy()
                .deadlines(category.code(), c.report().urgency(), c.timing().createdAt(), policy.timeLimitHours());
        CaseRecord changed = c.withCategory(category.code(), category.name(), department, due.resolveDueAt(), now)
                .withResponse(c.response().withLevel(due.level().code(), due.responseDueAt()));
        cases.updateCategory(changed);
        // the model's version when the category being corrected is the one it chose at report time
        String model = labels.of(id).isEmpty()
                ? labels.suggestion(id)
                        .filter(s -> s.categoryCode().equals(old))
                        .map(CategoryLabels.Suggested::modelVersion)
                        .orElse(null)
                : null;
        labels.add(id, c.report().description(), old, category.code(), staff, now, model);
        String text = "改分类：" + old + " " + c.report().categoryName() + " → " + category.code() + " "
                + category.name() + (note == null || note.isBlank() ? "" : "：" + note)
                + (reason == null ? "" : "；" + reason);
        cases.addStep(
                id,
                CaseAction.RECATEGORIZE.name(),
                at.currentStep(),
                at.currentStep(),
                staff,
                truncate(text, MAX_NOTE),
                now);
        audit.ok(
                staff.username(),
                auditName,
                "CASE",
                id,
                old + "→" + category.code()
                        + (reason == null ? "" : " dept " + at.departmentCode() + "→" + department));
        if (reason != null) {
            dispatches.record(id, department, true, truncate(reason, 1000), staff.username(), now);
            if (Role.DEPARTMENT.name().equals(at.currentRole())) {
                notifications.toDepartment(
                        department, "DISPATCH", id, "改分类后分派事件：" + c.report().title());
            }
            publish(
                    changed,
                    CaseEventType.ASSIGNED,
                    staff,
                    departments.find(department).orElse(department),
                    now);
        }
        return changed;
    }

    private CaseRecord dispatch(Staff staff, CaseRecord c, String departmentCode, String note, LocalDateTime now) {
        refusals.require(staff, Action.CASE_DISPATCH, c.accessTarget(), "CASE", c.id());
        CaseRecord.Assignment at = c.assignment();
        if (!"DISPATCH".equals(at.currentStep())) {
            throw new ConflictException("当前步骤不是分派");
        }
        Workflow wf = workflows.workflow(at.workflowCode());
        WorkflowStep next = wf.next(at.currentStep(), at.selfHandled())
                .orElseThrow(() -> new ConflictException("分派后没有处理步骤，请检查审批配置"));
        if (next.role() != Role.DEPARTMENT) {
            throw new ConflictException("当前步骤 " + at.currentStep() + " 之后不是部门处理，不能分派");
        }
        Dispatcher.Suggestion suggestion = dispatchSuggestion(c);
        String chosen =
                departmentCode == null || departmentCode.isBlank() ? suggestion.departmentCode() : departmentCode;
        if (chosen == null) {
            throw new InvalidInputException("departmentCode", suggestion.reason());
        }
        String name = departments
                .find(chosen)
                .orElseThrow(() -> new InvalidInputException("departmentCode", "未知部门 " + chosen));
        boolean suggested = chosen.equals(suggestion.departmentCode());
        String reason = suggested
                ? suggestion.reason()
                : "指挥中心改派至 " + name + (note == null || note.isBlank() ? "" : "：" + note) + "（系统建议："
                        + suggestion.reason() + "）";
        dispatches.record(c.id(), chosen, suggested, truncate(reason, 1000), staff.username(), now);
        CaseRecord moved = c.withAssignment(at.at(next, chosen, at.selfHandled(), now), now);
        cases.updateState(moved);
        cases.addStep(c.id(), CaseAction.DISPATCH.name(), at.currentStep(), next.code(), staff, reason, now);
        audit.ok(
                staff.username(),
                CaseAction.DISPATCH.name(),
                "CASE",
                c.id(),
                chosen + (suggested ? "" : " (override)"));
        notifications.toDepartment(
                chosen, "DISPATCH", c.id(), "新分派事件：" + c.report().title());
        publish(moved, CaseEventType.ASSIGNED, staff, name, now);
        return moved;
    }

    private CaseRecord complete(Staff staff, CaseRecord c, String note, LocalDateTime now) {
        refusals.require(staff, Action.CASE_COMPLETE, c.accessTarget(), "CASE", c.id());
        CaseRecord.Assignment at = c.assignment();
        Workflow wf = workflows.workflow(at.workflowCode());
        WorkflowStep current = wf.step(at.currentStep())
                .orElseThrow(
                        () -> new ConflictException("当前步骤 " + at.currentStep() + " 已不在流程 " + wf.code() + " 中，请管理员处理"));
        if (current.code().equals("DISPATCH")) {
            throw new ConflictException("分派步骤请使用分派");
        }
        Optional<WorkflowStep> next = wf.next(current.code(), at.selfHandled());
        CaseRecord moved = c.withAssignment(
                next.isPresent() ? at.at(next.get(), at.departmentCode(), at.selfHandled(), now) : at.closed(), now);
        cases.updateState(moved);
        cases.addStep(
                c.id(),
                CaseAction.COMPLETE.name(),
                at.currentStep(),
                moved.assignment().currentStep(),
                staff,
                note,
                now);
        audit.ok(
                staff.username(),
                CaseAction.COMPLETE.name(),
                "CASE",
                c.id(),
                at.currentStep() + "→" + moved.assignment().currentStep());
        publish(moved, completedEvent(current), staff, note, now);
        if (!moved.open()) {
            publish(moved, CaseEventType.CLOSED, staff, null, now);
            notifyReportersOfDuplicates(moved);
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
        refusals.require(staff, Action.CASE_REJECT, c.accessTarget(), "CASE", c.id());
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "驳回必须填写理由");
        }
        CaseRecord.Assignment at = c.assignment();
        Workflow wf = workflows.workflow(at.workflowCode());
        WorkflowStep current = wf.step(at.currentStep()).orElseThrow();
        if (current.rejectTo() == null) {
            throw new ConflictException("步骤 " + current.name() + " 不能驳回");
        }
        WorkflowStep target = wf.step(current.rejectTo()).orElseThrow();
        boolean selfHandled = at.selfHandled();
        if (selfHandled && target.skipWhenSelfHandled()) {
            // a rejected 自行处理 goes the regular way from the start (分派), since no department has it yet
            selfHandled = false;
            target = wf.first(false);
        }
        CaseRecord moved = c.withAssignment(at.at(target, at.departmentCode(), selfHandled, now), now);
        cases.updateState(moved);
        cases.addStep(c.id(), CaseAction.REJECT.name(), at.currentStep(), target.code(), staff, note, now);
        audit.ok(staff.username(), CaseAction.REJECT.name(), "CASE", c.id(), at.currentStep() + "→" + target.code());
        notifyAssignee(moved, "REJECTED", "事件被驳回（" + current.name() + "）：" + note);
        publish(moved, CaseEventType.REJECTED, staff, note, now);
        return moved;
    }

    private CaseRecord convert(Staff staff, CaseRecord c, String note, LocalDateTime now) {
        refusals.require(staff, Action.CASE_CONVERT, c.accessTarget(), "CASE", c.id());
        if (c.assignment().dispute()) {
            throw new ConflictException("事件已是矛盾纠纷");
        }
        Workflow disputes = workflows.workflow(DISPUTE_WORKFLOW);
        CaseRecord converted = c.withAssignment(c.assignment().convertedTo(disputes, now), now);
        cases.updateState(converted);
        cases.addStep(
                c.id(),
                CaseAction.CONVERT_TO_DISPUTE.name(),
                c.assignment().currentStep(),
                converted.assignment().currentStep(),
                staff,
                note,
                now);
        audit.ok(staff.username(), CaseAction.CONVERT_TO_DISPUTE.name(), "CASE", c.id(), note);
        publish(converted, CaseEventType.CONVERTED_TO_DISPUTE, staff, note, now);
        return converted;
    }

    private CaseRecord supervise(Staff staff, CaseRecord c, String note, LocalDateTime now) {
        refusals.require(staff, Action.CASE_SUPERVISE, c.accessTarget(), "CASE", c.id());
        CaseRecord marked = c.withAssignment(c.assignment().supervised(), now);
        cases.updateState(marked);
        String step = c.assignment().currentStep();
        String text = "督办（第" + marked.assignment().supervisedCount() + "次）"
                + (note == null || note.isBlank() ? "" : "：" + note);
        cases.addStep(c.id(), CaseAction.SUPERVISE.name(), step, step, staff, text, now);
        audit.ok(staff.username(), CaseAction.SUPERVISE.name(), "CASE", c.id(), text);
        publish(marked, CaseEventType.SUPERVISED, staff, note, now);
        notifyAssignee(marked, "SUPERVISION", "事件被督办：" + c.report().title() + "。" + text);
        return marked;
    }

    /** The department for department steps, otherwise every user of the step's role whose area covers the case. */
    private void notifyAssignee(CaseRecord c, String kind, String message) {
        CaseRecord.Assignment at = c.assignment();
        if (Role.DEPARTMENT.name().equals(at.currentRole()) && at.departmentCode() != null) {
            notifications.toDepartment(at.departmentCode(), kind, c.id(), message);
            return;
        }
        users.enabledUsernamesCovering(at.currentRole(), c.location().gridCode())
                .forEach(u -> notifications.toUser(u, kind, c.id(), message));
    }

    /**
     * Issue 19: a master case closed — whoever reported it and each of its merged duplicates hears so once (the
     * duplicates were never dispatched, so this is their reporters' only answer).
     */
    private void notifyReportersOfDuplicates(CaseRecord master) {
        List<String> duplicates = cases.duplicatesOf(master.id());
        if (duplicates.isEmpty()) {
            return;
        }
        java.util.Set<String> told = new java.util.HashSet<>();
        String message = "事件已办结：" + master.report().title() + "（同一诉求 " + (duplicates.size() + 1) + " 件）";
        if (told.add(master.report().createdBy())) {
            notifications.toUser(master.report().createdBy(), "MASTER_CLOSED", master.id(), message);
        }
        for (String reporter : cases.duplicateReporters(master.id())) {
            if (told.add(reporter)) {
                notifications.toUser(reporter, "MASTER_CLOSED", master.id(), message);
            }
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("事件 " + id + " 不存在");
    }

    // ---------------------------------------------------------------- events

    private void publish(CaseRecord c, CaseEventType type, Staff actor, String note, LocalDateTime now) {
        events.publish(c, type, actor.username(), note, now);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

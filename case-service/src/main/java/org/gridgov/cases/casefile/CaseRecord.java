package org.gridgov.cases.casefile;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowStep;

/**
 * A row of {@code case_record}: one reported event, in named parts. The report and the place are fixed once the case
 * exists; a workflow change replaces only the {@link Assignment} (through {@link #withAssignment}), so a step cannot
 * alter what was reported.
 *
 * @param version the row's version, raised by every change; event ids are derived from it
 */
public record CaseRecord(
        String id,
        Report report,
        Location location,
        Assignment assignment,
        Timing timing,
        int version,
        Response response) {

    /** A case without 接诉即办 facts (created before response levels, or built by a test). */
    public CaseRecord(String id, Report report, Location location, Assignment assignment, Timing timing, int version) {
        this(id, report, location, assignment, timing, version, Response.NONE);
    }

    /**
     * 接诉即办 (issue 19): the response level and the first contact's deadline set at creation, when and by whom the
     * case was first responded to, the 回访 satisfaction after closure, and the master case while it is a merged
     * duplicate. Null where not (yet) known.
     */
    public record Response(
            String level,
            LocalDateTime dueAt,
            LocalDateTime respondedAt,
            String respondedBy,
            String satisfaction,
            LocalDateTime returnVisitedAt,
            String masterCaseId) {

        public static final Response NONE = new Response(null, null, null, null, null, null, null);

        /** Whether the first contact happened by its deadline; null while it is neither done nor late. */
        public boolean respondedInTime() {
            return respondedAt != null && dueAt != null && !respondedAt.isAfter(dueAt);
        }

        public Response withLevel(String newLevel, LocalDateTime newDueAt) {
            return new Response(
                    newLevel, newDueAt, respondedAt, respondedBy, satisfaction, returnVisitedAt, masterCaseId);
        }
    }

    /**
     * What was reported and by whom: {@code createdBy} is the signed-in user who entered it. {@code publishable}: a
     * citizen channel whose reporter consented, shown (redacted) by the public Open311 GET.
     */
    public record Report(
            String title,
            String description,
            String channel,
            String categoryCode,
            String categoryName,
            int urgency,
            String reporterName,
            String reporterPhone,
            String createdBy,
            boolean publishable) {

        /** A report that is not published. */
        public Report(
                String title,
                String description,
                String channel,
                String categoryCode,
                String categoryName,
                int urgency,
                String reporterName,
                String reporterPhone,
                String createdBy) {
            this(
                    title,
                    description,
                    channel,
                    categoryCode,
                    categoryName,
                    urgency,
                    reporterName,
                    reporterPhone,
                    createdBy,
                    false);
        }
    }

    /** Where: the point and address as given, the grid they were located to and its street. */
    public record Location(
            BigDecimal latitude, BigDecimal longitude, String address, String gridCode, String streetCode) {}

    /**
     * Where the case stands in its workflow and who must act: the step, its role (and department, for department
     * steps) and deadline, and the queue order ({@code priority} starts at the urgency; 督办 raises it).
     */
    public record Assignment(
            String workflowCode,
            String currentStep,
            String currentRole,
            CaseStatus status,
            String departmentCode,
            boolean selfHandled,
            boolean dispute,
            int priority,
            int supervisedCount,
            LocalDateTime stepDueAt) {

        /** A new case at the first step of its workflow. */
        public static Assignment first(
                String workflowCode, WorkflowStep step, boolean selfHandled, int urgency, LocalDateTime now) {
            return new Assignment(
                    workflowCode,
                    step.code(),
                    step.role().name(),
                    CaseStatus.OPEN,
                    null,
                    selfHandled,
                    false,
                    urgency,
                    0,
                    now.plusHours(step.timeLimitHours()));
        }

        /** At {@code step} of the same workflow, with that step's time limit from now. */
        public Assignment at(WorkflowStep step, String departmentCode, boolean selfHandled, LocalDateTime now) {
            return new Assignment(
                    workflowCode,
                    step.code(),
                    step.role().name(),
                    CaseStatus.OPEN,
                    departmentCode,
                    selfHandled,
                    dispute,
                    priority,
                    supervisedCount,
                    now.plusHours(step.timeLimitHours()));
        }

        /** 结案: no step left and nobody to act; the last step's deadline stays as it was. */
        public Assignment closed() {
            return new Assignment(
                    workflowCode,
                    Workflow.CLOSED,
                    null,
                    CaseStatus.CLOSED,
                    departmentCode,
                    selfHandled,
                    dispute,
                    priority,
                    supervisedCount,
                    stepDueAt);
        }

        /** 转矛盾纠纷: the first step of the dispute workflow, no longer self-handled, the department kept. */
        public Assignment convertedTo(Workflow disputes, LocalDateTime now) {
            WorkflowStep step = disputes.first(false);
            return new Assignment(
                    disputes.code(),
                    step.code(),
                    step.role().name(),
                    CaseStatus.OPEN,
                    departmentCode,
                    false,
                    true,
                    priority,
                    supervisedCount,
                    now.plusHours(step.timeLimitHours()));
        }

        /** 督办: counted, and one place higher in the queue; the step and its deadline stay. */
        public Assignment supervised() {
            return new Assignment(
                    workflowCode,
                    currentStep,
                    currentRole,
                    status,
                    departmentCode,
                    selfHandled,
                    dispute,
                    priority + 1,
                    supervisedCount + 1,
                    stepDueAt);
        }

        /** The same step due no later than {@code latest} (a strict response level shortens the dispatch step). */
        public Assignment dueBy(LocalDateTime latest) {
            return new Assignment(
                    workflowCode,
                    currentStep,
                    currentRole,
                    status,
                    departmentCode,
                    selfHandled,
                    dispute,
                    priority,
                    supervisedCount,
                    stepDueAt.isAfter(latest) ? latest : stepDueAt);
        }

        public boolean open() {
            return status == CaseStatus.OPEN;
        }
    }

    /** The case's own deadline (its category's time limit from the report) and when it was created, changed, closed. */
    public record Timing(
            LocalDateTime dueAt, LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime closedAt) {}

    /** This case after a workflow change at {@code now}: closed at {@code now} when the change closes it. */
    public CaseRecord withAssignment(Assignment next, LocalDateTime now) {
        return new CaseRecord(
                id,
                report,
                location,
                next,
                new Timing(timing.dueAt(), timing.createdAt(), now, next.open() ? null : now),
                version + 1,
                response);
    }

    /**
     * This case after 改分类 at {@code now}: the category, the department that holds it (same step) and the case
     * deadline (the new category's time limit from the report) change; the rest of the report stays.
     */
    public CaseRecord withCategory(
            String code, String name, String departmentCode, LocalDateTime dueAt, LocalDateTime now) {
        Report r = new Report(
                report.title(),
                report.description(),
                report.channel(),
                code,
                name,
                report.urgency(),
                report.reporterName(),
                report.reporterPhone(),
                report.createdBy(),
                report.publishable());
        Assignment a = assignment;
        Assignment moved = new Assignment(
                a.workflowCode(),
                a.currentStep(),
                a.currentRole(),
                a.status(),
                departmentCode,
                a.selfHandled(),
                a.dispute(),
                a.priority(),
                a.supervisedCount(),
                a.stepDueAt());
        return new CaseRecord(
                id,
                r,
                location,
                moved,
                new Timing(dueAt, timing.createdAt(), now, timing.closedAt()),
                version + 1,
                response);
    }

    /** This case with other 接诉即办 facts (a new level after 改分类, a first response, a 回访), same version. */
    public CaseRecord withResponse(Response next) {
        return new CaseRecord(id, report, location, assignment, timing, version, next);
    }

    public boolean open() {
        return assignment.open();
    }

    /** The facts {@code Authorization} decides on: where the case is, who must act now, whose department has it. */
    public Target.Case accessTarget() {
        return new Target.Case(
                location.gridCode(), assignment.currentRole(), assignment.currentStep(), assignment.departmentCode());
    }

    public boolean overdueAt(LocalDateTime now) {
        return open() && timing.dueAt().isBefore(now);
    }
}

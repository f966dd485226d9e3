package org.gridgov.cases.workflow;

import java.util.List;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Staff;
import org.springframework.stereotype.Service;

/**
 * 审批配置 changes, from the admin API and the admin page alike: administrators only (a refusal is audited), invalid
 * configurations refused with the reason, every change audited. The catalogue reloads itself once a change commits.
 */
@Service
public class WorkflowAdministration {

    private final WorkflowCatalog workflows;
    private final AuditLog audit;
    private final Refusals refusals;

    public WorkflowAdministration(WorkflowCatalog workflows, AuditLog audit, Refusals refusals) {
        this.workflows = workflows;
        this.audit = audit;
        this.refusals = refusals;
    }

    /** Refuses (audited) unless the user is an administrator. */
    public Staff requireAdmin(Staff staff, String action) {
        refusals.require(staff, Action.ADMIN, action, Target.nothing(), "ADMIN", null);
        return staff;
    }

    public Workflow replaceSteps(Staff staff, String code, String name, List<WorkflowStep> steps) {
        requireAdmin(staff, "CONFIG_WORKFLOW");
        try {
            workflows.replaceSteps(code, name, steps);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("steps", "流程配置无效：" + e.getMessage());
        }
        audit.ok(
                staff.username(),
                "CONFIG_WORKFLOW",
                "WORKFLOW",
                code,
                steps.size() + " steps: "
                        + steps.stream()
                                .map(s -> s.code() + "/" + s.role() + "/" + s.timeLimitHours() + "h")
                                .toList());
        return workflows.workflow(code);
    }

    public WorkflowCatalog.CategoryPolicy setPolicy(
            Staff staff, String category, String workflowCode, int timeLimitHours) {
        requireAdmin(staff, "CONFIG_POLICY");
        try {
            workflows.setPolicy(category, workflowCode, timeLimitHours);
        } catch (IllegalStateException e) {
            throw new InvalidInputException("workflowCode", "分类时限配置无效：" + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("timeLimitHours", "分类时限配置无效：" + e.getMessage());
        }
        audit.ok(staff.username(), "CONFIG_POLICY", "CATEGORY", category, workflowCode + " " + timeLimitHours + "h");
        return workflows.policy(category);
    }
}

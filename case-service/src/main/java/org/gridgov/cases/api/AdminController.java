package org.gridgov.cases.api;

import java.util.List;
import java.util.Map;

import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.outbox.OutboxRelay;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.cases.workflow.WorkflowStep;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 审批配置 (workflows, category time limits), the audit log and the outbox backlog: administrators only. */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    public record WorkflowBody(String name, List<WorkflowStep> steps) {
    }

    public record PolicyBody(String workflowCode, int timeLimitHours) {
    }

    private final WorkflowCatalog workflows;
    private final OutboxRelay relay;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    public AdminController(WorkflowCatalog workflows, OutboxRelay relay, AuditLog audit, JdbcTemplate jdbc) {
        this.workflows = workflows;
        this.relay = relay;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @GetMapping("/workflows")
    public Map<String, Object> workflows() {
        admin("READ_CONFIG");
        return Map.of("workflows", workflows.workflows(), "policies", workflows.policies());
    }

    @PutMapping("/workflows/{code}")
    public Workflow replace(@PathVariable String code, @RequestBody WorkflowBody body) {
        Staff s = admin("CONFIG_WORKFLOW");
        try {
            workflows.replaceSteps(code, body.name(), body.steps());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiErrors.badRequest(String.valueOf(e.getMessage()));
        }
        audit.ok(s.username(), "CONFIG_WORKFLOW", "WORKFLOW", code, body.steps().size() + " steps");
        workflows.reload();
        return workflows.workflow(code);
    }

    @PutMapping("/category-policies/{category}")
    public WorkflowCatalog.CategoryPolicy policy(@PathVariable String category, @RequestBody PolicyBody body) {
        Staff s = admin("CONFIG_POLICY");
        try {
            workflows.setPolicy(category, body.workflowCode(), body.timeLimitHours());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiErrors.badRequest(e.getMessage());
        }
        audit.ok(s.username(), "CONFIG_POLICY", "CATEGORY", category, body.workflowCode() + " "
                + body.timeLimitHours() + "h");
        workflows.reload();
        return workflows.policy(category);
    }

    @GetMapping("/audit")
    public List<Map<String, Object>> audit(@RequestParam(required = false) String target,
                                           @RequestParam(required = false) String user,
                                           @RequestParam(defaultValue = "100") int limit) {
        admin("READ_AUDIT");
        return jdbc.queryForList("SELECT * FROM audit_log WHERE (? IS NULL OR target_id = ?)"
                        + " AND (? IS NULL OR username = ?) ORDER BY id DESC LIMIT ?",
                target, target, user, user, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/outbox")
    public Map<String, Object> outbox() {
        admin("READ_OUTBOX");
        return Map.of("pending", relay.pending());
    }

    private Staff admin(String action) {
        Staff s = CurrentStaff.get();
        if (s.role() != Role.ADMIN) {
            audit.denied(s.username(), action, "ADMIN", null, s.role().label() + "不是管理员");
            throw ApiErrors.forbidden("仅限管理员");
        }
        return s;
    }
}

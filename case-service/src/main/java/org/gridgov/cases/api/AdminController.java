package org.gridgov.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.account.AccountAdministration;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.casefile.CategoryLabels;
import org.gridgov.cases.casefile.CategorySuggester;
import org.gridgov.cases.outbox.OutboxRelay;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowAdministration;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.cases.workflow.WorkflowStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 审批配置 (workflows, category time limits), accounts (disable, enable), the audit log and the outbox backlog:
 * administrators only.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    /** A workflow's name (wf_definition.name VARCHAR(64)) and its steps. */
    public record WorkflowBody(
            @Size(max = 64) String name, @Size(max = 50) List<WorkflowStep> steps) {}

    public record PolicyBody(@Size(max = 32) String workflowCode, int timeLimitHours) {}

    private final WorkflowCatalog workflows;
    private final WorkflowAdministration administration;
    private final OutboxRelay relay;
    private final AuditLog audit;
    private final AccountAdministration accounts;
    private final CategoryLabels labels;
    private final CategorySuggester suggester;
    private final Clock clock;

    public AdminController(
            WorkflowCatalog workflows,
            WorkflowAdministration administration,
            OutboxRelay relay,
            AuditLog audit,
            AccountAdministration accounts,
            CategoryLabels labels,
            CategorySuggester suggester,
            Clock clock) {
        this.clock = clock;
        this.labels = labels;
        this.suggester = suggester;
        this.workflows = workflows;
        this.administration = administration;
        this.relay = relay;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** Disables an account and revokes its tokens at once. */
    @PostMapping("/users/{username}/disable")
    public Map<String, Object> disable(@PathVariable String username) {
        accounts.setEnabled(CurrentStaff.get(), username, false);
        return Map.of("username", username, "enabled", false);
    }

    @PostMapping("/users/{username}/enable")
    public Map<String, Object> enable(@PathVariable String username) {
        accounts.setEnabled(CurrentStaff.get(), username, true);
        return Map.of("username", username, "enabled", true);
    }

    @GetMapping("/workflows")
    public Map<String, Object> workflows() {
        admin("READ_CONFIG");
        return Map.of("workflows", workflows.workflows(), "policies", workflows.policies());
    }

    @PutMapping("/workflows/{code}")
    public Workflow replace(@PathVariable String code, @Valid @RequestBody WorkflowBody body) {
        return administration.replaceSteps(
                CurrentStaff.get(), code, body.name(), body.steps() == null ? List.of() : body.steps());
    }

    @PutMapping("/category-policies/{category}")
    public WorkflowCatalog.CategoryPolicy policy(@PathVariable String category, @Valid @RequestBody PolicyBody body) {
        return administration.setPolicy(CurrentStaff.get(), category, body.workflowCode(), body.timeLimitHours());
    }

    @GetMapping("/audit")
    public List<Map<String, Object>> audit(
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "100") int limit) {
        admin("READ_AUDIT");
        return audit.search(target, user, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/outbox")
    public Map<String, Object> outbox() {
        admin("READ_OUTBOX");
        return Map.of("pending", relay.pending());
    }

    /**
     * The operators' category corrections since {@code since} (an ISO date, default: all) as TSV, for {@code gridgov
     * nlp train --corrections=FILE}: the newest correction per case, texts with ID and phone numbers masked.
     */
    @GetMapping(value = "/category-labels", produces = "text/tab-separated-values;charset=UTF-8")
    public String categoryLabels(@RequestParam(required = false) LocalDate since) throws IOException {
        Staff s = admin("EXPORT_LABELS");
        StringBuilder out = new StringBuilder();
        int n = labels.export(since == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : since.atStartOfDay(), out);
        audit.ok(s.username(), "EXPORT_LABELS", "LABELS", since == null ? "*" : since.toString(), n + " rows");
        return out.toString();
    }

    /**
     * The classifier model answering (version, where it was read from, what it was trained on, its threshold) and how
     * it does on the operators' corrections of the last {@code days} days (the newest per case, at most 2,000).
     */
    @GetMapping("/classifier")
    public Map<String, Object> classifier(@RequestParam(defaultValue = "30") int days) {
        admin("READ_CONFIG");
        var info = suggester.modelInfo();
        int window = Math.max(1, Math.min(days, 3650));
        CategorySuggester.Agreement a =
                suggester.agreement(labels.latest(LocalDateTime.now(clock).minusDays(window), 2000));
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("model_version", info.version());
        out.put("source", suggester.source());
        out.put("trained_at", info.trainedAt());
        out.put("training_data", info.trainingData());
        out.put("threshold", suggester.threshold());
        out.put("recent_days", window);
        out.put("recent_corrections", a.labels());
        out.put("recent_accuracy", a.categoryAccuracy());
        out.put("recent_level1_accuracy", a.level1Accuracy());
        return out;
    }

    private Staff admin(String action) {
        return administration.requireAdmin(CurrentStaff.get(), action);
    }
}

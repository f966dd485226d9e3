package org.gridgov.cases.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Workflows and the category → workflow / time limit table, read from the database and kept in memory; an
 * administrator's change replaces both. The category setting of a level-2 code wins over its level-1 code, which
 * wins over the default row {@code *}.
 */
@Component
public class WorkflowCatalog {

    public record CategoryPolicy(String categoryCode, String workflowCode, int timeLimitHours) {}

    private final WorkflowRepository repository;
    private volatile Map<String, Workflow> workflows = Map.of();
    private volatile Map<String, CategoryPolicy> policies = Map.of();

    public WorkflowCatalog(WorkflowRepository repository) {
        this.repository = repository;
        reload();
    }

    public synchronized void reload() {
        Map<String, Workflow> w = repository.workflows();
        Map<String, CategoryPolicy> p = repository.policies();
        workflows = Map.copyOf(w);
        policies = Map.copyOf(p);
    }

    public Workflow workflow(String code) {
        Workflow w = workflows.get(code);
        if (w == null) {
            throw new IllegalStateException("workflow " + code + " is not configured");
        }
        return w;
    }

    public List<Workflow> workflows() {
        return List.copyOf(workflows.values());
    }

    public List<CategoryPolicy> policies() {
        return List.copyOf(policies.values());
    }

    public CategoryPolicy policy(String categoryCode) {
        return Optional.ofNullable(policies.get(categoryCode))
                .or(() -> Optional.ofNullable(
                        policies.get(categoryCode.substring(0, Math.min(3, categoryCode.length())))))
                .or(() -> Optional.ofNullable(policies.get("*")))
                .orElseThrow(() -> new IllegalStateException("no default category_workflow row '*'"));
    }

    /** Replaces a workflow's steps (审批配置). Cases already on it keep their current step when it still exists. */
    @Transactional
    public void replaceSteps(String workflowCode, String name, List<WorkflowStep> newSteps) {
        new Workflow(workflowCode, name, newSteps);
        if (newSteps.stream().map(WorkflowStep::code).distinct().count() != newSteps.size()
                || newSteps.stream().map(WorkflowStep::order).distinct().count() != newSteps.size()) {
            throw new IllegalArgumentException("step codes and orders must be unique");
        }
        for (WorkflowStep s : newSteps) {
            if (s.code() == null || s.code().isBlank() || s.code().equals(Workflow.CLOSED) || s.role() == null) {
                throw new IllegalArgumentException("every step needs a code (not " + Workflow.CLOSED + ") and a role");
            }
            if (s.rejectTo() != null
                    && newSteps.stream().noneMatch(o -> o.code().equals(s.rejectTo()))) {
                throw new IllegalArgumentException("step " + s.code() + " rejects to unknown step " + s.rejectTo());
            }
            if (s.timeLimitHours() <= 0) {
                throw new IllegalArgumentException("step " + s.code() + " needs a positive time limit");
            }
        }
        repository.replaceSteps(workflowCode, name, newSteps);
        reloadAfterCommit();
    }

    @Transactional
    public void setPolicy(String categoryCode, String workflowCode, int timeLimitHours) {
        workflow(workflowCode);
        if (timeLimitHours <= 0) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        repository.savePolicy(categoryCode, workflowCode, timeLimitHours);
        reloadAfterCommit();
    }

    /** Callers read the change as soon as the transaction that made it commits, and never a rolled-back one. */
    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload();
            }
        });
    }
}

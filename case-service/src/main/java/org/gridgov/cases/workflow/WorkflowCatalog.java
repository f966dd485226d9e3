package org.gridgov.cases.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridgov.cases.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflows and the category → workflow / time limit table, read from the database and kept in memory; an
 * administrator's change replaces both. The category setting of a level-2 code wins over its level-1 code, which
 * wins over the default row {@code *}.
 */
@Component
public class WorkflowCatalog {

    public record CategoryPolicy(String categoryCode, String workflowCode, int timeLimitHours) {
    }

    private final JdbcTemplate jdbc;
    private volatile Map<String, Workflow> workflows = Map.of();
    private volatile Map<String, CategoryPolicy> policies = Map.of();

    public WorkflowCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        reload();
    }

    public synchronized void reload() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT code, name FROM wf_definition ORDER BY code",
                rs -> { names.put(rs.getString(1), rs.getString(2)); });
        Map<String, List<WorkflowStep>> steps = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM wf_step ORDER BY workflow_code, step_order", rs -> {
            steps.computeIfAbsent(rs.getString("workflow_code"), k -> new ArrayList<>()).add(new WorkflowStep(
                    rs.getInt("step_order"), rs.getString("step_code"), rs.getString("step_name"),
                    Role.valueOf(rs.getString("role")), rs.getInt("time_limit_hours"), rs.getString("reject_to_step"),
                    rs.getBoolean("skip_when_self_handled")));
        });
        Map<String, Workflow> w = new LinkedHashMap<>();
        names.forEach((code, name) -> w.put(code, new Workflow(code, name, steps.getOrDefault(code, List.of()))));
        Map<String, CategoryPolicy> p = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM category_workflow", rs -> {
            p.put(rs.getString("category_code"), new CategoryPolicy(rs.getString("category_code"),
                    rs.getString("workflow_code"), rs.getInt("time_limit_hours")));
        });
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
                .or(() -> Optional.ofNullable(policies.get(categoryCode.substring(0, Math.min(3, categoryCode.length())))))
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
            if (s.rejectTo() != null && newSteps.stream().noneMatch(o -> o.code().equals(s.rejectTo()))) {
                throw new IllegalArgumentException("step " + s.code() + " rejects to unknown step " + s.rejectTo());
            }
            if (s.timeLimitHours() <= 0) {
                throw new IllegalArgumentException("step " + s.code() + " needs a positive time limit");
            }
        }
        jdbc.update("INSERT INTO wf_definition (code, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)",
                workflowCode, name);
        jdbc.update("DELETE FROM wf_step WHERE workflow_code = ?", workflowCode);
        for (WorkflowStep s : newSteps) {
            jdbc.update("INSERT INTO wf_step (workflow_code, step_order, step_code, step_name, role, time_limit_hours,"
                            + " reject_to_step, skip_when_self_handled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    workflowCode, s.order(), s.code(), s.name(), s.role().name(), s.timeLimitHours(), s.rejectTo(),
                    s.skipWhenSelfHandled());
        }
        reloadAfterCommit();
    }

    @Transactional
    public void setPolicy(String categoryCode, String workflowCode, int timeLimitHours) {
        workflow(workflowCode);
        if (timeLimitHours <= 0) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        jdbc.update("INSERT INTO category_workflow (category_code, workflow_code, time_limit_hours) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE workflow_code = VALUES(workflow_code),"
                        + " time_limit_hours = VALUES(time_limit_hours)",
                categoryCode, workflowCode, timeLimitHours);
        reloadAfterCommit();
    }

    private void reloadAfterCommit() {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        reload();
                    }
                });
    }
}

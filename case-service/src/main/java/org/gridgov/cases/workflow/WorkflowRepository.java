package org.gridgov.cases.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL for the workflow configuration: workflows ({@code wf_definition}), their steps ({@code wf_step}) and the
 * category → workflow / time limit table ({@code category_workflow}).
 */
@Repository
public class WorkflowRepository {

    private final JdbcTemplate jdbc;

    public WorkflowRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every workflow with its steps in order, by code. */
    public Map<String, Workflow> workflows() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT code, name FROM wf_definition ORDER BY code", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        Map<String, List<WorkflowStep>> steps = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM wf_step ORDER BY workflow_code, step_order", rs -> {
            steps.computeIfAbsent(rs.getString("workflow_code"), k -> new ArrayList<>())
                    .add(new WorkflowStep(
                            rs.getInt("step_order"),
                            rs.getString("step_code"),
                            rs.getString("step_name"),
                            Role.valueOf(rs.getString("role")),
                            rs.getInt("time_limit_hours"),
                            rs.getString("reject_to_step"),
                            rs.getBoolean("skip_when_self_handled")));
        });
        Map<String, Workflow> w = new LinkedHashMap<>();
        names.forEach((code, name) -> w.put(code, new Workflow(code, name, steps.getOrDefault(code, List.of()))));
        return w;
    }

    /** Every category policy, by category code ({@code *} is the default row). */
    public Map<String, WorkflowCatalog.CategoryPolicy> policies() {
        Map<String, WorkflowCatalog.CategoryPolicy> p = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM category_workflow", rs -> {
            p.put(
                    rs.getString("category_code"),
                    new WorkflowCatalog.CategoryPolicy(
                            rs.getString("category_code"),
                            rs.getString("workflow_code"),
                            rs.getInt("time_limit_hours")));
        });
        return p;
    }

    /** Creates or renames the workflow and replaces all its steps; the caller's transaction makes it one change. */
    public void replaceSteps(String workflowCode, String name, List<WorkflowStep> steps) {
        jdbc.update(
                "INSERT INTO wf_definition (code, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)",
                workflowCode,
                name);
        jdbc.update("DELETE FROM wf_step WHERE workflow_code = ?", workflowCode);
        for (WorkflowStep s : steps) {
            jdbc.update(
                    "INSERT INTO wf_step (workflow_code, step_order, step_code, step_name, role, time_limit_hours,"
                            + " reject_to_step, skip_when_self_handled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    workflowCode,
                    s.order(),
                    s.code(),
                    s.name(),
                    s.role().name(),
                    s.timeLimitHours(),
                    s.rejectTo(),
                    s.skipWhenSelfHandled());
        }
    }

    public void savePolicy(String categoryCode, String workflowCode, int timeLimitHours) {
        jdbc.update(
                "INSERT INTO category_workflow (category_code, workflow_code, time_limit_hours) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE workflow_code = VALUES(workflow_code),"
                        + " time_limit_hours = VALUES(time_limit_hours)",
                categoryCode,
                workflowCode,
                timeLimitHours);
    }
}

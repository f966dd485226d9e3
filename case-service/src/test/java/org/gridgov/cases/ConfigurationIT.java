package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 审批配置: steps, roles and time limits come from configuration, and new cases follow a change at once. */
class ConfigurationIT extends ServiceIT {

    Api.Session admin;
    Api.Session worker;
    Api.Session gridCenter;

    @BeforeEach
    void users() {
        user("cf_admin", Role.ADMIN, "370112", null);
        user("cf_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        user("cf_center", Role.GRID_CENTER, "370112001", null);
        user("cf_leader", Role.LEADER, "370112", null);
        admin = login("cf_admin");
        worker = login("cf_worker");
        gridCenter = login("cf_center");
    }

    @AfterEach
    void restore() {
        jdbc.update("DELETE FROM category_workflow WHERE category_code = 'C0203'");
    }

    @Test
    void aCategoryCanGetItsOwnWorkflowAndTimeLimit() {
        // a short workflow for one category: the grid centre handles it and a leader signs it off
        List<Map<String, Object>> steps = List.of(
                Map.of(
                        "order",
                        1,
                        "code",
                        "HANDLE",
                        "name",
                        "网格中心办理",
                        "role",
                        "GRID_CENTER",
                        "time_limit_hours",
                        8,
                        "skip_when_self_handled",
                        false),
                Map.of(
                        "order",
                        2,
                        "code",
                        "SIGN_OFF",
                        "name",
                        "领导签批",
                        "role",
                        "LEADER",
                        "time_limit_hours",
                        4,
                        "reject_to",
                        "HANDLE",
                        "skip_when_self_handled",
                        false));
        Api.Response wf = admin.put("/api/admin/workflows/QUICK", Map.of("name", "快速处置", "steps", steps));
        assertThat(wf.status()).as(wf.raw()).isEqualTo(200);
        Api.Response policy = admin.put(
                "/api/admin/category-policies/C0203", Map.of("workflow_code", "QUICK", "time_limit_hours", 12));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);

        LocalDateTime before = LocalDateTime.now().minusSeconds(2);
        Api.Response c = worker.post("/api/cases", WorkflowIT.report("噪音扰民", "C0203", false));
        assertThat(c.text("workflow_code")).isEqualTo("QUICK");
        assertThat(c.text("current_step")).isEqualTo("HANDLE");
        LocalDateTime due = LocalDateTime.parse(c.text("due_at"));
        assertThat(due).isBetween(before.plusHours(12), before.plusHours(12).plusMinutes(1));
        LocalDateTime stepDue = LocalDateTime.parse(c.text("step_due_at"));
        assertThat(stepDue).isBetween(before.plusHours(8), before.plusHours(8).plusMinutes(1));

        String id = c.text("id");
        assertThat(gridCenter
                        .post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", null, null))
                        .text("current_step"))
                .isEqualTo("SIGN_OFF");
        Api.Session leader = login("cf_leader");
        assertThat(leader.post("/api/cases/" + id + "/actions", WorkflowIT.action("REJECT", "补充材料", null))
                        .text("current_step"))
                .isEqualTo("HANDLE");
        gridCenter.post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", null, null));
        assertThat(leader.post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", null, null))
                        .text("status"))
                .isEqualTo("CLOSED");

        // other categories are untouched
        assertThat(worker.post("/api/cases", WorkflowIT.report("噪音", "C0201", false))
                        .text("workflow_code"))
                .isEqualTo("STANDARD");
    }

    @Test
    void anInvalidWorkflowIsRefused() {
        List<Map<String, Object>> steps = List.of(Map.of(
                "order",
                1,
                "code",
                "A",
                "name",
                "a",
                "role",
                "LEADER",
                "time_limit_hours",
                4,
                "reject_to",
                "NOWHERE",
                "skip_when_self_handled",
                false));
        Api.Response r = admin.put("/api/admin/workflows/BROKEN", Map.of("name", "x", "steps", steps));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("error")).contains("NOWHERE");
        assertThat(admin.get("/api/admin/workflows").body().get("workflows").findValuesAsText("code"))
                .doesNotContain("BROKEN");
    }
}

package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 任务下发 → 执行 → 审核, with 驳回 back to the assignee, to a department, a person and an area. */
class TaskIT extends ServiceIT {

    Api.Session command;
    Api.Session labour;
    Api.Session worker;
    Api.Session otherWorker;

    @BeforeEach
    void users() {
        user("tk_command", Role.COMMAND_CENTER, "370112", null);
        user("tk_labour", Role.DEPARTMENT, "370112", "区人力资源社会保障局");
        user("tk_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        user("tk_worker2", Role.GRID_WORKER, "37011200200101", null);
        command = login("tk_command");
        labour = login("tk_labour");
        worker = login("tk_worker");
        otherWorker = login("tk_worker2");
    }

    Map<String, Object> task(String type, String code) {
        return Map.of(
                "title",
                "春节前欠薪排查",
                "content",
                "排查辖区在建工地工资支付情况",
                "assignee_type",
                type,
                "assignee_code",
                code,
                "urgency",
                3,
                "deadline",
                LocalDateTime.now().plusDays(3).withNano(0).toString());
    }

    @Test
    void aDepartmentTaskIsExecutedRejectedAndApproved() {
        String dept = jdbc.queryForObject("SELECT code FROM department WHERE name = '区人力资源社会保障局'", String.class);
        Api.Response issued = command.post("/api/tasks", task("DEPARTMENT", dept));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String id = issued.text("id");
        assertThat(labour.get("/api/tasks/todo").body().findValuesAsText("id")).contains(id);
        assertThat(labour.get("/api/notifications").get("unread").findValuesAsText("ref_id"))
                .contains(id);

        assertThat(labour.post("/api/tasks/" + id + "/submit", Map.of("result", "已排查 12 个工地"))
                        .text("status"))
                .isEqualTo("SUBMITTED");
        assertThat(command.get("/api/tasks/todo").body().findValuesAsText("id")).contains(id);
        assertThat(command.post("/api/tasks/" + id + "/review", Map.of("approve", false))
                        .status())
                .isEqualTo(400);
        assertThat(command.post("/api/tasks/" + id + "/review", Map.of("approve", false, "note", "缺少台账"))
                        .text("status"))
                .isEqualTo("REJECTED");
        assertThat(labour.post("/api/tasks/" + id + "/submit", Map.of("result", "补充台账"))
                        .text("status"))
                .isEqualTo("SUBMITTED");
        assertThat(command.post("/api/tasks/" + id + "/review", Map.of("approve", true))
                        .text("status"))
                .isEqualTo("APPROVED");
        assertThat(command.get("/api/tasks/" + id).get("history").findValuesAsText("action"))
                .containsExactly("ISSUE", "SUBMIT", "REJECT", "SUBMIT", "APPROVE");
    }

    @Test
    void onlyTheAssigneeExecutesAndOnlyTheIssuerReviews() {
        String id = command.post("/api/tasks", task("PERSON", "tk_worker")).text("id");
        assertThat(otherWorker
                        .post("/api/tasks/" + id + "/submit", Map.of("result", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(otherWorker.get("/api/tasks/" + id).status()).isEqualTo(403);
        assertThat(worker.post("/api/tasks/" + id + "/submit", Map.of("result", "已完成"))
                        .status())
                .isEqualTo(200);
        assertThat(worker.post("/api/tasks/" + id + "/review", Map.of("approve", true))
                        .status())
                .isEqualTo(403);
        assertThat(worker.post("/api/tasks", task("PERSON", "tk_worker2")).status())
                .isEqualTo(403);
    }

    @Test
    void anAreaTaskGoesToThatOrganisationsStaff() {
        String id = command.post("/api/tasks", task("AREA", WorkflowIT.GRID)).text("id");
        assertThat(worker.get("/api/tasks/todo").body().findValuesAsText("id")).contains(id);
        assertThat(otherWorker.get("/api/tasks/todo").body().findValuesAsText("id"))
                .doesNotContain(id);
    }
}

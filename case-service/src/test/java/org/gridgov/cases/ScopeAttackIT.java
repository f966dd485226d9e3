package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 1 as an attacker would try it: a department acts on a case that was taken away from it, and reads
 * or attaches to tasks that are not its own. Scope is the current assignment; every refusal is a 403 with an audit
 * row.
 */
class ScopeAttackIT extends ServiceIT {

    Api.Session worker;
    Api.Session command;
    Api.Session chengguan;
    Api.Session streetOffice;
    Api.Session labour;

    @BeforeEach
    void users() {
        user("sa_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        user("sa_command", Role.COMMAND_CENTER, "370112", null);
        user("sa_chengguan", Role.DEPARTMENT, "370112", "区城市管理局");
        user("sa_office", Role.DEPARTMENT, "370112001", "山大路街道办事处");
        user("sa_labour", Role.DEPARTMENT, "370112", "区人力资源社会保障局");
        worker = login("sa_worker");
        command = login("sa_command");
        chengguan = login("sa_chengguan");
        streetOffice = login("sa_office");
        labour = login("sa_labour");
    }

    String department(String name) {
        return jdbc.queryForObject("SELECT code FROM department WHERE name = ?", String.class, name);
    }

    int denials(String username, String target, String action) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE username = ? AND target_id = ?"
                        + " AND action = ? AND outcome = 'DENIED'",
                Integer.class,
                username,
                target,
                action);
    }

    /** The HIGH finding: dispatch to 城管 → 城管 驳回 → re-dispatched to the street office → 城管 COMPLETE. */
    @Test
    void aDepartmentTheCaseWasTakenFromCannotActOnItAnyMore() {
        String id = worker.post("/api/cases", WorkflowIT.report("人行道破损，行人绊倒", "C0101", false))
                .text("id");
        assertThat(command.post(
                                "/api/cases/" + id + "/actions",
                                WorkflowIT.action("DISPATCH", null, department("区城市管理局")))
                        .status())
                .isEqualTo(200);
        Api.Response rejected =
                chengguan.post("/api/cases/" + id + "/actions", WorkflowIT.action("REJECT", "属街道维修范围", null));
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        assertThat(rejected.text("current_step")).isEqualTo("DISPATCH");
        Api.Response redispatched = command.post(
                "/api/cases/" + id + "/actions", WorkflowIT.action("DISPATCH", "改由街道办理", department("山大路街道办事处")));
        assertThat(redispatched.status()).as(redispatched.raw()).isEqualTo(200);

        Api.Response complete =
                chengguan.post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", "已处理", null));
        assertThat(complete.status()).as(complete.raw()).isEqualTo(403);
        assertThat(denials("sa_chengguan", id, "COMPLETE")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT current_step FROM case_record WHERE id = ?", String.class, id))
                .isEqualTo("HANDLE");
        // nor read the case as it is now; its own history lines stay readable to it, nobody else's
        assertThat(chengguan.get("/api/cases/" + id).status()).isEqualTo(403);
        Api.Response ownLines = chengguan.get("/api/cases/" + id + "/history");
        assertThat(ownLines.status()).as(ownLines.raw()).isEqualTo(200);
        assertThat(ownLines.body().findValuesAsText("actor")).containsOnly("sa_chengguan");
        assertThat(ownLines.body().findValuesAsText("action")).containsExactly("REJECT");
        assertThat(labour.get("/api/cases/" + id + "/history").status()).isEqualTo(403);

        // the department that has it now acts as before
        assertThat(streetOffice
                        .post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", "已修复", null))
                        .text("current_step"))
                .isEqualTo("VERIFY");
    }

    @Test
    void aDepartmentCannotActWhileTheCaseWaitsForAnotherRole() {
        String id = worker.post("/api/cases", WorkflowIT.report("窨井盖松动", "C0101", false))
                .text("id");
        command.post("/api/cases/" + id + "/actions", WorkflowIT.action("DISPATCH", null, department("区城市管理局")));
        chengguan.post("/api/cases/" + id + "/actions", WorkflowIT.action("REJECT", "不属本局", null));
        // back at 分派: still its department code on the case, but the step is the command centre's
        Api.Response early = chengguan.post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", null, null));
        assertThat(early.status()).isEqualTo(403);
        assertThat(denials("sa_chengguan", id, "COMPLETE")).isEqualTo(1);
    }

    Map<String, Object> task(String type, String code) {
        return Map.of(
                "title",
                "节前安全检查",
                "content",
                "检查辖区燃气设施",
                "assignee_type",
                type,
                "assignee_code",
                code,
                "urgency",
                2,
                "deadline",
                LocalDateTime.now().plusDays(3).withNano(0).toString());
    }

    /** The MEDIUM finding: a district-wide department read and attached to tasks by area alone. */
    @Test
    void aDepartmentReadsAndAttachesOnlyToItsOwnTasks() {
        String id = command.post("/api/tasks", task("DEPARTMENT", department("区人力资源社会保障局")))
                .text("id");
        assertThat(labour.get("/api/tasks/" + id).status()).isEqualTo(200);

        Api.Response read = chengguan.get("/api/tasks/" + id);
        assertThat(read.status()).as(read.raw()).isEqualTo(403);
        assertThat(denials("sa_chengguan", id, "TASK_VIEW")).isEqualTo(1);
        Api.Response attach = api.upload(
                chengguan.token(),
                "/api/tasks/" + id + "/attachments",
                "x.txt",
                "text/plain",
                "不是我的任务".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(attach.status()).as(attach.raw()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachment WHERE owner_id = ?", Integer.class, id))
                .isZero();
        // a grid worker in the district is no supervisor of it either; the issuer and the assignee are
        assertThat(worker.get("/api/tasks/" + id).status()).isEqualTo(403);
        assertThat(command.get("/api/tasks/" + id).status()).isEqualTo(200);
    }
}

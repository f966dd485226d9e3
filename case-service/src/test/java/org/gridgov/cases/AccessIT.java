package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Data scope, lockout, token expiry and the audit trail of refusals. */
class AccessIT extends ServiceIT {

    static final String GRID_A = "37011200100101";
    static final String GRID_B = "37011200200101";

    Api.Session workerA;
    Api.Session workerB;
    Api.Session streetB;
    Api.Session command;

    @BeforeEach
    void users() {
        user("ac_worker_a", Role.GRID_WORKER, GRID_A, null);
        user("ac_worker_b", Role.GRID_WORKER, GRID_B, null);
        user("ac_center_b", Role.GRID_CENTER, "370112002", null);
        user("ac_command", Role.COMMAND_CENTER, "370112", null);
        user("ac_labour", Role.DEPARTMENT, "370112", "区人力资源社会保障局");
        workerA = login("ac_worker_a");
        workerB = login("ac_worker_b");
        streetB = login("ac_center_b");
        command = login("ac_command");
    }

    String reportInA(String text) {
        Api.Response r = workerA.post("/api/cases", WorkflowIT.report(text, "C0101", false));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    int denials(String username, String target) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE username = ? AND outcome = 'DENIED'" + " AND target_id = ?",
                Integer.class,
                username,
                target);
    }

    @Test
    void aCaseOutsideTheUsersAreaCanNeitherBeReadNorChanged() {
        String id = reportInA("楼顶漏水");
        Api.Response read = workerB.get("/api/cases/" + id);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.text("error")).contains(GRID_A);
        assertThat(streetB.get("/api/cases/" + id + "/history").status()).isEqualTo(403);
        Api.Response write = streetB.post("/api/cases/" + id + "/actions", WorkflowIT.action("SUPERVISE", null, null));
        assertThat(write.status()).isEqualTo(403);
        assertThat(denials("ac_worker_b", id)).isEqualTo(1);
        assertThat(denials("ac_center_b", id)).isEqualTo(2);
        var row = jdbc.queryForMap(
                "SELECT action, remote_addr, detail FROM audit_log WHERE username = 'ac_center_b'"
                        + " AND target_id = ? AND action = 'SUPERVISE'",
                id);
        assertThat(row.get("remote_addr")).isEqualTo("127.0.0.1");
        assertThat((String) row.get("detail")).contains("不在辖区");
        assertThat(jdbc.queryForObject("SELECT supervised_count FROM case_record WHERE id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void listsAndSearchStayInsideTheArea() {
        String id = reportInA("共享单车乱停放占道");
        assertThat(workerA.get("/api/cases?q=共享单车").body().findValuesAsText("id"))
                .contains(id);
        assertThat(workerB.get("/api/cases?q=共享单车").body().findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(workerB.get("/api/cases?q=共享单车&area=" + GRID_A).body().findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(command.get("/api/cases?q=共享单车").body().findValuesAsText("id"))
                .contains(id);
        assertThat(command.get("/api/cases/todo").body().findValuesAsText("id")).contains(id);
        assertThat(streetB.get("/api/cases/todo").body().findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void aGridWorkerCannotReportIntoAnotherGrid() {
        Map<String, Object> body = WorkflowIT.report("占道经营", "C0101", false);
        body.put("grid_code", GRID_B);
        assertThat(workerA.post("/api/cases", body).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE username = 'ac_worker_a'"
                                + " AND action = 'REPORT' AND outcome = 'DENIED' AND target_id = ?",
                        Integer.class,
                        GRID_B))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aDepartmentSeesOnlyCasesDispatchedToIt() {
        String id = reportInA("物业不作为");
        Api.Session labour = login("ac_labour");
        assertThat(labour.get("/api/cases/" + id).status()).isEqualTo(403);
        command.post(
                "/api/cases/" + id + "/actions",
                WorkflowIT.action(
                        "DISPATCH",
                        null,
                        jdbc.queryForObject("SELECT code FROM department WHERE name = '区人力资源社会保障局'", String.class)));
        assertThat(labour.get("/api/cases/" + id).status()).isEqualTo(200);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountUntilTheLockoutEnds() {
        user("ac_lock", Role.GRID_WORKER, GRID_A, null);
        for (int i = 1; i <= 4; i++) {
            assertThat(api.send("POST", "/api/auth/token", null, Map.of("username", "ac_lock", "password", "wrong"))
                            .status())
                    .isEqualTo(401);
        }
        Api.Response fifth =
                api.send("POST", "/api/auth/token", null, Map.of("username", "ac_lock", "password", "wrong"));
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.text("error")).contains("锁定");
        Api.Response rightButLocked =
                api.send("POST", "/api/auth/token", null, Map.of("username", "ac_lock", "password", PASSWORD));
        assertThat(rightButLocked.status()).isEqualTo(401);
        assertThat(rightButLocked.text("error")).contains("锁定");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE username = 'ac_lock'" + " AND action = 'LOCKOUT'",
                        Integer.class))
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(16));
        assertThat(api.send("POST", "/api/auth/token", null, Map.of("username", "ac_lock", "password", PASSWORD))
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT failed_attempts FROM app_user WHERE username = 'ac_lock'", Integer.class))
                .isZero();
    }

    @Test
    void unknownUsersAndBadTokensAreRefused() {
        assertThat(api.send("POST", "/api/auth/token", null, Map.of("username", "nobody", "password", "x"))
                        .status())
                .isEqualTo(401);
        assertThat(api.send("GET", "/api/cases/todo", null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/cases/todo", "not-a-token", null).status())
                .isEqualTo(401);
    }

    @Test
    void tokensExpire() {
        Api.Session s = login("ac_worker_a");
        assertThat(s.get("/api/auth/me").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(9));
        assertThat(s.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void onlyAdministratorsChangeTheWorkflowConfiguration() {
        Api.Response r = command.put(
                "/api/admin/category-policies/C0105", Map.of("workflow_code", "STANDARD", "time_limit_hours", 24));
        assertThat(r.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE username = 'ac_command'"
                                + " AND action = 'CONFIG_POLICY' AND outcome = 'DENIED'",
                        Integer.class))
                .isGreaterThanOrEqualTo(1);
    }
}

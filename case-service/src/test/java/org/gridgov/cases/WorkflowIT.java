package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of the standard and dispute workflows, through the API as each role. */
class WorkflowIT extends ServiceIT {

    static final String GRID = "37011200100101";

    Api.Session worker;
    Api.Session command;
    Api.Session chengguan;
    Api.Session gridCenter;
    Api.Session leader;

    @BeforeEach
    void users() {
        user("wf_worker", Role.GRID_WORKER, GRID, null);
        user("wf_command", Role.COMMAND_CENTER, "370112", null);
        user("wf_chengguan", Role.DEPARTMENT, "370112", "区城市管理局");
        user("wf_gridcenter", Role.GRID_CENTER, "370112001", null);
        user("wf_leader", Role.LEADER, "370112", null);
        worker = login("wf_worker");
        command = login("wf_command");
        chengguan = login("wf_chengguan");
        gridCenter = login("wf_gridcenter");
        leader = login("wf_leader");
    }

    static Map<String, Object> report(String description, String category, boolean selfHandled) {
        Map<String, Object> m = new HashMap<>();
        m.put("description", description);
        m.put("channel", "GRID_PATROL");
        m.put("category_code", category);
        m.put("grid_code", GRID);
        m.put("urgency", 2);
        m.put("reporter_name", "张三");
        m.put("reporter_phone", "13912345678");
        m.put("self_handled", selfHandled);
        return m;
    }

    static Map<String, Object> action(String action, String note, String department) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", action);
        m.put("note", note);
        m.put("department_code", department);
        return m;
    }

    String departmentCode(String name) {
        return jdbc.queryForObject("SELECT code FROM department WHERE name = ?", String.class, name);
    }

    List<String> events(String caseId) {
        List<String> types = new ArrayList<>();
        for (String payload : jdbc.queryForList(
                "SELECT payload FROM outbox_event WHERE msg_key = ? ORDER BY id", String.class, caseId)) {
            try {
                types.add(Api.JSON.readTree(payload).get("type").asText());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return types;
    }

    @Test
    void reportDispatchHandleVerifyReviewClose() {
        Api.Response created = worker.post("/api/cases", report("小区供暖温度不达标，室内只有十四度", "C0101", false));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("current_step")).isEqualTo("DISPATCH");
        assertThat(created.text("reporter_phone")).isEqualTo("139****5678");
        assertThat(jdbc.queryForObject("SELECT reporter_phone FROM case_record WHERE id = ?", String.class, id))
                .isEqualTo("13912345678");

        String cg = departmentCode("区城市管理局");
        Api.Response dispatched = command.post("/api/cases/" + id + "/actions", action("DISPATCH", null, cg));
        assertThat(dispatched.status()).as(dispatched.raw()).isEqualTo(200);
        assertThat(dispatched.text("current_step")).isEqualTo("HANDLE");
        assertThat(dispatched.text("department_code")).isEqualTo(cg);
        assertThat(chengguan.get("/api/cases/todo").body().findValuesAsText("id"))
                .contains(id);

        assertThat(chengguan
                        .post("/api/cases/" + id + "/actions", action("COMPLETE", "已协调热力公司提温", null))
                        .text("current_step"))
                .isEqualTo("VERIFY");
        assertThat(worker.post("/api/cases/" + id + "/actions", action("COMPLETE", "回访确认室温 20 度", null))
                        .text("current_step"))
                .isEqualTo("REVIEW");
        Api.Response closed = gridCenter.post("/api/cases/" + id + "/actions", action("COMPLETE", "同意结案", null));
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(closed.text("current_step")).isEqualTo("CLOSED");

        JsonNode history = worker.get("/api/cases/" + id + "/history").body();
        assertThat(history.findValuesAsText("action"))
                .containsExactly("REPORT", "DISPATCH", "COMPLETE", "COMPLETE", "COMPLETE");
        assertThat(history.findValuesAsText("actor"))
                .containsExactly("wf_worker", "wf_command", "wf_chengguan", "wf_worker", "wf_gridcenter");
        assertThat(events(id)).containsExactly("CREATED", "ASSIGNED", "PROCESSED", "REVIEWED", "APPROVED", "CLOSED");
        assertThat(worker.get("/api/cases/done").body().findValuesAsText("id")).contains(id);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND outcome = 'OK'", Integer.class, id))
                .isEqualTo(5);

        Api.Response again = worker.post("/api/cases/" + id + "/actions", action("COMPLETE", null, null));
        assertThat(again.status()).isEqualTo(409);
    }

    /**
     * Issue 16's done-when, from the case service's side: a case walked through every step with one 督办 and one 驳回,
     * the clock moved between steps, publishes case.events that fold (as the ODS loader's CaseEventsToRows folds them)
     * into a dwd_case row with the minutes each step took. OdsLoaderJobIT carries the same events through Kafka,
     * Flink and MariaDB.
     */
    @Test
    void aWalkedCaseFoldsIntoItsDwdCaseRowWithEachStepsMinutes() {
        String id = worker.post("/api/cases", report("井盖松动，车辆经过有响声", "C0101", false))
                .text("id");
        String cg = departmentCode("区城市管理局");
        step(30, "wf_command", id, action("DISPATCH", null, cg));
        step(120, "wf_leader", id, action("SUPERVISE", "尽快处理", null));
        step(180, "wf_chengguan", id, action("COMPLETE", "已加固", null));
        step(60, "wf_worker", id, action("COMPLETE", "现场复核", null));
        step(90, "wf_gridcenter", id, action("REJECT", "仍有响声", null));
        step(240, "wf_chengguan", id, action("COMPLETE", "更换井盖", null));
        step(30, "wf_worker", id, action("COMPLETE", null, null));
        step(45, "wf_gridcenter", id, action("COMPLETE", "同意结案", null));

        List<org.gridgov.common.model.CaseEvent> published = new ArrayList<>();
        for (String payload :
                jdbc.queryForList("SELECT payload FROM outbox_event WHERE msg_key = ? ORDER BY id", String.class, id)) {
            published.add(org.gridgov.common.validation.EventDecoder.caseEvent(payload)
                    .value());
        }
        org.gridgov.warehouse.TableRow row = new org.gridgov.loading.cases.CaseEventRows(
                        org.gridgov.common.district.District.licheng())
                .dwdCase(published)
                .orElseThrow();
        org.gridgov.warehouse.Table dwd = org.gridgov.warehouse.CaseTables.DWD_CASE;
        assertThat(row.value(dwd, "dispatch_minutes")).isEqualTo("30");
        assertThat(row.value(dwd, "handle_minutes")).isEqualTo(String.valueOf(120 + 180 + 240));
        assertThat(row.value(dwd, "verify_minutes")).isEqualTo(String.valueOf(60 + 30));
        assertThat(row.value(dwd, "review_minutes")).isEqualTo(String.valueOf(90 + 45));
        assertThat(row.value(dwd, "total_minutes")).isEqualTo("795");
        assertThat(row.value(dwd, "rejected_cnt")).isEqualTo("1");
        assertThat(row.value(dwd, "supervised_cnt")).isEqualTo("1");
        assertThat(row.value(dwd, "status")).isEqualTo("CLOSED");
        assertThat(row.value(dwd, "department_code")).isEqualTo(cg);
        assertThat(row.value(dwd, "grid_code")).isEqualTo(GRID);
        assertThat(row.value(dwd, "category_code")).isEqualTo("C0101");
        assertThat(row.value(dwd, "channel")).isEqualTo("GRID_PATROL");
        assertThat(row.value(dwd, "is_overdue")).isEqualTo("0");
    }

    /** Moves the clock, then acts as {@code username}, signed in anew (a token expires by the service's clock). */
    private void step(int minutesLater, String username, String id, Map<String, Object> action) {
        clock.advance(java.time.Duration.ofMinutes(minutesLater));
        Api.Response r = login(username).post("/api/cases/" + id + "/actions", action);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    @Test
    void selfHandledCaseSkipsDispatchAndGoesStraightToReview() {
        String id = worker.post("/api/cases", report("楼道堆放杂物，已现场督促清理", "C0201", true))
                .text("id");
        assertThat(worker.get("/api/cases/" + id).text("current_step")).isEqualTo("REVIEW");
        Api.Response closed = gridCenter.post("/api/cases/" + id + "/actions", action("COMPLETE", null, null));
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(worker.get("/api/cases/" + id + "/history").body().findValuesAsText("action"))
                .containsExactly("SELF_HANDLE", "COMPLETE");
        assertThat(events(id)).containsExactly("CREATED", "APPROVED", "CLOSED");
    }

    @Test
    void reviewRejectionReturnsToTheDepartmentWithItsReason() {
        String id =
                worker.post("/api/cases", report("路灯不亮已经一周了", "C0101", false)).text("id");
        command.post("/api/cases/" + id + "/actions", action("DISPATCH", null, departmentCode("区城市管理局")));
        chengguan.post("/api/cases/" + id + "/actions", action("COMPLETE", "已维修", null));
        worker.post("/api/cases/" + id + "/actions", action("COMPLETE", null, null));

        Api.Response noReason = gridCenter.post("/api/cases/" + id + "/actions", action("REJECT", " ", null));
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response rejected = gridCenter.post("/api/cases/" + id + "/actions", action("REJECT", "现场核实路灯仍不亮", null));
        assertThat(rejected.text("current_step")).isEqualTo("HANDLE");
        assertThat(rejected.text("status")).isEqualTo("OPEN");
        assertThat(chengguan.get("/api/notifications").get("unread").findValuesAsText("message"))
                .anyMatch(m -> m.contains("现场核实路灯仍不亮"));

        chengguan.post("/api/cases/" + id + "/actions", action("COMPLETE", "更换灯具", null));
        worker.post("/api/cases/" + id + "/actions", action("COMPLETE", null, null));
        assertThat(gridCenter
                        .post("/api/cases/" + id + "/actions", action("COMPLETE", null, null))
                        .text("status"))
                .isEqualTo("CLOSED");
        assertThat(events(id))
                .containsExactly(
                        "CREATED",
                        "ASSIGNED",
                        "PROCESSED",
                        "REVIEWED",
                        "REJECTED",
                        "PROCESSED",
                        "REVIEWED",
                        "APPROVED",
                        "CLOSED");
        JsonNode history = worker.get("/api/cases/" + id + "/history").body();
        assertThat(history.findValuesAsText("note")).contains("现场核实路灯仍不亮");
    }

    @Test
    void rejectedSelfHandledCaseGoesToDispatch() {
        String id =
                worker.post("/api/cases", report("邻里噪音纠纷已调解", "C0201", true)).text("id");
        Api.Response rejected = gridCenter.post("/api/cases/" + id + "/actions", action("REJECT", "需要部门介入", null));
        assertThat(rejected.text("current_step")).isEqualTo("DISPATCH");
        assertThat(rejected.get("self_handled").asBoolean()).isFalse();
    }

    @Test
    void convertToDisputeFollowsTheDisputeWorkflow() {
        String id = worker.post("/api/cases", report("两户因宅基地边界发生争执", "C0101", false))
                .text("id");
        Api.Response converted =
                command.post("/api/cases/" + id + "/actions", action("CONVERT_TO_DISPUTE", "属邻里矛盾纠纷", null));
        assertThat(converted.status()).as(converted.raw()).isEqualTo(200);
        assertThat(converted.text("workflow_code")).isEqualTo("DISPUTE");
        assertThat(converted.text("current_step")).isEqualTo("MEDIATE");
        assertThat(converted.get("dispute").asBoolean()).isTrue();
        assertThat(command.post("/api/cases/" + id + "/actions", action("CONVERT_TO_DISPUTE", null, null))
                        .status())
                .isEqualTo(409);

        gridCenter.post("/api/cases/" + id + "/actions", action("COMPLETE", "调解达成协议", null));
        worker.post("/api/cases/" + id + "/actions", action("COMPLETE", "回访双方满意", null));
        assertThat(command.post("/api/cases/" + id + "/actions", action("COMPLETE", null, null))
                        .text("status"))
                .isEqualTo("CLOSED");
        assertThat(events(id))
                .containsExactly("CREATED", "CONVERTED_TO_DISPUTE", "PROCESSED", "REVIEWED", "APPROVED", "CLOSED");
    }

    @Test
    void dispatchFollowsTheRulesAndRecordsOverridesWithTheirReason() {
        String id = worker.post("/api/cases", report("公司拖欠农民工工资三个月", "C0401", false))
                .text("id");
        JsonNode suggestion = command.get("/api/cases/" + id + "/dispatch").get("suggestion");
        assertThat(suggestion.get("department_name").asText()).isEqualTo("区人力资源社会保障局");
        assertThat(suggestion.get("reason").asText()).contains("C0401");

        Api.Response overridden =
                command.post("/api/cases/" + id + "/actions", action("DISPATCH", "涉及市场主体", departmentCode("区市场监督管理局")));
        assertThat(overridden.text("department_code")).isEqualTo(departmentCode("区市场监督管理局"));
        JsonNode decision =
                command.get("/api/cases/" + id + "/dispatch").get("decisions").get(0);
        assertThat(decision.get("suggested").asBoolean()).isFalse();
        assertThat(decision.get("reason").asText()).contains("改派", "涉及市场主体", "区人力资源社会保障局");

        String id2 = worker.post("/api/cases", report("公司拖欠工资", "C0401", false)).text("id");
        command.post("/api/cases/" + id2 + "/actions", action("DISPATCH", null, null));
        JsonNode d2 =
                command.get("/api/cases/" + id2 + "/dispatch").get("decisions").get(0);
        assertThat(d2.get("suggested").asBoolean()).isTrue();
        assertThat(d2.get("department_name").asText()).isEqualTo("区人力资源社会保障局");
    }

    @Test
    void equalRulesAreSplitByWorkload() {
        // C01 cases in 山大路街道 may go to the district bureau or the street office: the one with fewer open cases wins
        String cg = departmentCode("区城市管理局");
        String office = departmentCode("山大路街道办事处");
        String id = worker.post("/api/cases", report("供水管道漏水", "C0102", false)).text("id");
        JsonNode s = command.get("/api/cases/" + id + "/dispatch").get("suggestion");
        int open = jdbc.queryForObject(
                "SELECT COUNT(*) FROM case_record WHERE pending_role = 'DEPARTMENT'" + " AND department_code = ?",
                Integer.class,
                s.get("department_code").asText());
        for (JsonNode c : s.get("candidates")) {
            assertThat(c.get("open_cases").asInt()).isGreaterThanOrEqualTo(open);
        }
        assertThat(s.get("candidates").findValuesAsText("department_code")).contains(office);
        assertThat(s.get("reason").asText()).contains("在办量");
        assertThat(cg).isNotBlank();
    }

    @Test
    void supervisionRaisesPriorityAndNotifiesTheDepartment() {
        String id = worker.post("/api/cases", report("道路坑洼积水", "C0101", false)).text("id");
        command.post("/api/cases/" + id + "/actions", action("DISPATCH", null, departmentCode("区城市管理局")));
        int before = chengguan.get("/api/cases/" + id).get("priority").asInt();
        Api.Response supervised = leader.post("/api/cases/" + id + "/actions", action("SUPERVISE", "限三日内办结", null));
        assertThat(supervised.get("priority").asInt()).isEqualTo(before + 1);
        assertThat(supervised.get("supervised_count").asInt()).isEqualTo(1);
        assertThat(events(id)).containsExactly("CREATED", "ASSIGNED", "SUPERVISED");
        String last = jdbc.queryForObject(
                "SELECT payload FROM outbox_event WHERE msg_key = ? ORDER BY id DESC LIMIT 1", String.class, id);
        org.gridgov.common.model.CaseEvent e =
                org.gridgov.common.validation.EventDecoder.caseEvent(last).value();
        assertThat(e.categoryCode()).isEqualTo("C0101");
        assertThat(e.departmentCode()).isEqualTo(departmentCode("区城市管理局"));
        assertThat(e.gridCode()).isNotBlank();
        assertThat(chengguan.get("/api/notifications").get("unread").findValuesAsText("kind"))
                .contains("SUPERVISION");
        assertThat(chengguan
                        .get("/api/cases/todo")
                        .body()
                        .get(0)
                        .get("priority")
                        .asInt())
                .isGreaterThanOrEqualTo(before + 1);
        assertThat(worker.post("/api/cases/" + id + "/actions", action("SUPERVISE", null, null))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theWrongRoleCannotTakeAStepAndIsAudited() {
        String id = worker.post("/api/cases", report("井盖缺失", "C0101", false)).text("id");
        Api.Response denied = worker.post("/api/cases/" + id + "/actions", action("DISPATCH", null, null));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND outcome = 'DENIED'"
                                + " AND username = 'wf_worker'",
                        Integer.class,
                        id))
                .isEqualTo(1);
    }

    @Test
    void aRetriedReportWithTheSameKeyReturnsTheSameCase() {
        var body = report("垃圾清运不及时", "C0201", false);
        java.net.http.HttpRequest req1 = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + "/api/cases"))
                .header("Authorization", "Bearer " + worker.token())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "retry-" + System.nanoTime())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(body)))
                .build();
        Api.Response first = api.sendRaw(req1);
        Api.Response second = api.sendRaw(req1);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(events(first.text("id"))).containsExactly("CREATED");
    }

    @Test
    void categoryIsSuggestedWhenLeftOut() {
        Map<String, Object> body = report("小区暖气片不热，供暖温度太低", null, false);
        Api.Response r = worker.post("/api/cases", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("category_code")).isEqualTo("C0101");
        assertThat(worker.post("/api/cases/suggest", Map.of("description", "拖欠工资不发"))
                        .text("category_code"))
                .startsWith("C04");
    }

    @Test
    void locationIsResolvedFromCoordinatesToTheGridPolygon() {
        var grid = new org.gridgov.common.district.District[] {org.gridgov.common.district.District.licheng()};
        var anchor = grid[0].grid(GRID).orElseThrow().anchor();
        Map<String, Object> body = report("高空抛物", "C0101", false);
        body.remove("grid_code");
        body.put("latitude", anchor.getY());
        body.put("longitude", anchor.getX());
        Api.Response r = worker.post("/api/cases", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.text("grid_code")).isEqualTo(GRID);

        body.put("latitude", 30.0);
        body.put("longitude", 110.0);
        assertThat(worker.post("/api/cases", body).status()).isEqualTo(400);
    }

    static String json(Object o) {
        try {
            return Api.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

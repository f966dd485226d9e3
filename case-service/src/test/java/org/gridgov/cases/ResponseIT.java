package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.cases.security.Role;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.validation.EventDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 part 4, case-service half: response levels at creation, 首次响应 and 回访 with their events, MERGED and
 * UNMERGED on case.events, and the cockpit's live rates — with the attacker's cases: the wrong or former department,
 * a stale version, a closed or merged case, repeats, and 16 first responses at once.
 */
class ResponseIT extends ServiceIT {

    static final String GRID = WorkflowIT.GRID;

    Api.Session worker;
    Api.Session command;
    Api.Session chengguan;
    Api.Session fire;
    Api.Session gridCenter;
    Api.Session leader;
    Api.Session communityLeader;
    Api.Session canlian;
    String cg;
    String cl;

    @BeforeEach
    void users() {
        user("rsp_worker", Role.GRID_WORKER, "370112", null);
        user("rsp_command", Role.COMMAND_CENTER, "370112", null);
        user("rsp_chengguan", Role.DEPARTMENT, "370112", "区城市管理局");
        user("rsp_fire", Role.DEPARTMENT, "370112", "区消防救援大队");
        user("rsp_gridcenter", Role.GRID_CENTER, "370112", null);
        user("rsp_leader", Role.LEADER, "370112", null);
        user("rsp_community_leader", Role.LEADER, "370112001001", null);
        // a department no other test dispatches to, so the cockpit's figures for it are this class's alone
        user("rsp_canlian", Role.DEPARTMENT, "370112", "区残疾人联合会");
        canlian = login("rsp_canlian");
        cl = jdbc.queryForObject("SELECT code FROM department WHERE name = '区残疾人联合会'", String.class);
        worker = login("rsp_worker");
        command = login("rsp_command");
        chengguan = login("rsp_chengguan");
        fire = login("rsp_fire");
        gridCenter = login("rsp_gridcenter");
        leader = login("rsp_leader");
        communityLeader = login("rsp_community_leader");
        cg = jdbc.queryForObject("SELECT code FROM department WHERE name = '区城市管理局'", String.class);
    }

    static Map<String, Object> report(String description, String category, int urgency) {
        Map<String, Object> m = new HashMap<>();
        m.put("description", description);
        m.put("channel", "GRID_PATROL");
        m.put("category_code", category);
        m.put("grid_code", GRID);
        m.put("urgency", urgency);
        return m;
    }

    JsonNode reported(String description, String category, int urgency) {
        Api.Response r = worker.post("/api/cases", report(description, category, urgency));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    String dispatchedToChengguan(String description) {
        return dispatchedTo(description, cg);
    }

    String dispatchedTo(String description, String department) {
        String id = reported(description, "C0101", 1).get("id").asText();
        Api.Response d =
                command.post("/api/cases/" + id + "/actions", WorkflowIT.action("DISPATCH", "改派测试", department));
        assertThat(d.status()).as(d.raw()).isEqualTo(200);
        return id;
    }

    int version(String id) {
        return jdbc.queryForObject("SELECT version FROM case_record WHERE id = ?", Integer.class, id);
    }

    static Map<String, Object> response(String note, Integer version) {
        Map<String, Object> m = new HashMap<>();
        m.put("note", note);
        m.put("version", version);
        return m;
    }

    static Map<String, Object> visit(String satisfaction, Integer version) {
        Map<String, Object> m = new HashMap<>();
        m.put("satisfaction", satisfaction);
        m.put("note", "电话回访，诉求人表示问题已解决");
        m.put("version", version);
        return m;
    }

    List<CaseEvent> events(String caseId) {
        List<CaseEvent> out = new ArrayList<>();
        for (String payload : jdbc.queryForList(
                "SELECT payload FROM outbox_event WHERE msg_key = ? ORDER BY id", String.class, caseId)) {
            out.add(EventDecoder.caseEvent(payload).value());
        }
        return out;
    }

    List<CaseEvent> events(String caseId, CaseEventType type) {
        return events(caseId).stream().filter(e -> e.type() == type).toList();
    }

    int audits(String id, String action, String outcome) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND action = ? AND outcome = ?",
                Integer.class,
                id,
                action,
                outcome);
    }

    // ---------------------------------------------------------------- levels at creation

    @Test
    void eachReportGetsItsLevelAndBothDeadlinesAndEveryEventCarriesThem() {
        JsonNode safety = reported("小区楼道堆放杂物堵塞消防通道", "C0901", 1);
        LocalDateTime created = LocalDateTime.parse(safety.get("created_at").asText());
        assertThat(safety.get("response_level").asText()).isEqualTo("L1");
        assertThat(LocalDateTime.parse(safety.get("response_due_at").asText())).isEqualTo(created.plusHours(2));
        assertThat(LocalDateTime.parse(safety.get("due_at").asText()))
                .as("L1 resolves in 24 h, not C09's 48 h")
                .isEqualTo(created.plusHours(24));
        // the dispatch step may not outlast the 2 h response
        assertThat(LocalDateTime.parse(safety.get("step_due_at").asText())).isEqualTo(created.plusHours(2));

        JsonNode power = reported("整栋楼停电一天了还没来电", "C0120", 1);
        assertThat(power.get("response_level").asText()).isEqualTo("L2");
        assertThat(LocalDateTime.parse(power.get("due_at").asText()))
                .isEqualTo(LocalDateTime.parse(power.get("created_at").asText()).plusHours(72));

        JsonNode noise = reported("楼下烧烤店油烟和噪音扰民", "C0201", 1);
        LocalDateTime nc = LocalDateTime.parse(noise.get("created_at").asText());
        assertThat(noise.get("response_level").asText()).isEqualTo("L3");
        assertThat(LocalDateTime.parse(noise.get("response_due_at").asText())).isEqualTo(nc.plusHours(48));
        assertThat(LocalDateTime.parse(noise.get("due_at").asText()))
                .as("category's 5 days stay")
                .isEqualTo(nc.plusHours(120));
        JsonNode urgentNoise = reported("楼下工地夜间施工噪音，特急", "C0201", 3);
        assertThat(urgentNoise.get("response_level").asText())
                .as("特急 lifts to L1")
                .isEqualTo("L1");
        JsonNode housing = reported("申请公租房迟迟没有结果", "C0107", 1);
        assertThat(housing.get("response_level").asText()).isEqualTo("L4");
        assertThat(LocalDateTime.parse(housing.get("due_at").asText()))
                .isEqualTo(
                        LocalDateTime.parse(housing.get("created_at").asText()).plusHours(240));

        String id = safety.get("id").asText();
        List<CaseEvent> created1 = events(id, CaseEventType.CREATED);
        assertThat(created1).hasSize(1);
        assertThat(created1.get(0).responseLevel()).isEqualTo("L1");
        // events carry times to the second
        assertThat(created1.get(0).responseDeadline().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(created.plusHours(2).truncatedTo(ChronoUnit.SECONDS));
        assertThat(created1.get(0).deadline().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(created.plusHours(24).truncatedTo(ChronoUnit.SECONDS));
        Api.Response d = command.post("/api/cases/" + id + "/actions", WorkflowIT.action("DISPATCH", null, null));
        assertThat(d.status()).as(d.raw()).isEqualTo(200);
        assertThat(events(id, CaseEventType.ASSIGNED))
                .singleElement()
                .satisfies(e -> assertThat(e.responseLevel()).isEqualTo("L1"))
                .satisfies(e -> assertThat(e.responseDeadline().truncatedTo(ChronoUnit.SECONDS))
                        .isEqualTo(created.plusHours(2).truncatedTo(ChronoUnit.SECONDS)));
    }

    // ---------------------------------------------------------------- 首次响应

    @Test
    void theDepartmentHoldingTheCaseRespondsOnceAndTheEventIsPublished() {
        String id = dispatchedToChengguan("小区暖气不热，室温只有十二度");
        // bad input first: 400 with the field
        Api.Response noNote = chengguan.post("/api/cases/" + id + "/response", response(" ", version(id)));
        assertThat(noNote.status()).as(noNote.raw()).isEqualTo(400);
        assertThat(noNote.raw()).contains("note");
        Api.Response noVersion = chengguan.post("/api/cases/" + id + "/response", response("已联系", null));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.raw()).contains("version");
        // stale version: 409, nothing recorded
        Api.Response stale = chengguan.post("/api/cases/" + id + "/response", response("已联系", version(id) - 1));
        assertThat(stale.status()).as(stale.raw()).isEqualTo(409);
        assertThat(stale.raw()).contains("刷新");
        // not the department: another department (403, audited), the worker, the command centre
        Api.Response other = fire.post("/api/cases/" + id + "/response", response("已联系", version(id)));
        assertThat(other.status()).as(other.raw()).isEqualTo(403);
        assertThat(worker.post("/api/cases/" + id + "/response", response("已联系", version(id)))
                        .status())
                .isEqualTo(403);
        Api.Response cmd = command.post("/api/cases/" + id + "/response", response("已联系", version(id)));
        assertThat(cmd.status()).isEqualTo(403);
        assertThat(cmd.raw()).contains("承办部门");
        assertThat(audits(id, "RESPOND", "DENIED")).isEqualTo(3);
        assertThat(events(id, CaseEventType.RESPONDED)).isEmpty();

        Api.Response ok = chengguan.post(
                "/api/cases/" + id + "/response", response("已电话联系诉求人王女士（13912345678），明天上午上门检修", version(id)));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.text("responded_at")).isNotNull();
        List<CaseEvent> responded = events(id, CaseEventType.RESPONDED);
        assertThat(responded).hasSize(1);
        CaseEvent e = responded.get(0);
        assertThat(e.responseLevel()).isEqualTo("L2");
        assertThat(e.responseDeadline()).isNotNull();
        assertThat(e.departmentCode()).isEqualTo(cg);
        assertThat(e.actor()).isEqualTo("rsp_chengguan");
        assertThat(e.note()).as("the phone never reaches the topic").doesNotContain("13912345678");
        assertThat(audits(id, "RESPOND", "OK")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM case_step WHERE case_id = ? AND action = 'RESPOND'", Integer.class, id))
                .isEqualTo(1);

        // again, with the current version: 409 naming the first response, no second event
        Api.Response again = chengguan.post("/api/cases/" + id + "/response", response("再次联系", version(id)));
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.raw()).contains("已于").contains("rsp_chengguan");
        assertThat(events(id, CaseEventType.RESPONDED)).hasSize(1);
    }

    @Test
    void aDepartmentTheCaseMovedAwayFromIsRefusedAndAudited() {
        String id = dispatchedToChengguan("小区暖气漏水，楼道结冰");
        // 改分类 to 消防安全: the rules give the case to the fire brigade
        Map<String, Object> change = new HashMap<>();
        change.put("category_code", "C0901");
        change.put("version", version(id));
        change.put("note", "漏水处结冰影响疏散通道");
        Api.Response moved = command.post("/api/cases/" + id + "/category", change);
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.text("department_code")).isNotEqualTo(cg);
        assertThat(moved.text("response_level")).as("the new category's level").isEqualTo("L1");

        Api.Response former = chengguan.post("/api/cases/" + id + "/response", response("已联系", version(id)));
        assertThat(former.status()).as(former.raw()).isEqualTo(403);
        assertThat(former.raw()).contains("未分派给本部门");
        assertThat(audits(id, "RESPOND", "DENIED")).isEqualTo(1);
        Api.Response now = fire.post("/api/cases/" + id + "/response", response("已派员到场", version(id)));
        assertThat(now.status()).as(now.raw()).isEqualTo(200);
    }

    @Test
    void sixteenParallelFirstResponsesGiveExactlyOneEvent() throws Exception {
        String id = dispatchedToChengguan("小区供暖管道爆裂，热水外流");
        int v = version(id);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            calls.add(() -> chengguan
                    .post("/api/cases/" + id + "/response", response("联系 " + n, v))
                    .status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        assertThat(events(id, CaseEventType.RESPONDED)).hasSize(1);
        assertThat(audits(id, "RESPOND", "OK")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM case_step WHERE case_id = ? AND action = 'RESPOND'", Integer.class, id))
                .isEqualTo(1);
    }

    // ---------------------------------------------------------------- 回访, closed cases, merges

    @Test
    void returnVisitOnlyAfterClosureOnceByTheCommandCentre() {
        String id = dispatchedToChengguan("楼道暖气片不热");
        Api.Response early = command.post("/api/cases/" + id + "/return-visit", visit("SATISFIED", version(id)));
        assertThat(early.status()).as(early.raw()).isEqualTo(409);
        assertThat(early.raw()).contains("结案");

        assertThat(chengguan
                        .post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", "已修复", null))
                        .status())
                .isEqualTo(200);
        assertThat(worker.post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", "已复核", null))
                        .status())
                .isEqualTo(200);
        Api.Response closed =
                gridCenter.post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", "同意结案", null));
        assertThat(closed.text("status")).isEqualTo("CLOSED");

        // a closed case takes no first response
        Api.Response lateResponse = chengguan.post("/api/cases/" + id + "/response", response("补记", version(id)));
        assertThat(lateResponse.status()).as(lateResponse.raw()).isEqualTo(409);
        assertThat(lateResponse.raw()).contains("已结案");

        Api.Response bad = command.post("/api/cases/" + id + "/return-visit", visit("VERY_HAPPY", version(id)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("satisfaction");
        Api.Response byDepartment =
                chengguan.post("/api/cases/" + id + "/return-visit", visit("SATISFIED", version(id)));
        assertThat(byDepartment.status()).isEqualTo(403);
        assertThat(audits(id, "RETURN_VISIT", "DENIED")).isEqualTo(1);
        assertThat(command.post("/api/cases/" + id + "/return-visit", visit("SATISFIED", version(id) + 1))
                        .status())
                .isEqualTo(409);

        Api.Response ok = command.post("/api/cases/" + id + "/return-visit", visit("BASICALLY_SATISFIED", version(id)));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.text("satisfaction")).isEqualTo("BASICALLY_SATISFIED");
        assertThat(events(id, CaseEventType.RETURN_VISITED))
                .singleElement()
                .satisfies(e -> assertThat(e.satisfaction()).isEqualTo("BASICALLY_SATISFIED"))
                .satisfies(e -> assertThat(e.responseLevel()).isEqualTo("L2"));
        Api.Response twice = command.post("/api/cases/" + id + "/return-visit", visit("DISSATISFIED", version(id)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.raw()).contains("基本满意");
        assertThat(events(id, CaseEventType.RETURN_VISITED)).hasSize(1);
    }

    @Test
    void mergesPublishMergedWithTheMasterAndUnmergedAndAMergedCaseIsNotResponded() {
        String master = reported("小区东门路灯不亮", "C0118", 1).get("id").asText();
        String dup = reported("东门那边路灯坏了不亮", "C0118", 1).get("id").asText();
        Api.Response merged = command.post("/api/cases/" + dup + "/merge", Map.of("master_case_id", master));
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        assertThat(events(dup, CaseEventType.MERGED))
                .singleElement()
                .satisfies(e -> assertThat(e.masterCaseId()).isEqualTo(master))
                .satisfies(e -> assertThat(e.responseLevel()).isEqualTo("L3"));
        // a merged case is handled through its master: no first response, no 回访
        jdbc.update("UPDATE case_record SET department_code = ? WHERE id = ?", cg, dup);
        Api.Response respond = chengguan.post("/api/cases/" + dup + "/response", response("已联系", version(dup)));
        assertThat(respond.status()).as(respond.raw()).isEqualTo(409);
        assertThat(respond.raw()).contains("重复件");
        jdbc.update("UPDATE case_record SET department_code = NULL WHERE id = ?", dup);

        Api.Response undone = command.post("/api/cases/" + dup + "/unmerge", Map.of());
        assertThat(undone.status()).as(undone.raw()).isEqualTo(200);
        assertThat(events(dup, CaseEventType.UNMERGED))
                .singleElement()
                .satisfies(e -> assertThat(e.masterCaseId()).isNull())
                .satisfies(e -> assertThat(e.note()).contains(master));
        assertThat(events(dup).stream().map(CaseEvent::eventId).distinct())
                .hasSize(events(dup).size());
    }

    // ---------------------------------------------------------------- the cockpit's live rates

    JsonNode departmentRow(Api.Session who, String code) {
        Api.Response r = who.get("/api/cockpit/response-rates");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode row : r.body().get("departments")) {
            if (code.equals(row.get("department_code").asText(null))) {
                return row;
            }
        }
        return null;
    }

    long count(JsonNode row, String field) {
        return row == null ? 0 : row.get(field).asLong();
    }

    @Test
    void cockpitRatesCountResponsesInTimeLateOnesAndSatisfaction() {
        JsonNode before = departmentRow(leader, cl);
        // one responded in time, one never responded and now past its 24 h, one merged away (not counted)
        String inTime = dispatchedTo("暖气管道有异响", cl);
        assertThat(canlian.post("/api/cases/" + inTime + "/response", response("已联系", version(inTime)))
                        .status())
                .isEqualTo(200);
        String late = dispatchedTo("暖气温度不达标", cl);
        String dup = reported("暖气温度不够，家里很冷", "C0101", 1).get("id").asText();
        assertThat(command.post("/api/cases/" + dup + "/merge", Map.of("master_case_id", late))
                        .status())
                .isEqualTo(200);
        JsonNode during = departmentRow(leader, cl);
        assertThat(count(during, "cases") - count(before, "cases")).isEqualTo(2);
        assertThat(count(during, "responded_in_time") - count(before, "responded_in_time"))
                .isEqualTo(1);
        assertThat(count(during, "response_due") - count(before, "response_due"))
                .as("late one not yet due")
                .isEqualTo(1);

        clock.advance(Duration.ofHours(25));
        // 8 h tokens: sign in again a day later
        leader = login("rsp_leader");
        canlian = login("rsp_canlian");
        worker = login("rsp_worker");
        gridCenter = login("rsp_gridcenter");
        command = login("rsp_command");
        communityLeader = login("rsp_community_leader");
        JsonNode after = departmentRow(leader, cl);
        assertThat(count(after, "response_due") - count(before, "response_due")).isEqualTo(2);
        assertThat(count(after, "responded_in_time") - count(before, "responded_in_time"))
                .isEqualTo(1);
        assertThat(after.get("response_rate").asDouble())
                .isEqualTo((double) count(after, "responded_in_time") / count(after, "response_due"));

        // 回访 of a closed case of the department: 满意率 counts it
        assertThat(canlian.post("/api/cases/" + inTime + "/actions", WorkflowIT.action("COMPLETE", "已办", null))
                        .status())
                .isEqualTo(200);
        assertThat(worker.post("/api/cases/" + inTime + "/actions", WorkflowIT.action("COMPLETE", "已复核", null))
                        .status())
                .isEqualTo(200);
        assertThat(gridCenter
                        .post("/api/cases/" + inTime + "/actions", WorkflowIT.action("COMPLETE", "结案", null))
                        .status())
                .isEqualTo(200);
        assertThat(command.post("/api/cases/" + inTime + "/return-visit", visit("DISSATISFIED", version(inTime)))
                        .status())
                .isEqualTo(200);
        JsonNode visited = departmentRow(leader, cl);
        assertThat(count(visited, "visited") - count(before, "visited")).isEqualTo(1);
        assertThat(count(visited, "satisfied") - count(before, "satisfied")).isZero();
        assertThat(count(visited, "resolved_in_time") - count(before, "resolved_in_time"))
                .isEqualTo(1);

        // a community-level user gets no figures
        Api.Response refused = communityLeader.get("/api/cockpit/response-rates");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.raw()).contains("街道");
    }
}

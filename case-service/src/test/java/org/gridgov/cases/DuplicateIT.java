package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridgov.cases.security.Role;
import org.gridgov.common.district.District;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * Issue 19, part 1: possible duplicates of a report, merging, the undo, and the attacker's view (who may merge what,
 * self / closed / duplicate targets, cycles, parallel merges). Every refusal is a 4xx with a reason.
 */
class DuplicateIT extends ServiceIT {

    static final String GRID = WorkflowIT.GRID;

    Api.Session workerA;
    Api.Session workerB;
    Api.Session command;
    Api.Session chengguan;
    Api.Session gridCenter;
    Api.Session leader;
    Point anchor;

    @BeforeEach
    void users() {
        user("dup_worker_a", Role.GRID_WORKER, "370112", null);
        user("dup_worker_b", Role.GRID_WORKER, "370112", null);
        user("dup_command", Role.COMMAND_CENTER, "370112", null);
        user("dup_chengguan", Role.DEPARTMENT, "370112", "区城市管理局");
        user("dup_gridcenter", Role.GRID_CENTER, "370112", null);
        user("dup_leader", Role.LEADER, "370112", null);
        workerA = login("dup_worker_a");
        workerB = login("dup_worker_b");
        command = login("dup_command");
        chengguan = login("dup_chengguan");
        gridCenter = login("dup_gridcenter");
        leader = login("dup_leader");
        anchor = District.licheng().grid(GRID).orElseThrow().anchor();
    }

    Map<String, Object> report(String description, String category, double dLat, double dLon) {
        Map<String, Object> m = new HashMap<>();
        m.put("description", description);
        m.put("channel", "GRID_PATROL");
        m.put("category_code", category);
        m.put("latitude", anchor.getY() + dLat);
        m.put("longitude", anchor.getX() + dLon);
        m.put("urgency", 1);
        return m;
    }

    String reported(Api.Session who, Map<String, Object> body) {
        Api.Response r = who.post("/api/cases", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    Api.Response merge(Api.Session who, String dup, String master) {
        return who.post("/api/cases/" + dup + "/merge", Map.of("master_case_id", master));
    }

    String status(String id) {
        return jdbc.queryForObject("SELECT status FROM case_record WHERE id = ?", String.class, id);
    }

    @Test
    void aNearbyOpenCaseThatReadsAlikeIsSuggestedAndOthersAreNot() {
        String master = reported(workerA, report("小区门口井盖破损塌陷，行人容易摔倒", "C0101", 0, 0));
        Map<String, Object> probe = report("门口的井盖坏了塌下去了，有人摔倒", "C0101", 0.0008, 0.0008);
        Api.Response near = workerB.post("/api/cases/similar", probe);
        assertThat(near.status()).as(near.raw()).isEqualTo(200);
        assertThat(near.body().findValuesAsText("case_id")).contains(master);
        String label = near.body().get(0).get("label").asText();
        assertThat(label)
                .startsWith("可能重复: " + master)
                .contains(" m, ")
                .contains("分钟前")
                .contains("相似度 ");

        // same words five kilometres away: another place, another problem
        Map<String, Object> far = report("门口的井盖坏了塌下去了，有人摔倒", "C0101", 0.045, 0);
        assertThat(workerB.post("/api/cases/similar", far).body().findValuesAsText("case_id"))
                .doesNotContain(master);
        // same place, another problem
        Map<String, Object> other = report("楼上邻居深夜装修噪音扰民", "C0201", 0.0008, 0.0008);
        assertThat(workerB.post("/api/cases/similar", other).body().findValuesAsText("case_id"))
                .doesNotContain(master);
        // a stored case finds the other, not itself
        String second = reported(workerB, probe);
        assertThat(command.get("/api/cases/" + second + "/similar").body().findValuesAsText("case_id"))
                .contains(master)
                .doesNotContain(second);
        // bad input: 400 with the field, never a 500
        Map<String, Object> half = new HashMap<>(probe);
        half.remove("longitude");
        Api.Response bad = workerB.post("/api/cases/similar", half);
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        assertThat(bad.raw()).contains("latitude");
        // who may not report may not probe
        assertThat(chengguan.post("/api/cases/similar", probe).status()).isEqualTo(403);
    }

    @Test
    void mergedDuplicateIsNeverDispatchedAndBothReportersHearWhenTheMasterCloses() {
        String master = reported(workerA, report("路灯不亮已经一周了，晚上很黑", "C0101", 0, 0));
        String dup = reported(workerB, report("这边的路灯一直不亮，晚上走路很黑", "C0101", 0.0005, 0));
        Api.Response merged = merge(workerB, dup, master);
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        assertThat(merged.text("master_case_id")).isEqualTo(master);
        assertThat(status(dup)).isEqualTo("DUPLICATE");
        assertThat(command.get("/api/cases/todo?limit=200").body().findValuesAsText("id"))
                .doesNotContain(dup)
                .contains(master);
        Api.Response dispatchDup =
                command.post("/api/cases/" + dup + "/actions", WorkflowIT.action("DISPATCH", null, null));
        assertThat(dispatchDup.status()).as(dispatchDup.raw()).isEqualTo(409);
        assertThat(dispatchDup.raw()).contains("重复件");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND action = 'MERGE'"
                                + " AND outcome = 'OK'",
                        Integer.class,
                        dup))
                .isEqualTo(1);

        String cg = jdbc.queryForObject("SELECT code FROM department WHERE name = '区城市管理局'", String.class);
        assertThat(command.post("/api/cases/" + master + "/actions", WorkflowIT.action("DISPATCH", null, cg))
                        .status())
                .isEqualTo(200);
        assertThat(chengguan
                        .post("/api/cases/" + master + "/actions", WorkflowIT.action("COMPLETE", "已修复", null))
                        .status())
                .isEqualTo(200);
        assertThat(workerA.post("/api/cases/" + master + "/actions", WorkflowIT.action("COMPLETE", "已回访", null))
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM notification WHERE kind = 'MASTER_CLOSED'" + " AND ref_id = ?",
                        Integer.class,
                        master))
                .isZero();
        Api.Response closed =
                gridCenter.post("/api/cases/" + master + "/actions", WorkflowIT.action("COMPLETE", "同意结案", null));
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(jdbc.queryForList(
                        "SELECT username FROM notification WHERE kind = 'MASTER_CLOSED' AND ref_id = ?",
                        String.class,
                        master))
                .containsExactlyInAnyOrder("dup_worker_a", "dup_worker_b");
    }

    @Test
    void whoMayMergeWhatAndInvalidMergesAreRefusedWithReasons() {
        String master = reported(workerA, report("垃圾桶满了没人清运，气味很大", "C0101", 0, 0));
        String dup = reported(workerB, report("垃圾桶垃圾溢出无人清运", "C0101", 0.0003, 0));
        String third = reported(workerB, report("垃圾满溢没有清运", "C0101", 0.0004, 0));

        // another worker's case, a department, a leader: 403 and an audit row
        Api.Response notOwn = merge(workerA, dup, master);
        assertThat(notOwn.status()).as(notOwn.raw()).isEqualTo(403);
        assertThat(notOwn.raw()).contains("本人上报");
        assertThat(merge(chengguan, dup, master).status()).isEqualTo(403);
        assertThat(merge(leader, dup, master).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND action = 'MERGE'"
                                + " AND outcome = 'DENIED'",
                        Integer.class,
                        dup))
                .isEqualTo(3);

        // into itself, without a master, into a case that does not exist
        Api.Response self = merge(command, dup, dup);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.raw()).contains("自己");
        assertThat(command.post("/api/cases/" + dup + "/merge", Map.of()).status())
                .isEqualTo(400);
        assertThat(merge(command, dup, "no-such-case").status()).isEqualTo(404);

        assertThat(merge(command, dup, master).status()).isEqualTo(200);
        // into a duplicate: 409 naming the real master
        Api.Response intoDup = merge(command, third, dup);
        assertThat(intoDup.status()).isEqualTo(409);
        assertThat(intoDup.raw()).contains(master);
        // the cycle: the master into its own duplicate, and a master with duplicates into another case
        assertThat(merge(command, master, dup).status()).isEqualTo(409);
        Api.Response masterAway = merge(command, master, third);
        assertThat(masterAway.status()).isEqualTo(409);
        assertThat(masterAway.raw()).contains("主事件");
        // merged twice
        assertThat(merge(command, dup, third).status()).isEqualTo(409);

        // undo: the command centre only; the case is back where it was
        Api.Response workerUndo = workerB.post("/api/cases/" + dup + "/unmerge", Map.of());
        assertThat(workerUndo.status()).isEqualTo(403);
        assertThat(workerUndo.raw()).contains("指挥中心");
        assertThat(leader.post("/api/cases/" + dup + "/unmerge", Map.of()).status())
                .isEqualTo(403);
        Api.Response undone = command.post("/api/cases/" + dup + "/unmerge", Map.of());
        assertThat(undone.status()).as(undone.raw()).isEqualTo(200);
        assertThat(status(dup)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT pending_role FROM case_record WHERE id = ?", String.class, dup))
                .isEqualTo("COMMAND_CENTER");
        assertThat(command.post("/api/cases/" + dup + "/unmerge", Map.of()).status())
                .isEqualTo(409);

        // into a closed case
        jdbc.update("UPDATE case_record SET status = 'CLOSED', pending_role = NULL WHERE id = ?", third);
        Api.Response intoClosed = merge(command, dup, third);
        assertThat(intoClosed.status()).isEqualTo(409);
        assertThat(intoClosed.raw()).contains("已结案");

        // a worker's own case once dispatched is the command centre's to merge
        String cg = jdbc.queryForObject("SELECT code FROM department WHERE name = '区城市管理局'", String.class);
        assertThat(command.post("/api/cases/" + dup + "/actions", WorkflowIT.action("DISPATCH", null, cg))
                        .status())
                .isEqualTo(200);
        Api.Response late = merge(workerB, dup, master);
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.raw()).contains("已分派");
    }

    @Test
    void sixteenParallelMergesEndInOneMergeAndNoCycle() throws Exception {
        String a = reported(workerA, report("共享单车乱停乱放堵住人行道", "C0101", 0, 0));
        String b = reported(workerB, report("人行道上共享单车乱停堵路", "C0101", 0.0002, 0));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            boolean forward = i % 2 == 0;
            calls.add(() -> merge(command, forward ? a : b, forward ? b : a).status());
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
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM case_merge WHERE duplicate_id IN (?, ?)", Integer.class, a, b))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM case_record WHERE id IN (?, ?) AND status = 'DUPLICATE'",
                        Integer.class,
                        a,
                        b))
                .isEqualTo(1);
    }
}

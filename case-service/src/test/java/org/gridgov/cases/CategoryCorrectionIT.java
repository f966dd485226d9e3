package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 改分类 through the API: who may, what it changes (category, department by the dispatch rules, deadline), what it
 * stores (the training label, the audit line, the history) and each bad request's 4xx with its reason.
 */
class CategoryCorrectionIT extends ServiceIT {

    static final String GRID = WorkflowIT.GRID;

    Api.Session worker;
    Api.Session command;
    Api.Session hr;
    Api.Session education;
    Api.Session leader;

    @BeforeEach
    void users() {
        user("cc_worker", Role.GRID_WORKER, GRID, null);
        user("cc_command", Role.COMMAND_CENTER, "370112", null);
        user("cc_hr", Role.DEPARTMENT, "370112", "区人力资源社会保障局");
        user("cc_edu", Role.DEPARTMENT, "370112", "区教育和体育局");
        user("cc_leader", Role.LEADER, "370112", null);
        worker = login("cc_worker");
        command = login("cc_command");
        hr = login("cc_hr");
        education = login("cc_edu");
        leader = login("cc_leader");
    }

    static Map<String, Object> change(String code, Object version, String note) {
        Map<String, Object> m = new HashMap<>();
        m.put("category_code", code);
        m.put("version", version);
        m.put("note", note);
        return m;
    }

    /** A wage case dispatched to the labour bureau, as the labour bureau sees it. */
    String dispatchedWageCase(String description) {
        Api.Response created = worker.post("/api/cases", WorkflowIT.report(description, "C0401", false));
        String id = created.text("id");
        assertThat(java.time.Duration.between(
                        java.time.LocalDateTime.parse(created.text("created_at")),
                        java.time.LocalDateTime.parse(created.text("due_at"))))
                .isEqualTo(java.time.Duration.ofHours(72));
        Api.Response d = command.post(
                "/api/cases/" + id + "/actions", WorkflowIT.action("DISPATCH", null, departmentCode("区人力资源社会保障局")));
        assertThat(d.status()).as(d.raw()).isEqualTo(200);
        return id;
    }

    String departmentCode(String name) {
        return jdbc.queryForObject("SELECT code FROM department WHERE name = ?", String.class, name);
    }

    int version(Api.Session s, String id) {
        return s.get("/api/cases/" + id).body().get("version").asInt();
    }

    @Test
    void theHoldingDepartmentCorrectsTheCategoryAndTheCaseMovesToTheRulesDepartment() {
        String id = dispatchedWageCase("学校拖欠代课老师三个月课时费，联系电话13912345678");
        int v = version(hr, id);
        Api.Response r = hr.post("/api/cases/" + id + "/category", change("C0501", v, "学校代课，属教育"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.text("category_code")).isEqualTo("C0501");
        assertThat(r.text("department_code")).isEqualTo(departmentCode("区教育和体育局"));
        assertThat(r.text("current_step")).isEqualTo("HANDLE");
        assertThat(r.get("version").asInt()).isEqualTo(v + 1);
        // the case deadline follows the new category: 劳动和社会保障 has 72 h (V2), 教育文体 the default 120 h — but the
        // report is 紧急 (urgency 2), so its response level is L2 at least (V11) and L2's 72 h are stricter; the
        // response deadline is recomputed with the level
        assertThat(java.time.Duration.between(
                        java.time.LocalDateTime.parse(r.text("created_at")),
                        java.time.LocalDateTime.parse(r.text("due_at"))))
                .isEqualTo(java.time.Duration.ofHours(72));
        assertThat(r.text("response_level")).isEqualTo("L2");

        Map<String, Object> label = jdbc.queryForMap("SELECT * FROM case_category_label WHERE case_id = ?", id);
        assertThat(label)
                .containsEntry("old_category", "C0401")
                .containsEntry("new_category", "C0501")
                .containsEntry("changed_by", "cc_hr")
                .containsEntry("changed_role", "DEPARTMENT");
        // the reporter chose C0401, so no model is blamed for it
        assertThat(label.get("model_version")).isNull();
        // the text the classifier saw, with the phone masked: labels are exported for training
        assertThat((String) label.get("text"))
                .startsWith("学校拖欠代课老师")
                .contains("139****5678")
                .doesNotContain("13912345678");

        assertThat(jdbc.queryForObject(
                        "SELECT detail FROM audit_log WHERE target_id = ? AND action = 'RECATEGORIZE'"
                                + " AND outcome = 'OK'",
                        String.class,
                        id))
                .startsWith("C0401→C0501");
        assertThat(worker.get("/api/cases/" + id + "/history").body().findValuesAsText("action"))
                .containsExactly("REPORT", "DISPATCH", "RECATEGORIZE");
        assertThat(jdbc.queryForList(
                        "SELECT department_code FROM dispatch_decision WHERE case_id = ? ORDER BY id",
                        String.class,
                        id))
                .containsExactly(departmentCode("区人力资源社会保障局"), departmentCode("区教育和体育局"));
        assertThat(education.get("/api/cases/todo").body().findValuesAsText("id"))
                .contains(id);

        // the labour bureau no longer holds the case: it may not change it again, and that refusal is audited
        Api.Response again = hr.post("/api/cases/" + id + "/category", change("C0401", v + 1, null));
        assertThat(again.status()).as(again.raw()).isEqualTo(403);
        assertThat(again.text("error")).contains("未分派给本部门");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND username = 'cc_hr'"
                                + " AND action = 'RECATEGORIZE' AND outcome = 'DENIED'",
                        Integer.class,
                        id))
                .isEqualTo(1);
        // the department holding it now may
        assertThat(education
                        .post("/api/cases/" + id + "/category", change("C0502", v + 1, null))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theCommandCentreCorrectsTheClassifiersChoiceAndTheLabelNamesTheModel() {
        Map<String, Object> report = WorkflowIT.report("小区楼下烧烤摊油烟很大，晚上很吵", null, false);
        report.remove("category_code");
        Api.Response created = worker.post("/api/cases", report);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        String suggested = created.text("category_code");
        String model = jdbc.queryForObject(
                "SELECT model_version FROM case_category_suggestion WHERE case_id = ?", String.class, id);
        assertThat(model).isNotBlank();
        String corrected = "C0204".equals(suggested) ? "C0201" : "C0204";

        Api.Response r = command.post("/api/cases/" + id + "/category", change(corrected, 0, null));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        // not dispatched yet: the category changes, the dispatch step stays the command centre's
        assertThat(r.text("department_code")).isNull();
        assertThat(r.text("current_step")).isEqualTo("DISPATCH");
        assertThat(jdbc.queryForMap(
                        "SELECT old_category, new_category, model_version, changed_role"
                                + " FROM case_category_label WHERE case_id = ?",
                        id))
                .containsEntry("old_category", suggested)
                .containsEntry("new_category", corrected)
                .containsEntry("model_version", model)
                .containsEntry("changed_role", "COMMAND_CENTER");
        // a second correction corrects a person, not the model
        command.post("/api/cases/" + id + "/category", change(suggested, 1, null));
        assertThat(jdbc.queryForList(
                        "SELECT model_version FROM case_category_label WHERE case_id = ? ORDER BY id",
                        String.class,
                        id))
                .containsExactly(model, null);
    }

    @Test
    void badRequestsGetTheirReasons() {
        String id = dispatchedWageCase("工地拖欠农民工工资");
        int v = version(command, id);

        Api.Response unknown = command.post("/api/cases/" + id + "/category", change("C9999", v, null));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("error")).contains("C9999");

        Api.Response same = command.post("/api/cases/" + id + "/category", change("C0401", v, null));
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.text("error")).contains("已是分类");

        Api.Response stale = command.post("/api/cases/" + id + "/category", change("C0402", v - 1, null));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("error")).contains("刷新");

        Api.Response noVersion = command.post("/api/cases/" + id + "/category", change("C0402", null, null));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.text("error")).contains("version");

        Api.Response noCode = command.post("/api/cases/" + id + "/category", change(" ", v, null));
        assertThat(noCode.status()).isEqualTo(400);

        Api.Response notAVersion = command.post("/api/cases/" + id + "/category", change("C0402", "abc", null));
        assertThat(notAVersion.status()).isEqualTo(400);

        Api.Response byLeader = leader.post("/api/cases/" + id + "/category", change("C0402", v, null));
        assertThat(byLeader.status()).isEqualTo(403);
        assertThat(byLeader.text("error")).contains("不能改分类");

        Api.Response missing = command.post("/api/cases/NOPE/category", change("C0402", 0, null));
        assertThat(missing.status()).isEqualTo(404);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_category_label WHERE case_id = ?", Integer.class, id))
                .isZero();
        assertThat(command.get("/api/cases/" + id).text("category_code")).isEqualTo("C0401");
    }

    @Test
    void aClosedCaseKeepsItsCategory() {
        String id = worker.post("/api/cases", WorkflowIT.report("楼道堆放杂物，已现场督促清理", "C0201", true))
                .text("id");
        Api.Session gridCenter = gridCenter();
        assertThat(gridCenter
                        .post("/api/cases/" + id + "/actions", WorkflowIT.action("COMPLETE", null, null))
                        .text("status"))
                .isEqualTo("CLOSED");
        Api.Response r = command.post("/api/cases/" + id + "/category", change("C0202", version(command, id), null));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("error")).contains("已结案");
        assertThat(List.of(command.get("/api/cases/" + id).text("category_code")))
                .containsExactly("C0201");
    }

    private Api.Session gridCenter() {
        user("cc_gridcenter", Role.GRID_CENTER, "370112001", null);
        return login("cc_gridcenter");
    }
}

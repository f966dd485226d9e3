package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.gridgov.cases.Api;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages over plain HTTP with a session and CSRF tokens, as a browser without JavaScript sees them: sign-in
 * failures and the lockout in Chinese, refusals as pages with the service's reason (never a stack trace), the
 * report form's errors in place, and a task through its forms.
 */
class WebPagesIT extends ServiceIT {

    static final String GRID = "37011200100101";
    static final String OTHER_GRID = "37011200100102";

    @Autowired
    AttachmentService attachments;

    @Autowired
    org.gridgov.cases.workflow.WorkflowCatalog workflows;

    @BeforeEach
    void users() {
        user("pg_worker", Role.GRID_WORKER, GRID, null);
        user("pg_neighbour", Role.GRID_WORKER, OTHER_GRID, null);
        user("pg_command", Role.COMMAND_CENTER, "370112", null);
        user("pg_admin", Role.ADMIN, "370112", null);
    }

    PageClient signedIn(String username) {
        PageClient c = new PageClient(api.base());
        PageClient.Page p = c.login(username, PASSWORD);
        assertThat(p.status()).isEqualTo(302);
        assertThat(p.redirectPath()).isEqualTo("/");
        return c;
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() {
        PageClient c = new PageClient(api.base());
        for (String path : new String[] {"/", "/cases/new", "/cockpit", "/cockpit/data", "/inbox"}) {
            PageClient.Page p = c.get(path);
            assertThat(p.status()).as(path).isEqualTo(302);
            assertThat(p.redirectPath()).as(path).isEqualTo("/login");
        }
        assertThat(c.get("/login?logout").body()).contains("您已安全退出");
        assertThat(c.get("/css/app.css").status()).isEqualTo(200);
        assertThat(c.get("/webjars/echarts/5.1.2/echarts.min.js").status()).isEqualTo(200);
    }

    @Test
    void aFailedSignInShowsTheReasonAndTheLockoutInChinese() {
        user("pg_locked", Role.GRID_WORKER, GRID, null);
        PageClient c = new PageClient(api.base());
        PageClient.Page first = c.login("pg_locked", "wrong-password");
        assertThat(first.redirectPath()).isEqualTo("/login");
        assertThat(c.follow(first).body()).contains("id=\"login-error\"", "用户名或密码错误");
        // one form attempt is one failure: the fifth locks, as through the API
        assertThat(jdbc.queryForObject(
                        "SELECT failed_attempts FROM app_user WHERE username = 'pg_locked'", Integer.class))
                .isEqualTo(1);
        PageClient.Page attempt = first;
        for (int i = 2; i <= 4; i++) {
            attempt = c.login("pg_locked", "wrong-password");
            assertThat(decoded(attempt)).as("attempt " + i).doesNotContain("锁定");
        }
        attempt = c.login("pg_locked", "wrong-password");
        assertThat(decoded(attempt)).contains("密码错误次数过多");
        assertThat(c.follow(attempt).body()).contains("账号已锁定");
        PageClient.Page right = c.login("pg_locked", PASSWORD);
        assertThat(c.follow(right).body()).contains("账号已锁定，请于").contains("后重试");
        assertThat(c.get("/login?error=" + java.net.URLEncoder.encode("密码错误次数过多，账号已锁定 15 分钟", StandardCharsets.UTF_8))
                        .body())
                .contains("密码错误次数过多，账号已锁定 15 分钟");
        assertThat(c.get("/login?error=").body()).contains("登录失败，请重试");
    }

    private static String decoded(PageClient.Page redirect) {
        return URLDecoder.decode(redirect.location(), StandardCharsets.UTF_8);
    }

    @Test
    void refusalsArePagesWithTheServicesReasonAndNoStackTrace() {
        PageClient worker = signedIn("pg_worker");
        assertError(worker.get("/admin/workflows"), 403, "审批配置仅限管理员");
        assertError(worker.get("/inbox"), 403, "预警收件箱仅限领导、指挥中心、网格中心");
        assertError(worker.get("/cases/SJ-NOPE"), 404, "事件 SJ-NOPE 不存在");
        assertError(worker.get("/cases/SJ-NOPE/actions-typo"), 404, "页面不存在");

        String id = login("pg_worker")
                .post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "楼道灯不亮",
                                "channel",
                                "HOTLINE",
                                "category_code",
                                "C0101",
                                "grid_code",
                                GRID))
                .text("id");
        assertError(signedIn("pg_neighbour").get("/cases/" + id), 403, "不在辖区");

        AttachmentService.Attachment file = attachments.add(
                new Staff("pg_worker", "pg_worker", Role.GRID_WORKER, GRID, null),
                "CASE",
                id,
                "说明.txt",
                "text/plain",
                "现场情况说明".getBytes(StandardCharsets.UTF_8));
        PageClient.Page download = worker.get("/attachments/" + file.id());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("现场情况说明");
        assertError(signedIn("pg_neighbour").get("/attachments/" + file.id()), 403, "不在辖区");

        PageClient.Page noToken =
                worker.post("/cases/" + id + "/actions", Map.of("_csrf", "forged", "action", "COMPLETE"));
        assertError(noToken, 403, "没有权限执行此操作");
        assertError(worker.post("/cases/" + id + "/actions", Map.of("action", "FLY")), 400, "请求参数不正确");

        PageClient.Page refused = worker.post("/cases/" + id + "/actions", Map.of("action", "DISPATCH"));
        assertThat(refused.redirectPath()).isEqualTo("/cases/" + id);
        assertThat(worker.follow(refused).body()).contains("分派未完成", "网格员不能分派");
    }

    private static void assertError(PageClient.Page p, int status, String text) {
        assertThat(p.status()).as(p.body()).isEqualTo(status);
        assertThat(p.body())
                .contains(text)
                .contains("id=\"error-status\"")
                .doesNotContain("Exception", "at org.", "Whitelabel");
    }

    @Test
    void theReportFormShowsErrorsInPlaceAndACategoryIsSuggestedWhenLeftEmpty() {
        PageClient worker = signedIn("pg_worker");
        assertThat(worker.get("/cases/new").body()).contains("智能推荐", "山大路社区第1网格", "自行处理");

        Map<String, String> form = new HashMap<>(Map.of(
                "description",
                "",
                "channel",
                "GRID_PATROL",
                "gridCode",
                GRID,
                "urgency",
                "1",
                "idempotencyKey",
                "pg-" + System.nanoTime()));
        PageClient.Page blank = worker.post("/cases", form);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("请填写事件描述");

        form.put("description", "小区暖气片不热，供暖温度太低");
        form.put("reporterPhone", "12");
        PageClient.Page badPhone = worker.post("/cases", form);
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body()).contains("上报未完成：联系电话格式不正确", "小区暖气片不热，供暖温度太低");

        form.put("reporterPhone", "13912345678");
        form.put("categoryCode", "");
        PageClient.Page reported = worker.post("/cases", form);
        assertThat(reported.status()).isEqualTo(302);
        String casePath = reported.redirectPath();
        String page = worker.follow(reported).body();
        assertThat(page).contains("事件已上报", "智能推荐分类：城乡建设 / 供暖", "139****5678").doesNotContain("13912345678");

        PageClient.Page again = worker.post("/cases", form);
        assertThat(again.redirectPath()).as("same form key, same case").isEqualTo(casePath);
        assertThat(worker.follow(again).body()).contains("该表单已提交过");
    }

    @Test
    void theCommandCentreChangesACategoryOnTheCasePageAndAStalePageIsToldSo() {
        String id = api.login("pg_worker", PASSWORD)
                .post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "工地拖欠农民工工资三个月",
                                "channel",
                                "GRID_PATROL",
                                "category_code",
                                "C0401",
                                "grid_code",
                                GRID))
                .text("id");
        PageClient worker = signedIn("pg_worker");
        assertThat(worker.get("/cases/" + id).body()).doesNotContain("form-RECATEGORIZE");

        PageClient command = signedIn("pg_command");
        String page = command.get("/cases/" + id).body();
        assertThat(page).contains("form-RECATEGORIZE", "name=\"version\" value=\"0\"");
        Map<String, String> form = new HashMap<>(Map.of("categoryCode", "C0403", "version", "0", "note", "属劳动合同纠纷"));
        PageClient.Page changed = command.post("/cases/" + id + "/category", form);
        assertThat(changed.status()).isEqualTo(302);
        assertThat(command.follow(changed).body())
                .contains("已改分类为 劳动合同（C0403）", "改分类：C0401 拖欠工资 → C0403", "name=\"version\" value=\"1\"");

        // the same form again, from the page as it was: the case has moved on
        form.put("categoryCode", "C0402");
        PageClient.Page stale = command.post("/cases/" + id + "/category", form);
        assertThat(command.follow(stale).body()).contains("改分类未完成：事件已被他人修改");
        assertThat(jdbc.queryForObject("SELECT category_code FROM case_record WHERE id = ?", String.class, id))
                .isEqualTo("C0403");
    }

    @Test
    void aTaskIsIssuedSubmittedRefusedWithoutReasonAndApprovedThroughTheForms() {
        PageClient command = signedIn("pg_command");
        String deadline = LocalDateTime.now().plusDays(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        command.get("/tasks");
        PageClient.Page issued = command.post(
                "/tasks",
                Map.of(
                        "title",
                        "排查辖区燃气管线",
                        "content",
                        "本周内完成网格内燃气管线排查",
                        "assigneeType",
                        "PERSON",
                        "assigneeCode",
                        "pg_worker",
                        "urgency",
                        "2",
                        "deadline",
                        deadline));
        assertThat(issued.status()).as(issued.body()).isEqualTo(302);
        String taskPath = issued.redirectPath();
        assertThat(taskPath).startsWith("/tasks/RW");

        PageClient worker = signedIn("pg_worker");
        assertThat(worker.get("/").body()).contains("排查辖区燃气管线");
        assertThat(worker.get(taskPath).body()).contains("id=\"submit-form\"").doesNotContain("id=\"review-forms\"");
        PageClient.Page submitted = worker.post(taskPath + "/submit", Map.of("result", "已排查 12 处，无隐患"));
        assertThat(worker.follow(submitted).body()).contains("执行情况已提交", "待审核");

        // the executor attaches the inspection sheet on the task's page; the issuer sees it listed
        PageClient.Page uploaded = worker.postFile(
                taskPath + "/attachments", "排查记录.txt", "text/plain", "燃气管线排查记录".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.redirectPath()).isEqualTo(taskPath);
        assertThat(worker.follow(uploaded).body()).contains("附件已上传：排查记录.txt");
        PageClient neighbour = signedIn("pg_neighbour");
        neighbour.get("/tasks");
        assertError(
                neighbour.postFile(
                        taskPath + "/attachments", "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
                403,
                "任务不在本人辖区");

        assertThat(command.get(taskPath).body()).contains("id=\"review-forms\"", "已排查 12 处，无隐患", "排查记录.txt");
        PageClient.Page noReason = command.post(taskPath + "/review", Map.of("approve", "false", "note", ""));
        assertThat(command.follow(noReason).body()).contains("审核未完成：驳回必须填写理由");
        PageClient.Page approved = command.post(taskPath + "/review", Map.of("approve", "true", "note", "同意"));
        assertThat(command.follow(approved).body()).contains("任务已审核通过", "已通过");

        PageClient.Page past = command.post(
                "/tasks",
                Map.of(
                        "title",
                        "过期任务",
                        "content",
                        "内容",
                        "assigneeType",
                        "PERSON",
                        "assigneeCode",
                        "pg_worker",
                        "urgency",
                        "1",
                        "deadline",
                        "2020-01-01T08:00"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("下发未完成：截止时间必须晚于现在");
    }

    @Test
    void anAdministratorReadsTheWorkflowsAndCategoryPolicies() {
        String page = signedIn("pg_admin").get("/admin/workflows").body();
        assertThat(page).contains("事件标准流程", "矛盾纠纷调解", "指挥中心分派", "网格员复核", "默认（其他分类）", "审批配置");
    }

    @Test
    void anAdministratorEditsAWorkflowAndACategoryTimeLimitOnThePage() {
        user("pg_admin", Role.ADMIN, "370112", null);
        // a workflow of this test's own, so the standard ones other tests walk stay as they are
        Api.Response made = login("pg_admin")
                .put(
                        "/api/admin/workflows/PAGE_TEST",
                        Map.of(
                                "name",
                                "页面测试流程",
                                "steps",
                                java.util.List.of(Map.of(
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
                                        false))));
        assertThat(made.status()).as(made.raw()).isEqualTo(200);
        try {
            PageClient admin = signedIn("pg_admin");
            admin.get("/admin/workflows");
            // the existing step gets 12 h, and the empty last row adds a sign-off that can reject back to it
            PageClient.Page saved = admin.post(
                    "/admin/workflows/PAGE_TEST",
                    java.util.List.of(
                            Map.entry("name", "页面测试流程"),
                            Map.entry("stepCode", "HANDLE"),
                            Map.entry("stepName", "网格中心办理"),
                            Map.entry("stepRole", "GRID_CENTER"),
                            Map.entry("stepHours", "12"),
                            Map.entry("stepRejectTo", ""),
                            Map.entry("stepSkip", "false"),
                            Map.entry("stepCode", "sign_off"),
                            Map.entry("stepName", "领导签批"),
                            Map.entry("stepRole", "LEADER"),
                            Map.entry("stepHours", "4"),
                            Map.entry("stepRejectTo", "HANDLE"),
                            Map.entry("stepSkip", "false")));
            assertThat(admin.follow(saved).body()).contains("流程已保存：页面测试流程（2 个步骤）");
            var steps = workflows.workflow("PAGE_TEST").steps();
            assertThat(steps)
                    .extracting(s -> s.code() + "/" + s.role() + "/" + s.timeLimitHours() + "/" + s.rejectTo())
                    .containsExactly("HANDLE/GRID_CENTER/12/null", "SIGN_OFF/LEADER/4/HANDLE");

            admin.get("/admin/workflows");
            PageClient.Page bad = admin.post(
                    "/admin/workflows/PAGE_TEST",
                    java.util.List.of(
                            Map.entry("name", "页面测试流程"),
                            Map.entry("stepCode", "HANDLE"),
                            Map.entry("stepName", "办理"),
                            Map.entry("stepRole", "GRID_CENTER"),
                            Map.entry("stepHours", "12"),
                            Map.entry("stepRejectTo", "NOWHERE"),
                            Map.entry("stepSkip", "false")));
            assertThat(admin.follow(bad).body()).contains("流程未保存").contains("NOWHERE");
            assertThat(workflows.workflow("PAGE_TEST").steps()).hasSize(2);

            admin.get("/admin/workflows");
            PageClient.Page policy = admin.post(
                    "/admin/category-policies",
                    Map.of("category", "C0302", "workflowCode", "PAGE_TEST", "hours", "36"));
            assertThat(admin.follow(policy).body()).contains("分类时限已保存：C0302");
            assertThat(workflows.policy("C0302").timeLimitHours()).isEqualTo(36);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM audit_log WHERE username = 'pg_admin'"
                                    + " AND action IN ('CONFIG_WORKFLOW', 'CONFIG_POLICY') AND outcome = 'OK'",
                            Integer.class))
                    .isGreaterThanOrEqualTo(3);

            PageClient worker = signedIn("pg_worker");
            worker.get("/");
            assertError(
                    worker.post(
                            "/admin/category-policies",
                            Map.of("category", "C0302", "workflowCode", "STANDARD", "hours", "1")),
                    403,
                    "审批配置仅限管理员");
            assertThat(workflows.policy("C0302").timeLimitHours()).isEqualTo(36);
        } finally {
            jdbc.update("DELETE FROM category_workflow WHERE category_code = 'C0302'");
            workflows.reload();
        }
    }
}

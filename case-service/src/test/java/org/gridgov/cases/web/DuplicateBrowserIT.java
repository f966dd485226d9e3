package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.Api;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.security.Role;
import org.gridgov.common.district.District;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 19's browser test: a grid worker reports a problem another worker reported nearby an hour ago, sees it
 * offered as 可能重复 (on the report form before submitting, and on the new case's page), merges; when the master
 * closes, both reporters find the 办结 notice on their home pages. Screenshots in target/screenshots.
 */
class DuplicateBrowserIT extends ServiceIT {

    static final String GRID = "37011200100101";

    Browser browser;
    final List<Path> screenshots = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Browser.requireChromium();
        user("db_worker_a", Role.GRID_WORKER, GRID, null);
        user("db_worker_b", Role.GRID_WORKER, GRID, null);
        user("db_command", Role.COMMAND_CENTER, "370112", null);
        user("db_chengguan", Role.DEPARTMENT, "370112", "区城市管理局");
        user("db_gridcenter", Role.GRID_CENTER, "370112001", null);
        user("db_leader", Role.LEADER, "370112", null);
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    void shot(String name) {
        screenshots.add(browser.screenshot(name));
    }

    @Test
    void aWorkerSeesTheOpenCaseNearbyMergesAndBothReportersHearOfTheClosure() throws Exception {
        String marker = "重复" + System.nanoTime() % 100000;
        Point anchor = District.licheng().grid(GRID).orElseThrow().anchor();
        Api.Response first = api.login("db_worker_a", PASSWORD)
                .post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "山大路小区东门的井盖破损塌陷，晚上有行人踩空摔倒" + marker,
                                "channel",
                                "GRID_PATROL",
                                "category_code",
                                "C0118",
                                "latitude",
                                anchor.getY(),
                                "longitude",
                                anchor.getX(),
                                "urgency",
                                1));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        String master = first.text("id");

        // worker B reports the same problem 90 m away in other words
        browser.login("db_worker_b");
        browser.click(By.linkText("事件上报"));
        new Select(browser.find(By.id("channel"))).selectByValue("GRID_PATROL");
        new Select(browser.find(By.id("category-l1"))).selectByValue("C01");
        new Select(browser.find(By.id("categoryCode"))).selectByValue("C0118");
        browser.find(By.id("latitude")).sendKeys(String.valueOf(anchor.getY() + 0.0008));
        browser.find(By.id("longitude")).sendKeys(String.valueOf(anchor.getX()));
        browser.find(By.id("description")).sendKeys("东门那里井盖坏了塌下去了，有人晚上摔倒" + marker);
        // before submitting, the form offers the open case nearby (report-form.js asks /cases/similar), with the
        // distance once the coordinates are in
        By offered = By.cssSelector("#form-similar li[data-case-id='" + master + "']");
        browser.waitUntil(
                d -> d.findElements(offered).stream().anyMatch(e -> e.getText().contains(" m, ")));
        assertThat(browser.text(By.id("form-similar"))).contains("可能重复: " + master, " m, ", "相似度 ");
        shot("duplicate-00-report-form-suggestion");
        browser.click(By.id("report-submit"));
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/cases/SJ[0-9A-Za-z]+$"));
        String dup = browser.path().substring("/cases/".length());
        assertThat(dup).isNotEqualTo(master);

        // the new case's page: 同一诉求 names the master with distance, age and score; one button merges
        String label = browser.text(By.id("similar-cases"));
        assertThat(label).contains("可能重复: " + master).contains(" m, ").contains("相似度 ");
        shot("duplicate-01-case-suggestion");
        browser.click(By.id("merge-" + master));
        // the report's own notice stands until the merge's page replaces it
        browser.waitUntil(d -> browser.text(By.id("flash-notice")).contains("已合并为 "));
        assertThat(browser.text(By.id("flash-notice"))).contains("已合并为 " + master + " 的重复件");
        assertThat(browser.text(By.id("merged-into"))).contains(master);
        shot("duplicate-02-merged");
        browser.logout();

        // the master goes its way: dispatch, handle, verify, review → closed
        String cg = jdbc.queryForObject("SELECT code FROM department WHERE name = '区城市管理局'", String.class);
        assertThat(api.login("db_command", PASSWORD)
                        .post("/api/cases/" + master + "/actions", Map.of("action", "DISPATCH", "department_code", cg))
                        .status())
                .isEqualTo(200);
        assertThat(api.login("db_chengguan", PASSWORD)
                        .post("/api/cases/" + master + "/actions", Map.of("action", "COMPLETE", "note", "已更换井盖"))
                        .status())
                .isEqualTo(200);
        assertThat(api.login("db_worker_a", PASSWORD)
                        .post("/api/cases/" + master + "/actions", Map.of("action", "COMPLETE", "note", "现场复核已修复"))
                        .status())
                .isEqualTo(200);
        Api.Response closed = api.login("db_gridcenter", PASSWORD)
                .post("/api/cases/" + master + "/actions", Map.of("action", "COMPLETE", "note", "同意结案"));
        assertThat(closed.text("status")).isEqualTo("CLOSED");

        // both reporters find the notice on their home page, linking to the master
        for (String reporter : List.of("db_worker_b", "db_worker_a")) {
            browser.login(reporter);
            browser.open("/");
            By notice = By.cssSelector("#notices li a[href$='/cases/" + master + "']");
            assertThat(browser.all(notice)).as(reporter).hasSize(1);
            assertThat(browser.text(notice)).contains("事件已办结", "同一诉求 2 件");
            shot("duplicate-03-notice-" + reporter);
            browser.logout();
        }
        assertThat(browser.policyViolations()).isEmpty();
        for (Path p : screenshots) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(CaseJourneyBrowserIT.MIN_SCREENSHOT_BYTES);
        }
    }

    /**
     * 合并 is offered only to whoever the service lets merge the case: the command centre, and the worker who reported
     * it while it waits for dispatch. A leader and the other worker of the grid see the same suggestion without the
     * button; once dispatched, the reporter's button goes too; 撤销合并 only for the command centre.
     */
    @Test
    void theMergeButtonShowsOnlyToThoseWhoMayMerge() {
        String marker = "按钮" + System.nanoTime() % 100000;
        Point anchor = District.licheng().grid(GRID).orElseThrow().anchor();
        String master = api.login("db_worker_a", PASSWORD)
                .post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "小区北门路灯不亮，晚上一片漆黑" + marker,
                                "channel",
                                "GRID_PATROL",
                                "category_code",
                                "C0118",
                                "latitude",
                                anchor.getY(),
                                "longitude",
                                anchor.getX(),
                                "urgency",
                                1))
                .text("id");
        String dup = api.login("db_worker_b", PASSWORD)
                .post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "北门那边的路灯坏了不亮，夜里很黑" + marker,
                                "channel",
                                "GRID_PATROL",
                                "category_code",
                                "C0118",
                                "latitude",
                                anchor.getY() + 0.0005,
                                "longitude",
                                anchor.getX(),
                                "urgency",
                                1))
                .text("id");
        By suggestion = By.cssSelector("#similar-cases a[href$='/cases/" + master + "']");
        By button = By.id("merge-" + master);
        Map<String, Boolean> offered = new java.util.LinkedHashMap<>();
        for (String who : List.of("db_leader", "db_worker_a", "db_worker_b", "db_command")) {
            browser.login(who);
            browser.open("/cases/" + dup);
            assertThat(browser.all(suggestion)).as(who + " sees the suggestion").hasSize(1);
            offered.put(who, !browser.all(button).isEmpty());
            assertThat(browser.all(By.cssSelector(".merge-form")).isEmpty())
                    .as(who)
                    .isEqualTo(!offered.get(who));
            browser.logout();
        }
        assertThat(offered)
                .containsExactly(
                        Map.entry("db_leader", false),
                        Map.entry("db_worker_a", false),
                        Map.entry("db_worker_b", true),
                        Map.entry("db_command", true));
        // the server agrees with the page: the leader's merge is refused
        assertThat(api.login("db_leader", PASSWORD)
                        .post("/api/cases/" + dup + "/merge", Map.of("master_case_id", master))
                        .status())
                .isEqualTo(403);

        // dispatched: the reporter may no longer merge, the command centre still may
        String cg = jdbc.queryForObject("SELECT code FROM department WHERE name = '区城市管理局'", String.class);
        assertThat(api.login("db_command", PASSWORD)
                        .post("/api/cases/" + dup + "/actions", Map.of("action", "DISPATCH", "department_code", cg))
                        .status())
                .isEqualTo(200);
        browser.login("db_worker_b");
        browser.open("/cases/" + dup);
        assertThat(browser.all(suggestion)).hasSize(1);
        assertThat(browser.all(button)).isEmpty();
        browser.logout();

        // merged by the command centre: only it is offered the undo
        assertThat(api.login("db_command", PASSWORD)
                        .post("/api/cases/" + dup + "/merge", Map.of("master_case_id", master))
                        .status())
                .isEqualTo(200);
        for (String who : List.of("db_worker_b", "db_command")) {
            browser.login(who);
            browser.open("/cases/" + dup);
            assertThat(browser.text(By.id("merged-into"))).contains(master);
            assertThat(browser.all(By.id("form-UNMERGE")).isEmpty()).as(who).isEqualTo(!"db_command".equals(who));
            browser.logout();
        }
        assertThat(browser.policyViolations()).isEmpty();
    }
}

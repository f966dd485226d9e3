package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * One case through every role, in a real browser: a grid worker reports it (with a photo), the command centre
 * dispatches it to 区城市管理局 on the suggestion's evidence, a leader 督办s it, the bureau handles it, the worker
 * verifies, the street grid centre rejects once with a reason, and after a second round approves; the case ends
 * 已结案. Each role's step leaves a screenshot in target/screenshots.
 */
class CaseJourneyBrowserIT extends ServiceIT {

    static final String GRID = "37011200100101";
    static final String PHONE = "13912345678";
    static final long MIN_SCREENSHOT_BYTES = 15_000;

    Browser browser;
    final List<Path> screenshots = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Browser.requireChromium();
        user("jr_worker", Role.GRID_WORKER, GRID, null);
        user("jr_command", Role.COMMAND_CENTER, "370112", null);
        user("jr_chengguan", Role.DEPARTMENT, "370112", "区城市管理局");
        user("jr_gridcenter", Role.GRID_CENTER, "370112001", null);
        user("jr_leader", Role.LEADER, "370112", null);
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aReportedCaseIsDispatchedSupervisedHandledRejectedOnceAndClosed() throws Exception {
        String marker = "浏览器旅程" + System.nanoTime();

        // 1. grid worker reports, with a photo and 智能推荐 left off (C01 城乡建设 / C0101 供暖)
        browser.login("jr_worker");
        assertThat(browser.text(By.id("current-role"))).isEqualTo("网格员");
        assertThat(browser.text(By.id("current-area"))).isEqualTo("山大路社区第1网格");
        browser.click(By.linkText("事件上报"));
        browser.find(By.id("description")).sendKeys("小区供暖温度不达标，室内只有十四度。" + marker);
        new Select(browser.find(By.id("channel"))).selectByValue("GRID_PATROL");
        new Select(browser.find(By.id("category-l1"))).selectByValue("C01");
        new Select(browser.find(By.id("categoryCode"))).selectByVisibleText("供暖");
        assertThat(new Select(browser.find(By.id("gridCode")))
                        .getFirstSelectedOption()
                        .getDomProperty("value"))
                .isEqualTo(GRID);
        browser.click(By.id("urgency2"));
        browser.find(By.id("reporterName")).sendKeys("张三");
        browser.find(By.id("reporterPhone")).sendKeys(PHONE);
        Path photo = photo();
        browser.find(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        shot("journey-00-report-form");
        browser.click(By.id("report-submit"));
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/cases/SJ[0-9A-Za-z]+$"));
        String id = browser.path().substring("/cases/".length());
        assertThat(browser.text(By.id("flash-notice"))).contains("事件已上报", id);
        assertThat(browser.text(By.id("case-status"))).isEqualTo("办理中");
        assertThat(browser.text(By.id("current-step"))).contains("指挥中心分派");
        assertThat(browser.text(By.id("case-category"))).contains("城乡建设 / 供暖", "C0101");
        assertThat(browser.text(By.id("reporter-phone"))).isEqualTo("139****5678");
        assertThat(browser.driver.getPageSource()).doesNotContain(PHONE);
        assertThat(browser.text(By.id("attachment-list"))).contains("现场照片.png");
        // WebDriver waits for a returned promise: the download link serves the stored PNG to the session
        assertThat(
                        browser.js(
                                "return fetch(document.querySelector('#attachment-list a').href)"
                                        + ".then(r => r.status + ' ' + r.headers.get('Content-Type') + ' ' + r.headers.get('Content-Length'))"))
                .isEqualTo("200 image/png " + Files.size(photo));
        assertHistory(1, "上报");
        assertThat(browser.all(By.cssSelector("#actions form"))).isEmpty();
        shot("journey-01-report");
        browser.logout();

        // 2. command centre dispatches to 区城市管理局, reading the suggestion's reason
        browser.login("jr_command");
        assertThat(browser.all(By.cssSelector("#todo-table tr[data-case-id='" + id + "']")))
                .hasSize(1);
        browser.click(By.linkText(id));
        assertThat(browser.text(By.id("dispatch-reason"))).contains("规则#", "C0101");
        new Select(browser.find(By.id("departmentCode"))).selectByVisibleText("区城市管理局");
        browser.click(By.id("do-DISPATCH"));
        assertThat(browser.text(By.id("flash-notice"))).contains("已分派", "部门处理");
        assertThat(browser.text(By.id("case-department"))).isEqualTo("区城市管理局");
        assertHistory(2, "分派");
        shot("journey-02-dispatch");
        browser.logout();

        // 3. a district leader finds it by text and 督办s it
        browser.login("jr_leader");
        browser.open("/cases");
        browser.find(By.name("q")).sendKeys(marker);
        browser.click(By.id("search-submit"));
        assertThat(browser.text(By.id("result-count"))).isEqualTo("1");
        browser.click(By.linkText(id));
        assertThat(browser.all(By.id("form-COMPLETE")))
                .as("a leader has no workflow step")
                .isEmpty();
        browser.find(By.id("supervise-note")).sendKeys("限三日内办结");
        browser.click(By.id("do-SUPERVISE"));
        assertThat(browser.text(By.id("case-supervised"))).isEqualTo("督办 1 次");
        assertHistory(3, "督办");
        shot("journey-03-supervise");
        browser.logout();

        // 4. the bureau sees the 督办 notice and its 待办, and handles the case
        browser.login("jr_chengguan");
        assertThat(browser.text(By.id("notices"))).contains("事件被督办");
        assertThat(browser.all(By.cssSelector("#todo-table tr[data-case-id='" + id + "']")))
                .hasSize(1);
        complete(id, "已协调热力公司提温");
        assertThat(browser.text(By.id("current-step"))).contains("网格员复核");
        assertHistory(4, "办结本步");
        shot("journey-04-handle");
        browser.logout();

        // 5. the grid worker verifies on site
        browser.login("jr_worker");
        complete(id, "回访确认室温 20 度");
        assertThat(browser.text(By.id("current-step"))).contains("网格中心审查");
        assertHistory(5, "办结本步");
        shot("journey-05-verify");
        browser.logout();

        // 6. the street grid centre rejects: first without a reason (the service's refusal is shown), then with one
        browser.login("jr_gridcenter");
        browser.click(By.linkText(id));
        browser.js("document.getElementById('reject-note').removeAttribute('required')");
        browser.click(By.id("do-REJECT"));
        assertThat(browser.text(By.id("flash-error"))).contains("驳回必须填写理由");
        assertHistory(5, "办结本步");
        browser.find(By.id("reject-note")).sendKeys("现场核实室温仍不达标");
        browser.click(By.id("do-REJECT"));
        assertThat(browser.text(By.id("flash-notice"))).contains("已驳回");
        assertThat(browser.text(By.id("current-step"))).contains("部门处理");
        assertHistory(6, "驳回");
        shot("journey-06-reject");
        browser.logout();

        // 7. the bureau reads the reason in its notices and handles again
        browser.login("jr_chengguan");
        assertThat(browser.text(By.id("notices"))).contains("现场核实室温仍不达标");
        complete(id, "更换换热站循环泵");
        assertHistory(7, "办结本步");
        shot("journey-07-handle-again");
        browser.logout();

        // 8. the worker verifies again
        browser.login("jr_worker");
        complete(id, "再次回访，室温 21 度");
        assertHistory(8, "办结本步");
        shot("journey-08-verify-again");
        browser.logout();

        // 9. the grid centre approves: 已结案, no actions left, every step of the bar done
        browser.login("jr_gridcenter");
        complete(id, "同意结案");
        assertThat(browser.text(By.id("case-status"))).isEqualTo("已结案");
        assertThat(browser.text(By.id("current-step"))).isEqualTo("已结案");
        assertThat(browser.text(By.id("no-actions"))).isEqualTo("事件已结案");
        assertThat(browser.all(By.cssSelector("#workflow .steps li:not(.done)")))
                .isEmpty();
        assertHistory(9, "办结本步");
        shot("journey-09-approve");
        browser.open("/");
        assertThat(browser.all(By.cssSelector("#done-table tr[data-case-id='" + id + "']")))
                .hasSize(1);
        assertThat(browser.all(By.cssSelector("#todo-table tr[data-case-id='" + id + "']")))
                .isEmpty();
        browser.logout();

        // 10. the leader finds it among the closed cases
        browser.login("jr_leader");
        browser.open("/cases?status=CLOSED&q=" + java.net.URLEncoder.encode(marker, "UTF-8"));
        assertThat(browser.text(By.id("result-table"))).contains(id, "已结案");
        shot("journey-10-leader-closed");

        assertThat(jdbc.queryForList("SELECT action FROM case_step WHERE case_id = ? ORDER BY id", String.class, id))
                .containsExactly(
                        "REPORT",
                        "DISPATCH",
                        "SUPERVISE",
                        "COMPLETE",
                        "COMPLETE",
                        "REJECT",
                        "COMPLETE",
                        "COMPLETE",
                        "COMPLETE");
        assertThat(jdbc.queryForObject("SELECT status FROM case_record WHERE id = ?", String.class, id))
                .isEqualTo("CLOSED");
        for (Path p : screenshots) {
            assertThat(p).exists();
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(MIN_SCREENSHOT_BYTES);
        }
    }

    /** Opens the case from the 待办 list on the home page and takes 办结本步 with a note. */
    private void complete(String id, String note) {
        browser.open("/");
        assertThat(browser.all(By.cssSelector("#todo-table tr[data-case-id='" + id + "']")))
                .hasSize(1);
        browser.click(By.linkText(id));
        browser.find(By.cssSelector("#form-COMPLETE textarea")).sendKeys(note);
        browser.click(By.id("do-COMPLETE"));
        assertThat(browser.text(By.id("flash-notice"))).contains("已办结本步");
    }

    private void assertHistory(int rows, String lastAction) {
        List<org.openqa.selenium.WebElement> lines = browser.all(By.cssSelector("#history tbody tr"));
        assertThat(lines).hasSize(rows);
        assertThat(browser.text(By.id("history-count"))).isEqualTo(String.valueOf(rows));
        assertThat(lines.get(rows - 1).findElements(By.tagName("td")).get(1).getText())
                .isEqualTo(lastAction);
    }

    private void shot(String name) {
        screenshots.add(browser.screenshot(name));
    }

    /** A small real PNG, so the attachment passes the service's magic-byte check. */
    private static Path photo() throws Exception {
        Path dir = Files.createTempDirectory("gridgov-photo");
        Path file = dir.resolve("现场照片.png");
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 80, 150));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}

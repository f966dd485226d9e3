package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.Api;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * 改分类 in a real browser: the labour bureau, holding a wage case that is really about a school, files it under
 * 教育文体; the case goes to the education bureau by the rules, the history says so, and the bureau's page no longer
 * opens. Screenshots in target/screenshots.
 */
class CategoryCorrectionBrowserIT extends ServiceIT {

    static final String GRID = "37011200100101";

    Browser browser;

    @BeforeEach
    void setUp() {
        Browser.requireChromium();
        user("cb_worker", Role.GRID_WORKER, GRID, null);
        user("cb_command", Role.COMMAND_CENTER, "370112", null);
        user("cb_hr", Role.DEPARTMENT, "370112", "区人力资源社会保障局");
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theHoldingDepartmentChangesTheCategoryAndTheCaseMovesOn() throws Exception {
        Api.Response created = api.login("cb_worker", PASSWORD)
                .post(
                        "/api/cases",
                        Map.of(
                                "description",
                                "学校拖欠代课老师三个月课时费",
                                "channel",
                                "GRID_PATROL",
                                "category_code",
                                "C0401",
                                "grid_code",
                                GRID));
        String id = created.text("id");
        String hr = jdbc.queryForObject("SELECT code FROM department WHERE name = '区人力资源社会保障局'", String.class);
        assertThat(api.login("cb_command", PASSWORD)
                        .post("/api/cases/" + id + "/actions", Map.of("action", "DISPATCH", "department_code", hr))
                        .status())
                .isEqualTo(200);

        browser.login("cb_hr");
        browser.open("/cases/" + id);
        assertThat(browser.text(By.id("case-category"))).contains("拖欠工资", "C0401");
        new Select(browser.find(By.id("recategorize-code"))).selectByValue("C0506");
        browser.find(By.id("recategorize-note")).sendKeys("代课教师待遇，属教育");
        Path before = browser.screenshot("recategorize-01-form");
        browser.click(By.id("do-RECATEGORIZE"));
        // the bureau no longer holds the case: it lands on its home page, told where the case went
        assertThat(browser.text(By.id("flash-notice"))).contains("已改分类为 教师队伍管理（C0506）", "区教育和体育局");
        assertThat(browser.path()).isEqualTo("/");
        Path after = browser.screenshot("recategorize-02-moved-away");
        browser.logout();

        browser.login("cb_command");
        browser.open("/cases/" + id);
        assertThat(browser.text(By.id("case-category"))).contains("教育文体", "C0506");
        assertThat(browser.text(By.id("case-department"))).isEqualTo("区教育和体育局");
        List<org.openqa.selenium.WebElement> lines = browser.all(By.cssSelector("#history tbody tr"));
        assertThat(lines.get(lines.size() - 1).getText()).contains("改分类", "C0401", "C0506", "代课教师待遇");
        Path command = browser.screenshot("recategorize-03-command-centre");
        // the cockpit's head: how the live model does on the recent corrections, this one among them
        browser.open("/cockpit");
        assertThat(browser.text(By.id("cockpit-model-accuracy"))).matches("近30天改分类 [1-9][0-9]* 条，模型与改后分类一致 [0-9]+%");
        for (Path p : List.of(before, after, command)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(CaseJourneyBrowserIT.MIN_SCREENSHOT_BYTES);
        }
    }
}

package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.gridgov.cases.AssessmentFixture;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.TestStack;
import org.gridgov.cases.security.Role;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * 监督考核 in a real browser: the district leader reads the departments' rules, is told the weights do not make 100,
 * publishes a corrected version from next month and finds it in the history; a grid worker reads their score card;
 * the leader's cockpit lists the month's best; a street leader sets and withdraws their street's own rules.
 * Screenshots assessment-0*.png in target/screenshots. Edits only the DEPARTMENT rules and street 370112004's own
 * (AssessmentIT edits the others).
 */
class AssessmentBrowserIT extends ServiceIT {

    static final String GRID = "37011200100101";
    static final String WORKER_ID = "W00100101";

    Browser browser;

    @BeforeEach
    void setUp() {
        Browser.requireChromium();
        user("ab_leader", Role.LEADER, "370112", null);
        user("ab_worker", Role.GRID_WORKER, GRID, null);
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void aLeaderEditsTheRulesAndAWorkerReadsTheirCard() throws Exception {
        browser.login("ab_leader");
        browser.open("/assessment/rules?level=DEPARTMENT");
        assertThat(browser.text(By.id("rules-valid-version"))).startsWith("第 ");
        assertThat(browser.text(By.id("rules-weight-sum"))).isEqualTo("100");
        int versionsBefore =
                browser.all(By.cssSelector("#rules-history-table tbody tr")).size();
        Path rules = browser.screenshot("assessment-01-rules");

        // 41 + 35 + 25: refused in place, with the reason, the form keeping what was typed
        type(browser.find(By.id("item-weight-0")), "41");
        browser.click(By.id("rules-publish"));
        assertThat(browser.text(By.id("form-error"))).contains("各项分值合计须为 100，现为 101");
        assertThat(browser.find(By.id("item-weight-0")).getAttribute("value")).isEqualTo("41");
        Path refused = browser.screenshot("assessment-02-validation");
        assertThat(browser.all(By.cssSelector("#rules-history-table tbody tr"))).hasSize(versionsBefore);

        // corrected: a new version from next month (the form's default), this month unchanged
        type(browser.find(By.id("item-weight-0")), "40");
        type(browser.find(By.id("item-target-0")), "0.95");
        type(browser.find(By.id("rules-note")), "满意率目标提高到 95%");
        browser.click(By.id("rules-publish"));
        assertThat(browser.text(By.id("flash-notice")))
                .contains("部门考核规则第 ", "版已发布", "自 " + YearMonth.now(clock).plusMonths(1));
        List<WebElement> history = browser.all(By.cssSelector("#rules-history-table tbody tr"));
        assertThat(history).hasSize(versionsBefore + 1);
        assertThat(history.get(0).getText()).contains("ab_leader", "满意率目标提高到 95%");
        assertThat(browser.text(By.cssSelector("#rules-items tr[data-item='SATISFACTION'] .target")))
                .isEqualTo("0.95");
        Path published = browser.screenshot("assessment-03-history");
        browser.logout();

        // the worker's own card, written by the monthly job
        JdbcTemplate warehouse = new JdbcTemplate(new DriverManagerDataSource(
                TestStack.warehouse().jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD));
        String month = YearMonth.now(clock).toString();
        AssessmentFixture.assessed(warehouse, month, WORKER_ID, GRID, 87.5, 2, "FAKE_PATROL_JUMP");
        browser.login("ab_worker");
        browser.click(By.id("nav-assessment"));
        assertThat(browser.text(By.id("card-total"))).isEqualTo("87.5");
        assertThat(browser.text(By.id("card-rank"))).isEqualTo("2");
        assertThat(browser.text(By.id("card-anomalies"))).contains("FAKE_PATROL_JUMP");
        assertThat(browser.text(By.cssSelector("#card-items tr[data-item='EVENTS_REPORTED'] .points")))
                .isEqualTo("7.50");
        assertThat(browser.all(By.id("ranking"))).isEmpty();
        Path card = browser.screenshot("assessment-04-card");
        browser.open("/assessment/card?month=2025-02");
        assertThat(browser.text(By.id("card-empty"))).contains("尚无考核结果");
        browser.logout();

        // the district's cockpit: the month's best and worst
        browser.login("ab_leader");
        browser.open("/cockpit");
        assertThat(browser.text(By.id("panel-assessment"))).contains(month);
        assertThat(browser.all(By.cssSelector("#assessment-top tr[data-worker='" + WORKER_ID + "']")))
                .hasSize(1);
        Path cockpit = browser.screenshot("assessment-05-cockpit");
        for (Path p : List.of(rules, refused, published, card, cockpit)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(CaseJourneyBrowserIT.MIN_SCREENSHOT_BYTES);
        }
    }

    /**
     * 分级考核 on the page: a street leader sees their street scored by the district's rules, starts from a copy of
     * them, is refused publishing for another street (a tampered form: 403 in place), publishes their street's own
     * version from next month, cannot edit the district's or another street's, and withdraws their street's rules
     * from the month after, leaving the version in the history.
     */
    @Test
    void aStreetLeaderSetsAndWithdrawsTheirOwnStreetsRules() throws Exception {
        String street = "370112004";
        user("ab_street_leader", Role.LEADER, street, null);
        YearMonth next = YearMonth.now(clock).plusMonths(1);
        browser.login("ab_street_leader");
        browser.open("/assessment/rules?level=GRID_WORKER");
        // no rules of the street's own yet: the district's hold, and are the draft
        assertThat(browser.find(By.id("rules-valid-scope")).getAttribute("data-scope"))
                .isEqualTo("370112");
        assertThat(browser.text(By.id("rules-valid-scope"))).contains("沿用区级规则");
        assertThat(browser.text(By.id("rules-draft-source"))).contains("以区级规则第 ");
        assertThat(browser.all(By.cssSelector("#rules-scope option"))).hasSize(2);
        assertThat(browser.all(By.cssSelector("#rules-history-table tbody tr"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#rules-district-history-table tbody tr")))
                .isNotEmpty();
        Path draft = browser.screenshot("assessment-06-street-draft");

        // a form tampered to another street's scope: refused in place with the reason, nothing published
        browser.js("document.querySelector('#rules-form input[name=scope]').value = '370112005'");
        browser.click(By.id("rules-publish"));
        assertThat(browser.text(By.id("form-error"))).contains("规则未发布", "不是本街道 " + street);
        assertThat(browser.all(By.id("rules-edit"))).isEmpty();

        // their own street: the district's rules with EVENTS_REPORTED's target 10 instead of 20
        browser.open("/assessment/rules?level=GRID_WORKER&scope=" + street);
        type(browser.find(By.id("item-target-0")), "10");
        type(browser.find(By.id("rules-note")), "本街道上报目标调整");
        browser.click(By.id("rules-publish"));
        assertThat(browser.text(By.id("flash-notice"))).contains("考核规则第 1 版已发布", "自 " + next);
        assertThat(browser.find(By.id("rules-valid-scope")).getAttribute("data-scope"))
                .isEqualTo(street);
        assertThat(browser.text(By.cssSelector("#rules-items tr[data-item='EVENTS_REPORTED'] .target")))
                .isEqualTo("10");
        List<WebElement> history = browser.all(By.cssSelector("#rules-history-table tbody tr"));
        assertThat(history).hasSize(1);
        assertThat(history.get(0).getText()).contains("ab_street_leader", "本街道上报目标调整");
        Path published = browser.screenshot("assessment-07-street-published");

        // the district's rules and another street's: readable, not editable; the district's unchanged
        browser.open("/assessment/rules?level=GRID_WORKER&scope=370112&month=" + next);
        assertThat(browser.all(By.id("rules-edit"))).isEmpty();
        assertThat(browser.text(By.cssSelector("#rules-items tr[data-item='EVENTS_REPORTED'] .target")))
                .isEqualTo("20");
        browser.open("/assessment/rules?level=GRID_WORKER&scope=370112005");
        assertThat(browser.all(By.id("rules-edit"))).isEmpty();
        assertThat(browser.all(By.id("rules-withdraw-card"))).isEmpty();

        // withdrawn from the month after next: the street's version holds one month, then the district's again
        YearMonth after = next.plusMonths(1);
        browser.open("/assessment/rules?level=GRID_WORKER&scope=" + street);
        browser.js("document.getElementById('rules-withdraw-from').value = arguments[0]", after.toString());
        type(browser.find(By.id("rules-withdraw-note")), "统一执行区级规则");
        browser.click(By.id("rules-withdraw"));
        assertThat(browser.text(By.id("flash-notice"))).contains("已撤销", "自 " + after + " 起按区级规则考核");
        assertThat(browser.find(By.id("rules-valid-scope")).getAttribute("data-scope"))
                .isEqualTo("370112");
        assertThat(browser.text(By.cssSelector("#rules-history-table tbody tr")))
                .contains(next.atEndOfMonth().toString(), "ab_street_leader 撤销");
        Path withdrawn = browser.screenshot("assessment-08-street-withdrawn");
        browser.open("/assessment/rules?level=GRID_WORKER&scope=" + street + "&month=" + next);
        assertThat(browser.find(By.id("rules-valid-scope")).getAttribute("data-scope"))
                .isEqualTo(street);
        for (Path p : List.of(draft, published, withdrawn)) {
            assertThat(Files.size(p)).as(p.toString()).isGreaterThan(CaseJourneyBrowserIT.MIN_SCREENSHOT_BYTES);
        }
    }
}

package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.TestStack;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.security.Role;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.AlertLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cockpit in a browser over seeded ADS tables: every chart drawn with data for a district leader, only their
 * street for a street grid centre, a message instead of charts when there is nothing to show, and alerts arriving
 * on the open page (from Kafka, or handed to the inbox) without a reload.
 */
class CockpitBrowserIT extends ServiceIT {

    static final List<String> CHARTS =
            List.of("chart-trend", "chart-category", "chart-streets", "chart-hotwords", "chart-risk");
    static final String GRID = "37011200100101";

    @Autowired
    AlertInbox inbox;

    Browser browser;

    @BeforeEach
    void setUp() {
        Browser.requireChromium();
        user("ck_leader", Role.LEADER, "370112", null);
        user("ck_gridcenter", Role.GRID_CENTER, CockpitFixture.STREET, null);
        user("ck_worker", Role.GRID_WORKER, GRID, null);
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aDistrictLeaderSeesEveryChartAndAlertsFromKafkaArriveWithoutReload() throws Exception {
        seed();
        browser.login("ck_leader");
        openCockpit("OK");

        for (String chart : CHARTS) {
            assertThat(browser.js("return !!document.getElementById(arguments[0]).querySelector('canvas, svg')", chart))
                    .as(chart + " drawn")
                    .isEqualTo(true);
            assertThat(seriesLength(chart, 0)).as(chart + " series data").isGreaterThan(0);
        }
        assertThat(yAxis("chart-streets")).hasSize(16).contains("山大路街道", "唐王街道");
        // the busiest street (the last one, by the fixture's formula) is drawn at the top of the ranking
        assertThat(yAxis("chart-streets").get(15))
                .isEqualTo(CockpitFixture.streets().get(15).name());
        assertThat(yAxis("chart-hotwords")).containsExactlyInAnyOrderElementsOf(CockpitFixture.DISTRICT_WORDS);
        assertThat(seriesLength("chart-trend", 0)).isEqualTo(2);
        assertThat(seriesLength("chart-risk", 0)).isEqualTo(4);
        assertThat(seriesLength("chart-category", 0)).isEqualTo(CockpitFixture.CATEGORY_L1.size());
        assertThat(digits("kpi-accepted")).isEqualTo(CockpitFixture.districtAccepted(1));
        assertThat(browser.text(By.id("kpi-accepted-delta"))).startsWith("环比 +");
        assertThat(browser.text(By.id("kpi-close-rate-delta"))).contains("+1.2 个百分点");
        assertThat(browser.text(By.id("kpi-overdue-delta"))).contains("-5.0%");
        for (String stored : CockpitFixture.STORED_ALERTS) {
            assertThat(browser.all(alertRow(stored))).as(stored).hasSize(1);
        }
        assertThat(browser.screenshot("cockpit")).isNotEmptyFile();

        browser.find(By.cssSelector("#live-state.on"));
        browser.js("window.sameDocument = true");
        Alert alert = alert(
                "ck-kafka-" + System.nanoTime(),
                "nobody-" + System.nanoTime(),
                AlertLevel.RED,
                "浏览器实时预警：同一人 7 日内 3 次来电");
        publishUntilShown(alert);
        assertThat(browser.text(alertRow(alert.alertId()))).contains("重复来电", "红", "全区");
        assertThat(browser.js("return window.sameDocument === true"))
                .as("no reload")
                .isEqualTo(true);
        browser.screenshot("cockpit-live-alert");

        // the 预警 inbox lists what the inbox kept and adds new alerts the same way
        browser.click(By.linkText("预警"));
        assertThat(browser.all(By.cssSelector("#alerts tr[data-alert-id='" + alert.alertId() + "']")))
                .hasSize(1);
        browser.find(By.cssSelector("#live-state.on"));
        Alert next = alert("ck-inbox-" + System.nanoTime(), "nobody", AlertLevel.BLUE, "收件箱实时预警");
        inbox.accept(next);
        By nextRow = By.cssSelector("#alerts tbody tr:first-child[data-alert-id='" + next.alertId() + "']");
        assertThat(browser.text(nextRow)).contains("收件箱实时预警", "蓝");
        browser.screenshot("inbox-live-alert");
    }

    @Test
    void aStreetGridCentreSeesOnlyItsStreetAndOnlyAlertsLocatedThere() throws Exception {
        seed();
        Map<String, Object> report = new HashMap<>(
                Map.of("description", "夜市油烟扰民", "channel", "HOTLINE", "category_code", "C0101", "grid_code", GRID));
        String caseId = login("ck_worker").post("/api/cases", report).text("id");

        browser.login("ck_gridcenter");
        openCockpit("OK");
        assertThat(browser.text(By.id("cockpit-area"))).isEqualTo("山大路街道");
        assertThat(yAxis("chart-streets")).containsExactly("山大路街道");
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('chart-streets'))"
                        + ".getOption().series[0].data"))
                .isEqualTo(List.of((long) CockpitFixture.accepted(0, 1)));
        assertThat(digits("kpi-accepted")).isEqualTo(CockpitFixture.accepted(0, 1));
        assertThat(yAxis("chart-hotwords")).containsExactlyInAnyOrderElementsOf(CockpitFixture.STREET_WORDS);
        for (String panel : List.of("panel-category", "panel-risk")) {
            assertThat(browser.find(By.id(panel)).getDomAttribute("data-hidden"))
                    .isEqualTo("true");
            assertThat(browser.text(By.cssSelector("#" + panel + " .note"))).contains("仅区级账号可见");
            assertThat(browser.all(By.cssSelector("#" + panel + " canvas"))).isEmpty();
        }
        assertThat(browser.text(By.cssSelector("#panel-alerts .note"))).contains("定位在本辖区");
        // the stored alert whose evidence lies in the street is shown with its place; those that cannot be placed
        // are district-wide and stay with the district's users
        assertThat(browser.all(alertRow(CockpitFixture.STORED_ALERTS.get(0)))).hasSize(1);
        assertThat(browser.text(alertRow(CockpitFixture.STORED_ALERTS.get(0)))).contains("山大路社区第1网格");
        for (String stored : CockpitFixture.STORED_ALERTS.subList(1, 3)) {
            assertThat(browser.all(alertRow(stored)))
                    .as("unplaced stored alert " + stored)
                    .isEmpty();
        }

        browser.find(By.cssSelector("#live-state.on"));
        Alert districtWide = alert("ck-wide-" + System.nanoTime(), "nobody", AlertLevel.ORANGE, "全区性预警");
        Alert onTheCase = alert("ck-case-" + System.nanoTime(), caseId, AlertLevel.YELLOW, "事件即将超期：夜市油烟扰民");
        inbox.accept(districtWide);
        inbox.accept(onTheCase);
        // one stream delivers in order: once the second is on the page, the first would have been too
        assertThat(browser.text(alertRow(onTheCase.alertId()))).contains("山大路社区第1网格");
        assertThat(browser.all(alertRow(districtWide.alertId()))).isEmpty();
        browser.screenshot("cockpit-street");
    }

    @Test
    void withoutStatisticsOrBelowStreetLevelThePageSaysSoInsteadOfDrawingEmptyCharts() throws Exception {
        try (Connection c = TestStack.warehouse().connect()) {
            CockpitFixture.clear(c);
        }
        browser.login("ck_leader");
        openCockpit("EMPTY");
        assertThat(browser.text(By.id("cockpit-message"))).contains("暂无", "统计数据");
        assertThat(browser.find(By.id("cockpit-body")).isDisplayed()).isFalse();
        assertThat(browser.all(By.cssSelector("#cockpit-body canvas"))).isEmpty();
        browser.logout();

        browser.login("ck_worker");
        assertThat(browser.all(By.linkText("驾驶舱")))
                .as("no cockpit link below street level")
                .isEmpty();
        openCockpit("OUT_OF_SCOPE");
        assertThat(browser.text(By.id("cockpit-message"))).contains("最细到街道", "山大路社区第1网格");
    }

    private void seed() throws Exception {
        try (Connection c = TestStack.warehouse().connect()) {
            CockpitFixture.seed(c);
        }
    }

    private void openCockpit(String expectedState) {
        browser.open("/cockpit");
        browser.waitUntil(d -> browser.js("return document.body.getAttribute('data-cockpit-state')") != null);
        assertThat(browser.js("return document.body.getAttribute('data-cockpit-state')"))
                .as(browser.text(By.id("cockpit-message")))
                .isEqualTo(expectedState);
    }

    private long seriesLength(String chart, int series) {
        return (Long) browser.js(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                        + ".getOption().series[arguments[1]].data.length",
                chart,
                series);
    }

    @SuppressWarnings("unchecked")
    private List<String> yAxis(String chart) {
        return (List<String>) browser.js(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0]))" + ".getOption().yAxis[0].data",
                chart);
    }

    private int digits(String id) {
        return Integer.parseInt(browser.text(By.id(id)).replaceAll("[^0-9]", ""));
    }

    private static By alertRow(String alertId) {
        return By.cssSelector("#cockpit-alerts tr[data-alert-id='" + alertId + "']");
    }

    private static Alert alert(String id, String subject, AlertLevel level, String message) {
        return new Alert(
                1,
                id,
                "repeat_call",
                level,
                subject,
                List.of("RX-" + id),
                message,
                LocalDateTime.now().withNano(0));
    }

    /**
     * Publishes to {@code alerts} until the row shows. The inbox's consumer starts at the latest offset once its
     * partitions are assigned, which can be a few seconds after the application started; an alert sent before that
     * is not read. Sending the same alert again is safe: the page replaces a row with the same id.
     */
    private void publishUntilShown(Alert alert) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            while (true) {
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.alertId(), Json.write(alert)))
                        .get(10, TimeUnit.SECONDS);
                try {
                    new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                            .until(ExpectedConditions.presenceOfElementLocated(alertRow(alert.alertId())));
                    return;
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("alert " + alert.alertId() + " never reached the open cockpit", e);
                    }
                }
            }
        }
    }
}

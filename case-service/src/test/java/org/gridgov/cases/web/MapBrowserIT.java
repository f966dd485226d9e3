package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.cases.ServiceIT;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.inbox.LiveAlert;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 一张图 in a browser: every grid drawn, layers switched (values checked against the database), a grid clicked
 * and listed, and a polygon clicked out vertex by vertex whose listed cases equal a JTS count over the database.
 */
class MapBrowserIT extends ServiceIT {

    static final String STREET = "370112001";
    static final String MAP = "grid-map";

    @Autowired
    AlertInbox inbox;

    @Autowired
    org.gridgov.cases.map.GridRisk risk;

    Browser browser;

    @BeforeEach
    void setUp() {
        Browser.requireChromium();
        user("mb_leader", Role.LEADER, "370112", null);
        user("mb_command", Role.COMMAND_CENTER, "370112", null);
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theMapDrawsEveryGridSwitchesLayersListsAGridAndSelectsAPolygon() throws Exception {
        List<String> planted = MapFixture.plant(login("mb_command"), STREET, 4);
        // one planted case overdue, so the 超期 layer has something to show
        jdbc.update(
                "UPDATE case_record SET due_at = ? WHERE id = ?",
                Timestamp.valueOf(LocalDateTime.now(clock).minusDays(1)),
                planted.get(0));

        List<Grid> riskGrids = MapFixture.DISTRICT.grids().subList(0, 24);
        try (java.sql.Connection c = org.gridgov.cases.TestStack.warehouse().connect()) {
            RiskFixture.seed(c, riskGrids, 30);
        }
        risk.refresh();

        browser.login("mb_leader");
        browser.open("/map");
        browser.waitUntil(d -> "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-map-state")));

        int grids = MapFixture.DISTRICT.grids().size();
        assertThat(browser.js("return document.getElementById(arguments[0]).gridMap.grids.length", MAP))
                .isEqualTo((long) grids);
        assertThat(browser.js(
                        "return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                                + ".getModel().getComponent('geo').coordinateSystem.regions.length",
                        MAP))
                .isEqualTo((long) grids);
        assertThat(layerValues()).hasSize(grids);
        assertThat(nonZero(layerValues())).isEqualTo(MapFixture.countByGrid(jdbc, "370112", ""));
        browser.screenshot("map-cases");

        for (String layer : List.of("overdue", "open_cases", "alerts", "risk", "cases")) {
            browser.click(By.cssSelector("#map-layers button[data-layer='" + layer + "']"));
            browser.waitUntil(
                    d -> layer.equals(d.findElement(By.tagName("body")).getAttribute("data-map-layer")));
            Map<String, Integer> expected =
                    switch (layer) {
                        case "overdue" ->
                            MapFixture.countByGrid(
                                    jdbc,
                                    "370112",
                                    "AND status = 'OPEN' AND due_at < ?",
                                    Timestamp.valueOf(LocalDateTime.now(clock)));
                        case "open_cases" -> MapFixture.countByGrid(jdbc, "370112", "AND status = 'OPEN'");
                        case "alerts" -> alertsByGrid();
                        case "risk" -> RiskFixture.expected(riskGrids, 30);
                        default -> MapFixture.countByGrid(jdbc, "370112", "");
                    };
            assertThat(nonZero(layerValues())).as(layer).isEqualTo(expected);
            if (layer.equals("overdue")) {
                assertThat(expected).isNotEmpty();
                browser.screenshot("map-overdue");
            }
            if (layer.equals("risk")) {
                assertThat(expected).isNotEmpty();
                assertThat(browser.text(By.id("map-message"))).contains(RiskFixture.MONTH);
                browser.screenshot("map-risk");
            }
        }

        // click the first planted grid at its interior point
        Grid grid = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(STREET))
                .findFirst()
                .orElseThrow();
        clickAt(grid.anchor().getX(), grid.anchor().getY());
        browser.find(By.cssSelector("#grid-cases[data-grid='" + grid.code() + "']"));
        int inGrid = MapFixture.countByGrid(jdbc, grid.code(), "").getOrDefault(grid.code(), 0);
        assertThat(browser.all(By.cssSelector("#grid-cases tbody tr"))).hasSize(inGrid);
        assertThat(browser.text(By.id("grid-detail"))).contains(grid.name(), "事件 " + inGrid + " 件");
        browser.screenshot("map-grid");

        // a quadrilateral over the street's first two communities' bottom grids, clicked vertex by vertex
        Envelope e = new Envelope(grid.boundary().getEnvelopeInternal());
        e.expandToInclude(MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(STREET) && !g.communityCode().equals(grid.communityCode()))
                .findFirst()
                .orElseThrow()
                .boundary()
                .getEnvelopeInternal());
        double dx = e.getWidth() * 0.1;
        double dy = e.getHeight() * 0.1;
        double[][] ring = {
            {e.getMinX() + dx, e.getMinY() + dy}, {e.getMaxX() - dx, e.getMinY() + dy},
            {e.getMaxX() - dx, e.getMaxY() - dy}, {e.getMinX() + 2 * dx, e.getMaxY() - dy}
        };
        browser.click(By.id("select-start"));
        List<double[]> clicked = new ArrayList<>();
        for (double[] v : ring) {
            clickAt(v[0], v[1]);
            clicked.add(v);
        }
        assertThat(browser.js("return document.getElementById(arguments[0]).gridMap.vertices.length", MAP))
                .isEqualTo((long) ring.length);
        // the vertices the page holds (pixels back to degrees), for the JTS count
        @SuppressWarnings("unchecked")
        List<List<Number>> vertices =
                (List<List<Number>>) browser.js("return document.getElementById(arguments[0]).gridMap.vertices", MAP);
        browser.screenshot("map-drawing");
        browser.click(By.id("select-finish"));
        browser.waitUntil(d -> "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-selection-state")));

        double[][] drawn = vertices.stream()
                .map(v -> new double[] {v.get(0).doubleValue(), v.get(1).doubleValue()})
                .toArray(double[][]::new);
        Set<String> expected = MapFixture.casesInside(jdbc, "370112", MapFixture.polygon(drawn));
        assertThat(expected).as("the polygon holds planted cases").isNotEmpty();
        assertThat(browser.text(By.id("selection-count"))).isEqualTo(String.valueOf(expected.size()));
        Set<String> listed = new TreeSet<>();
        for (WebElement row : browser.all(By.cssSelector("#selection-cases tbody tr"))) {
            listed.add(row.getAttribute("data-case-id"));
        }
        assertThat(listed).isEqualTo(expected);
        // the grids and communities the polygon reaches are listed beside the cases
        assertThat(browser.all(By.cssSelector("#selection-places tr[data-place='" + grid.code() + "']")))
                .hasSize(1);
        browser.screenshot("map-selection");
    }

    @Test
    void theCockpitHasTheMapPanelAndABadPolygonShowsItsReason() throws Exception {
        // the panel is drawn when the cockpit has statistics (as CockpitBrowserIT seeds them)
        List<Grid> riskGrids = MapFixture.DISTRICT.grids().subList(0, 24);
        try (java.sql.Connection c = org.gridgov.cases.TestStack.warehouse().connect()) {
            CockpitFixture.seed(c);
            RiskFixture.seed(c, riskGrids, 30);
        }
        risk.refresh();
        MapFixture.plant(login("mb_command"), STREET, 2);
        browser.login("mb_leader");
        browser.open("/cockpit");
        browser.waitUntil(d -> "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-map-state")));
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('cockpit-map'))"
                        + ".getOption().series[0].data.length"))
                .isEqualTo((long) MapFixture.DISTRICT.grids().size());
        browser.screenshot("cockpit-map");

        // the panel's own layer switch, as on the map page: each layer's values against the database or fixture
        for (String layer : List.of("open_cases", "risk", "cases")) {
            browser.click(By.cssSelector("#cockpit-map-layers button[data-layer='" + layer + "']"));
            browser.waitUntil(
                    d -> layer.equals(d.findElement(By.id("cockpit-map")).getAttribute("data-layer")));
            Map<String, Integer> expected =
                    switch (layer) {
                        case "open_cases" -> MapFixture.countByGrid(jdbc, "370112", "AND status = 'OPEN'");
                        case "risk" -> RiskFixture.expected(riskGrids, 30);
                        default -> MapFixture.countByGrid(jdbc, "370112", "");
                    };
            assertThat(expected).as(layer).isNotEmpty();
            assertThat(nonZero(layerValues("cockpit-map"))).as(layer).isEqualTo(expected);
            if (layer.equals("risk")) {
                assertThat(browser.text(By.id("cockpit-map-message"))).contains(RiskFixture.MONTH);
                browser.screenshot("cockpit-map-risk");
            }
        }

        // a street's leader: the panel's grids and its risk layer are the street's only
        user("mb_street_leader", Role.LEADER, STREET, null);
        browser.logout();
        browser.login("mb_street_leader");
        browser.open("/cockpit");
        browser.waitUntil(d -> "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-map-state")));
        browser.click(By.cssSelector("#cockpit-map-layers button[data-layer='risk']"));
        browser.waitUntil(d -> "risk".equals(d.findElement(By.id("cockpit-map")).getAttribute("data-layer")));
        List<Map<String, Object>> streetValues = layerValues("cockpit-map");
        assertThat(streetValues).isNotEmpty().allSatisfy(v -> assertThat((String) v.get("code"))
                .startsWith(STREET));
        Map<String, Integer> streetRisk = new java.util.HashMap<>(RiskFixture.expected(riskGrids, 30));
        streetRisk.keySet().removeIf(code -> !code.startsWith(STREET));
        assertThat(nonZero(streetValues)).isEqualTo(streetRisk);
        browser.screenshot("cockpit-map-risk-street");
        browser.logout();
        browser.login("mb_leader");

        browser.open("/map");
        browser.waitUntil(d -> "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-map-state")));
        browser.click(By.id("select-start"));
        browser.click(By.id("select-finish"));
        browser.waitUntil(d -> "ERROR".equals(d.findElement(By.tagName("body")).getAttribute("data-selection-state")));
        assertThat(browser.text(By.id("selection-error"))).contains("缺少多边形顶点");
    }

    @Test
    void theReportFormsPinSetsTheGridByClickOrDragAndTheCasePageShowsItsNeighbours() {
        browser.login("mb_command");
        browser.open("/cases/new");
        browser.waitUntil(d -> "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-pin-map-state")));
        Grid target = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.code().equals("37011200100101"))
                .findFirst()
                .orElseThrow();
        Grid next = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(STREET) && !g.communityCode().equals(target.communityCode()))
                .findFirst()
                .orElseThrow();
        // zoomed in on the two grids (as a reporter would with the wheel), so each is many pixels across
        browser.js(
                "echarts.getInstanceByDom(document.getElementById('pin-map')).setOption({geo: {center:"
                        + " [arguments[0], arguments[1]], zoom: 6}})",
                (target.anchor().getX() + next.anchor().getX()) / 2,
                (target.anchor().getY() + next.anchor().getY()) / 2);
        clickAt("pin-map", target.anchor().getX(), target.anchor().getY());
        browser.waitUntil(d -> "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-pin-state")));
        double[] pin = pin();
        // the grid as JTS places the pin the page holds, with the fixture's polygons
        Grid expected = containing(pin);
        assertThat(expected.code()).isEqualTo(target.code());
        assertThat(browser.find(By.id("gridCode")).getDomProperty("value")).isEqualTo(expected.code());
        assertThat(Double.parseDouble(browser.find(By.id("latitude")).getDomProperty("value")))
                .isEqualTo(pin[1]);
        assertThat(Double.parseDouble(browser.find(By.id("longitude")).getDomProperty("value")))
                .isEqualTo(pin[0]);
        String address = MapFixture.DISTRICT.street(expected.streetCode()).name()
                + MapFixture.DISTRICT.community(expected.communityCode()).name();
        assertThat(browser.find(By.id("address")).getDomProperty("value")).isEqualTo(address);
        browser.screenshot("report-pin");

        // drag the pin into the neighbouring community's grid
        List<Number> from = pixel("pin-map", pin[0], pin[1]);
        List<Number> to = pixel("pin-map", next.anchor().getX(), next.anchor().getY());
        WebElement el = browser.find(By.id("pin-map"));
        // the pin's symbol stands above its point: grab it a little above
        new Actions(browser.driver)
                .moveToElement(el, from.get(0).intValue(), from.get(1).intValue() - 8)
                .clickAndHold()
                .moveByOffset(
                        (to.get(0).intValue() - from.get(0).intValue()) / 2,
                        (to.get(1).intValue() - from.get(1).intValue()) / 2)
                .moveToElement(el, to.get(0).intValue(), to.get(1).intValue() - 8)
                .release()
                .perform();
        browser.waitUntil(
                d -> next.code().equals(d.findElement(By.id("gridCode")).getDomProperty("value"))
                        && "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-pin-state")));
        double[] dragged = pin();
        assertThat(containing(dragged).code()).isEqualTo(next.code());
        assertThat(browser.find(By.id("address")).getDomProperty("value"))
                .isEqualTo(MapFixture.DISTRICT.street(next.streetCode()).name()
                        + MapFixture.DISTRICT.community(next.communityCode()).name());
        browser.screenshot("report-pin-dragged");

        // typed coordinates still work and move the pin
        var e = target.boundary().getEnvelopeInternal();
        double lat = MapFixture.round(e.getMinY() + 0.3 * e.getHeight());
        double lon = MapFixture.round(e.getMinX() + 0.3 * e.getWidth());
        browser.find(By.id("latitude")).clear();
        browser.find(By.id("latitude")).sendKeys(String.valueOf(lat));
        browser.find(By.id("longitude")).clear();
        browser.find(By.id("longitude")).sendKeys(String.valueOf(lon) + org.openqa.selenium.Keys.TAB);
        browser.waitUntil(
                d -> target.code().equals(d.findElement(By.id("gridCode")).getDomProperty("value")));
        assertThat(pin()).containsExactly(lon, lat);

        browser.find(By.id("description")).sendKeys("地图选点测试：井盖缺失");
        browser.click(By.id("report-submit"));
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/cases/[^/]+$")
                && !d.getCurrentUrl().endsWith("/new"));
        String id = browser.driver.getCurrentUrl().replaceAll(".*/cases/", "");
        assertThat(jdbc.queryForObject("SELECT grid_code FROM case_record WHERE id = ?", String.class, id))
                .isEqualTo(target.code());

        // the case page (also the dispatch page) shows the case and the open cases near it, as the API lists them
        MapFixture.plant(login("mb_command"), STREET, 6);
        browser.open("/cases/" + id);
        browser.waitUntil(d -> "OK".equals(d.findElement(By.tagName("body")).getAttribute("data-case-map-state")));
        Set<String> api = new TreeSet<>(login("mb_command")
                .get("/api/map/cases/" + id + "/nearby")
                .get("nearby")
                .findValuesAsText("id"));
        assertThat(api).isNotEmpty();
        Set<String> shown = new TreeSet<>();
        for (WebElement row : browser.all(By.cssSelector("#nearby-cases tbody tr"))) {
            shown.add(row.getAttribute("data-case-id"));
        }
        assertThat(shown).isEqualTo(api);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('case-map')).getOption()"
                        + ".series.filter(function (s) { return s.id === 'nearby'; })[0].data.length"))
                .isEqualTo((long) api.size());
        browser.screenshot("case-map");
        assertThat(browser.policyViolations()).isEmpty();
    }

    private double[] pin() {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) browser.js("return document.getElementById('pin-map').pinMap.pin");
        return new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()};
    }

    private static Grid containing(double[] lonLat) {
        var point = new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(lonLat[0], lonLat[1]));
        List<Grid> hits = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.boundary().covers(point))
                .toList();
        assertThat(hits).as("the pin lies in one grid").hasSize(1);
        return hits.get(0);
    }

    /** Pixels from the chart's centre (Selenium's offsets) of a longitude/latitude, by ECharts' projection. */
    @SuppressWarnings("unchecked")
    private List<Number> pixel(String id, double lon, double lat) {
        return (List<Number>) browser.js(
                "var el = document.getElementById(arguments[0]);"
                        + " var p = echarts.getInstanceByDom(el).convertToPixel({geoIndex: 0}, [arguments[1], arguments[2]]);"
                        + " return [p[0] - el.clientWidth / 2, p[1] - el.clientHeight / 2];",
                id,
                lon,
                lat);
    }

    private void clickAt(String id, double lon, double lat) {
        List<Number> px = pixel(id, lon, lat);
        new Actions(browser.driver)
                .moveToElement(
                        browser.find(By.id(id)), (int) Math.round(px.get(0).doubleValue()), (int)
                                Math.round(px.get(1).doubleValue()))
                .click()
                .perform();
    }

    /** Clicks the map at a longitude/latitude, through ECharts' own projection to pixels. */
    private void clickAt(double lon, double lat) {
        @SuppressWarnings("unchecked")
        List<Number> px = (List<Number>) browser.js(
                "var el = document.getElementById(arguments[0]);"
                        + " var p = echarts.getInstanceByDom(el).convertToPixel({geoIndex: 0}, [arguments[1], arguments[2]]);"
                        + " return [p[0] - el.clientWidth / 2, p[1] - el.clientHeight / 2];",
                MAP,
                lon,
                lat);
        WebElement el = browser.find(By.id(MAP));
        new Actions(browser.driver)
                .moveToElement(el, (int) Math.round(px.get(0).doubleValue()), (int)
                        Math.round(px.get(1).doubleValue()))
                .click()
                .perform();
    }

    /** The alerts the inbox holds for the leader, per grid they were located to. */
    private Map<String, Integer> alertsByGrid() {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (LiveAlert a : inbox.recentFor(new Staff("mb_leader", "mb_leader", Role.LEADER, "370112", null))) {
            if (a.gridCode() != null) {
                out.merge(a.gridCode(), 1, Integer::sum);
            }
        }
        return out;
    }

    private List<Map<String, Object>> layerValues() {
        return layerValues(MAP);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> layerValues(String id) {
        return (List<Map<String, Object>>) browser.js(
                "return echarts.getInstanceByDom(document.getElementById("
                        + "arguments[0])).getOption().series[0].data.map(function (d) { return {code: d.name, value: d.value};"
                        + " });",
                id);
    }

    private static Map<String, Integer> nonZero(List<Map<String, Object>> values) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (Map<String, Object> v : values) {
            int n = ((Number) v.get("value")).intValue();
            if (n != 0) {
                out.put((String) v.get("code"), n);
            }
        }
        return out;
    }
}

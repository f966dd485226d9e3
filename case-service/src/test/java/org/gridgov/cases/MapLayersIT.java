package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.map.GridRisk;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.web.MapFixture;
import org.gridgov.cases.web.RiskFixture;
import org.gridgov.common.district.Grid;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.AlertLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 一张图's remaining layers and the pin (issue 17 parts 4–5) over HTTP: risk per grid from the warehouse, today's
 * alerts as points, the selection's pages, alerts and places, the report form's locate, a case's nearby open cases
 * — each in the district's and in a street's scope, with the expected answers computed here.
 */
class MapLayersIT extends ServiceIT {

    static final String STREET = "370112001";
    static final String OTHER_STREET = "370112002";

    @Autowired
    GridRisk risk;

    @Autowired
    AlertInbox inbox;

    @Autowired
    org.gridgov.cases.map.KeyCompanies keyCompanies;

    @BeforeEach
    void setUp() {
        user("ml_leader", Role.LEADER, "370112", null);
        user("ml_command", Role.COMMAND_CENTER, "370112", null);
        user("ml_street", Role.GRID_CENTER, STREET, null);
        user("ml_worker", Role.GRID_WORKER, "37011200100101", null);
        user(
                "ml_other_worker",
                Role.GRID_WORKER,
                MapFixture.DISTRICT.grids().stream()
                        .filter(g -> g.streetCode().equals(OTHER_STREET))
                        .findFirst()
                        .orElseThrow()
                        .code(),
                null);
    }

    @Test
    void theRiskLayerCountsTheLatestMonthsRedAndOrangePersonsPerGridInTheUsersScope() throws Exception {
        List<Grid> grids = MapFixture.DISTRICT.grids().subList(0, 40);
        try (java.sql.Connection c = TestStack.warehouse().connect()) {
            RiskFixture.seed(c, grids, 60);
        }
        risk.refresh();
        Map<String, Integer> expected = RiskFixture.expected(grids, 60);
        assertThat(expected).isNotEmpty();

        JsonNode all = login("ml_leader").get("/api/map/data").body();
        assertThat(all.get("risk_month").asText()).isEqualTo(RiskFixture.MONTH);
        assertThat(layer(all, "risk")).isEqualTo(expected);
        // 红 and 橙 add up to the layer's value
        all.get("grids").forEach(g -> assertThat(
                        g.get("risk_red").asInt() + g.get("risk_orange").asInt())
                .isEqualTo(g.get("risk").asInt()));

        JsonNode street = login("ml_street").get("/api/map/data").body();
        Map<String, Integer> streetExpected = new HashMap<>(expected);
        streetExpected.keySet().removeIf(code -> !code.startsWith(STREET));
        assertThat(layer(street, "risk")).isEqualTo(streetExpected);
        street.get("grids").forEach(g -> assertThat(g.get("code").asText()).startsWith(STREET));
    }

    @Test
    void keyArrearsCompaniesAreDrawnAtTheirFirstKeyCasesSiteInTheUsersScope() throws Exception {
        Grid inStreet = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(STREET))
                .findFirst()
                .orElseThrow();
        Grid inOther = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(OTHER_STREET))
                .findFirst()
                .orElseThrow();
        String month = "2024-06";
        try (java.sql.Connection c = TestStack.warehouse().connect();
                java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM ads_arrears_key_case WHERE case_id LIKE 'KC-%'");
            st.execute("DELETE FROM ods_arrears_case WHERE case_id LIKE 'KC-%'");
            // 甲: two key cases, the first (by id) in the street; 乙: one in the other street; 丙: a key case
            // with no site in the warehouse (not drawn); 甲's case of the older month does not count
            keyCase(c, month, "KC-1", "甲建筑劳务公司", inStreet);
            keyCase(c, month, "KC-2", "甲建筑劳务公司", inOther);
            keyCase(c, month, "KC-3", "乙建设工程公司", inOther);
            keyCase(c, "2024-05", "KC-0", "甲建筑劳务公司", inOther);
            keyCase(c, month, "KC-4", "丙装饰公司", null);
        }
        keyCompanies.refresh();

        JsonNode all = login("ml_leader").get("/api/map/data").body();
        assertThat(all.get("key_company_month").asText()).isEqualTo(month);
        Map<String, JsonNode> drawn = new HashMap<>();
        all.get("key_companies").forEach(k -> drawn.put(k.get("name").asText(), k));
        assertThat(drawn.keySet()).contains("甲建筑劳务公司", "乙建设工程公司").doesNotContain("丙装饰公司");
        JsonNode jia = drawn.get("甲建筑劳务公司");
        assertThat(jia.get("key_cases").asInt()).isEqualTo(2);
        assertThat(jia.get("case_id").asText()).isEqualTo("KC-1");
        assertThat(jia.get("grid_code").asText()).isEqualTo(inStreet.code());
        assertThat(jia.get("longitude").asDouble()).isEqualTo(inStreet.anchor().getX());
        assertThat(jia.get("latitude").asDouble()).isEqualTo(inStreet.anchor().getY());
        assertThat(drawn.get("乙建设工程公司").get("grid_code").asText()).isEqualTo(inOther.code());

        // a street sees the companies sited in its street only
        JsonNode street = login("ml_street").get("/api/map/data").body();
        List<String> names = street.get("key_companies").findValuesAsText("name");
        assertThat(names).contains("甲建筑劳务公司").doesNotContain("乙建设工程公司");
        street.get("key_companies")
                .forEach(k -> assertThat(k.get("grid_code").asText()).startsWith(STREET));

        // the company's 综合查询 file lists its cases' sites by grid, most cases first
        JsonNode file = login("ml_leader")
                .get("/api/lookup/companies?name="
                        + java.net.URLEncoder.encode("甲建筑劳务公司", java.nio.charset.StandardCharsets.UTF_8)
                        + "&reason="
                        + java.net.URLEncoder.encode("核查欠薪单位项目地点", java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(file.get("places").findValuesAsText("grid_code")).containsExactly(inOther.code(), inStreet.code());
        assertThat(file.get("places").get(0).get("cases").asInt()).isEqualTo(2);
        assertThat(file.get("places").get(1).get("latitude").asDouble())
                .isEqualTo(inStreet.anchor().getY());
    }

    private static void keyCase(java.sql.Connection c, String month, String id, String company, Grid site)
            throws Exception {
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO ads_arrears_key_case (stat_month,"
                + " case_id, report_date, company_name, street_code, street_name, worker_count, amount_yuan, status,"
                + " is_many_workers, is_large_amount, is_long_unresolved, is_repeat_petition, company_petition_cnt,"
                + " reasons, updated_at) VALUES (?, ?, '2024-03-01', ?, ?, '测试街道', 40, 50000, 'OPEN', 1, 0, 0, 0,"
                + " 0, '涉及人数过多', NOW())")) {
            ps.setString(1, month);
            ps.setString(2, id);
            ps.setString(3, company);
            ps.setString(4, site == null ? STREET : site.streetCode());
            ps.executeUpdate();
        }
        if (site == null) {
            return;
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO ods_arrears_case (case_id,"
                + " report_date, schema_version, company_name, worker_count, amount_yuan, complainant_key, latitude,"
                + " longitude, report_time, status) VALUES (?, '2024-03-01', 1, ?, 40, 50000, 'kc-complainant', ?, ?,"
                + " '2024-03-01 09:00:00', 'OPEN')")) {
            ps.setString(1, id);
            ps.setString(2, company);
            ps.setDouble(3, site.anchor().getY());
            ps.setDouble(4, site.anchor().getX());
            ps.executeUpdate();
        }
    }

    @Test
    void aSelectionPagesItsCasesAndListsTheAlertsAndPlacesInside() {
        var command = login("ml_command");
        List<String> planted = MapFixture.plant(command, STREET, 2);
        // an alert about a planted case: located to its grid, drawn at the grid's point
        Alert alert = new Alert(
                1,
                "ml-" + System.nanoTime(),
                "repeat_call",
                AlertLevel.RED,
                planted.get(2),
                List.of(),
                "地图框选预警",
                LocalDateTime.now(clock).withNano(0));
        inbox.accept(alert);
        Grid first = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(STREET))
                .findFirst()
                .orElseThrow();
        var e = first.boundary().getEnvelopeInternal();
        double[][] ring = {
            {e.getMinX() - 1e-4, e.getMinY() - 1e-4},
            {e.getMaxX() + 1e-4, e.getMinY() - 1e-4},
            {e.getMaxX() + 1e-4, e.getMaxY() + 1e-4},
            {e.getMinX() - 1e-4, e.getMaxY() + 1e-4}
        };
        Set<String> inside = MapFixture.casesInside(jdbc, "370112", MapFixture.polygon(ring));
        assertThat(inside).hasSizeGreaterThanOrEqualTo(3);

        var leader = login("ml_leader");
        Set<String> paged = new TreeSet<>();
        List<String> order = new ArrayList<>();
        for (int page = 1; page <= (inside.size() + 1) / 2; page++) {
            var r = leader.post("/api/map/select", Map.of("polygon", toList(ring), "page", page, "page_size", 2));
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.get("total").asInt()).isEqualTo(inside.size());
            r.get("cases").forEach(c -> {
                paged.add(c.get("id").asText());
                order.add(c.get("created_at").asText() + " " + c.get("id").asText());
            });
            if (page == 1) {
                assertThat(r.get("alerts").findValuesAsText("alert_id")).contains(alert.alertId());
                assertThat(r.get("places").findValuesAsText("code"))
                        .contains(first.code(), first.communityCode(), STREET);
                JsonNode grid = placeOf(r.get("places"), first.code());
                assertThat(grid.get("whole").asBoolean()).isTrue();
                assertThat(placeOf(r.get("places"), STREET).get("whole").asBoolean())
                        .isFalse();
            }
        }
        assertThat(paged).isEqualTo(inside);
        List<String> newestFirst = new ArrayList<>(order);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        assertThat(order).isEqualTo(newestFirst);

        // the other street's user sees neither these cases nor the alert
        user("ml_street2", Role.GRID_CENTER, OTHER_STREET, null);
        var other = login("ml_street2").post("/api/map/select", Map.of("polygon", toList(ring)));
        assertThat(other.get("total").asInt()).isZero();
        assertThat(other.get("alerts")).isEmpty();
        assertThat(other.get("places")).isEmpty();

        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("polygon", toList(ring), "page_size", 501),
                Map.<String, Object>of("polygon", toList(ring), "page", 0),
                Map.<String, Object>of("polygon", toList(ring), "page", 1000, "page_size", 500))) {
            var r = leader.post("/api/map/select", bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.text("detail")).contains("page");
        }
    }

    @Test
    void todaysAlertsAreDrawnAtTheirGridsPointInTheUsersScope() {
        String caseId = MapFixture.plant(login("ml_command"), STREET, 1).get(2);
        Alert today = new Alert(
                1,
                "ml-today-" + System.nanoTime(),
                "repeat_call",
                AlertLevel.ORANGE,
                caseId,
                List.of(),
                "今日预警",
                LocalDateTime.now(clock).withNano(0));
        Alert old = new Alert(
                1,
                "ml-old-" + System.nanoTime(),
                "repeat_call",
                AlertLevel.ORANGE,
                caseId,
                List.of(),
                "昨日预警",
                LocalDateTime.now(clock).minusDays(2).withNano(0));
        inbox.accept(today);
        inbox.accept(old);
        String grid = jdbc.queryForObject("SELECT grid_code FROM case_record WHERE id = ?", String.class, caseId);
        Grid g = MapFixture.DISTRICT.grid(grid).orElseThrow();

        JsonNode data = login("ml_leader").get("/api/map/data").body();
        JsonNode point = null;
        for (JsonNode a : data.get("today_alerts")) {
            assertThat(a.get("event_time").asText())
                    .startsWith(LocalDateTime.now(clock).toLocalDate().toString());
            if (a.get("alert_id").asText().equals(today.alertId())) {
                point = a;
            }
        }
        assertThat(point).isNotNull();
        assertThat(point.get("longitude").asDouble()).isEqualTo(g.anchor().getX());
        assertThat(point.get("latitude").asDouble()).isEqualTo(g.anchor().getY());
        assertThat(data.get("today_alerts").findValuesAsText("alert_id")).doesNotContain(old.alertId());

        user("ml_street2", Role.GRID_CENTER, OTHER_STREET, null);
        assertThat(login("ml_street2")
                        .get("/api/map/data")
                        .body()
                        .get("today_alerts")
                        .findValuesAsText("alert_id"))
                .doesNotContain(today.alertId());
    }

    @Test
    void thePinFindsTheGridByJtsAndTheNearestCommunitysAddress() {
        var worker = login("ml_command");
        for (Grid g : List.of(
                MapFixture.DISTRICT.grids().get(0), MapFixture.DISTRICT.grids().get(57))) {
            // a point a fifth into the grid: inside it and no other
            var e = g.boundary().getEnvelopeInternal();
            double lat = e.getMinY() + 0.2 * e.getHeight();
            double lon = e.getMinX() + 0.2 * e.getWidth();
            var r = worker.get("/api/map/locate?latitude=" + lat + "&longitude=" + lon);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            assertThat(r.text("grid_code")).isEqualTo(g.code());
            String community = MapFixture.DISTRICT.community(g.communityCode()).name();
            String street = MapFixture.DISTRICT.street(g.streetCode()).name();
            assertThat(r.text("community_name")).isEqualTo(community);
            assertThat(r.text("address")).isEqualTo(street + community);
        }
        var outside = worker.get("/api/map/locate?latitude=30.0&longitude=110.0");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.text("detail")).contains("不在");
        assertThat(worker.get("/api/map/locate?latitude=abc&longitude=117").status())
                .isEqualTo(400);
        assertThat(worker.get("/api/map/locate?longitude=117").status()).isEqualTo(400);
        // a grid worker places a pin in their own grid only, as their report would be checked
        Grid own = MapFixture.DISTRICT.grid("37011200100101").orElseThrow();
        Grid foreign = MapFixture.DISTRICT.grids().get(57);
        var gridWorker = login("ml_worker");
        assertThat(gridWorker
                        .get("/api/map/locate?latitude=" + own.anchor().getY() + "&longitude="
                                + own.anchor().getX())
                        .text("grid_code"))
                .isEqualTo(own.code());
        var refused = gridWorker.get("/api/map/locate?latitude="
                + foreign.anchor().getY() + "&longitude=" + foreign.anchor().getX());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("不在本人辖区");
        // a leader does not report
        assertThat(login("ml_leader")
                        .get("/api/map/locate?latitude=" + own.anchor().getY() + "&longitude="
                                + own.anchor().getX())
                        .status())
                .isEqualTo(403);
        // the outlines the pin is placed on: every grid of the district, for a grid worker too
        JsonNode fc = gridWorker.get("/api/map/district.geojson").body();
        assertThat(fc.get("features").findValuesAsText("level").stream()
                        .filter("GRID"::equals)
                        .count())
                .isEqualTo(MapFixture.DISTRICT.grids().size());
    }

    @Test
    void aCasesMapListsTheOpenCasesNearItThatTheUserMaySee() {
        var command = login("ml_command");
        List<String> planted = MapFixture.plant(command, STREET, 3);
        String caseId = planted.get(0);
        var r = command.get("/api/map/cases/" + caseId + "/nearby");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode self = r.get("map_case");
        double lat = self.get("latitude").asDouble();
        double lon = self.get("longitude").asDouble();
        // every open case of the district placed within 1,000 m, by the haversine formula written out here
        Set<String> expected = new TreeSet<>();
        jdbc.query(
                "SELECT id, grid_code, latitude, longitude FROM case_record WHERE status = 'OPEN' AND id <> ?",
                rs -> {
                    Grid g = MapFixture.DISTRICT.grid(rs.getString("grid_code")).orElseThrow();
                    double y = rs.getObject("latitude") == null ? g.anchor().getY() : rs.getDouble("latitude");
                    double x = rs.getObject("longitude") == null ? g.anchor().getX() : rs.getDouble("longitude");
                    double p1 = Math.toRadians(lat);
                    double p2 = Math.toRadians(y);
                    double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                            + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(x - lon) / 2), 2);
                    if (2 * 6_371_008.8 * Math.asin(Math.sqrt(a)) <= 1_000) {
                        expected.add(rs.getString("id"));
                    }
                },
                caseId);
        Set<String> listed = new TreeSet<>(r.get("nearby").findValuesAsText("id"));
        assertThat(expected).as("the planted neighbours").isNotEmpty();
        assertThat(listed).isEqualTo(expected);
        List<Integer> distances = r.get("nearby").findValues("distance_metres").stream()
                .map(JsonNode::asInt)
                .toList();
        assertThat(distances).isSorted();

        // a grid worker of another street may not see the case: refused and audited
        var foreign = login("ml_other_worker").get("/api/map/cases/" + caseId + "/nearby");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE username = 'ml_other_worker'" + " AND outcome = 'DENIED'",
                        Integer.class))
                .isPositive();
    }

    private static JsonNode placeOf(JsonNode places, String code) {
        for (JsonNode p : places) {
            if (p.get("code").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no place " + code);
    }

    private static Map<String, Integer> layer(JsonNode data, String field) {
        Map<String, Integer> out = new HashMap<>();
        data.get("grids").forEach(g -> {
            if (g.get(field).asInt() != 0) {
                out.put(g.get("code").asText(), g.get(field).asInt());
            }
        });
        return out;
    }

    private static List<List<Double>> toList(double[][] ring) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] v : ring) {
            out.add(List.of(v[0], v[1]));
        }
        return out;
    }
}

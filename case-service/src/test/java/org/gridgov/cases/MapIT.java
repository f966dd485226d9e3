package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.web.MapFixture;
import org.gridgov.common.district.Grid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 一张图 over HTTP: the GeoJSON and figures per scope, the JTS selection against our own count, refusals. */
class MapIT extends ServiceIT {

    static final String STREET = "370112001";
    static final String OTHER_STREET = "370112002";
    static final String GRID = "37011200100101";

    @BeforeEach
    void setUp() {
        user("map_leader", Role.LEADER, "370112", null);
        user("map_command", Role.COMMAND_CENTER, "370112", null);
        user("map_street", Role.GRID_CENTER, STREET, null);
        user("map_worker", Role.GRID_WORKER, GRID, null);
    }

    @Test
    void theDistrictSeesEveryGridAndDissolvedBoundariesAStreetOnlyItsOwn() {
        JsonNode all = login("map_leader").get("/api/map/grids.geojson").body();
        assertThat(all.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(levels(all, "GRID")).hasSize(MapFixture.DISTRICT.grids().size());
        assertThat(levels(all, "STREET")).hasSize(MapFixture.DISTRICT.streets().size());
        assertThat(levels(all, "COMMUNITY"))
                .hasSize(MapFixture.DISTRICT.communities().size());

        JsonNode street = login("map_street").get("/api/map/grids.geojson").body();
        Set<String> expected = new TreeSet<>(MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(STREET))
                .map(Grid::code)
                .toList());
        assertThat(new TreeSet<>(levels(street, "GRID"))).isEqualTo(expected);
        assertThat(levels(street, "STREET")).containsExactly(STREET);
    }

    @Test
    void aSelectionListsExactlyTheCasesJtsFindsInsideAndOnlyInsideTheUsersArea() {
        var command = login("map_command");
        MapFixture.plant(command, STREET, 3);
        MapFixture.plant(command, OTHER_STREET, 1);
        // a polygon over both streets' first grids
        var a = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(STREET))
                .findFirst()
                .orElseThrow()
                .boundary()
                .getEnvelopeInternal();
        var b = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(OTHER_STREET))
                .findFirst()
                .orElseThrow()
                .boundary()
                .getEnvelopeInternal();
        double[][] ring = {
            {Math.min(a.getMinX(), b.getMinX()), Math.min(a.getMinY(), b.getMinY())},
            {Math.max(a.getMaxX(), b.getMaxX()), Math.min(a.getMinY(), b.getMinY())},
            {Math.max(a.getMaxX(), b.getMaxX()), Math.max(a.getMaxY(), b.getMaxY())},
            {Math.min(a.getMinX(), b.getMinX()), Math.max(a.getMaxY(), b.getMaxY()) - 0.001}
        };
        Map<String, Object> body = Map.of("polygon", toList(ring));

        Set<String> district = MapFixture.casesInside(jdbc, "370112", MapFixture.polygon(ring));
        Set<String> street = MapFixture.casesInside(jdbc, STREET, MapFixture.polygon(ring));
        assertThat(street).hasSizeGreaterThanOrEqualTo(3).hasSizeLessThan(district.size());

        var all = login("map_leader").post("/api/map/select", body);
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.get("total").asInt()).isEqualTo(district.size());
        assertThat(ids(all.get("cases"))).isEqualTo(district);

        var mine = login("map_street").post("/api/map/select", body);
        assertThat(mine.get("total").asInt()).isEqualTo(street.size());
        assertThat(ids(mine.get("cases"))).isEqualTo(street);
    }

    @Test
    void badPolygonsAre4xxWithTheirReason() {
        var leader = login("map_leader");
        var bowTie = leader.post(
                "/api/map/select",
                Map.of(
                        "polygon",
                        List.of(
                                List.of(117.0, 36.6),
                                List.of(117.1, 36.7),
                                List.of(117.1, 36.6),
                                List.of(117.0, 36.7))));
        assertThat(bowTie.status()).isEqualTo(400);
        assertThat(bowTie.text("detail")).contains("自相交");

        List<List<Double>> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double t = 2 * Math.PI * i / 500;
            many.add(List.of(117 + 0.01 * Math.cos(t), 36.6 + 0.01 * Math.sin(t)));
        }
        var tooMany = leader.post("/api/map/select", Map.of("polygon", many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text("detail")).contains("顶点过多");

        var missing = leader.post("/api/map/select", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("detail")).contains("缺少");

        var text = leader.post("/api/map/select", Map.of("polygon", List.of(List.of("117", "36"))));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.raw()).doesNotContain("Exception", "jackson", "org.");

        String huge = "{\"polygon\": [" + "[117.0, 36.6],".repeat(100_000) + "[117.0, 36.6]]}";
        var tooLarge = api.sendRaw(HttpRequest.newBuilder(URI.create(api.base() + "/api/map/select"))
                .header("Authorization", "Bearer " + leader.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(huge))
                .build());
        assertThat(tooLarge.status()).isEqualTo(413);
    }

    @Test
    void belowStreetLevelTheMapIsRefusedAndAudited() {
        var worker = login("map_worker");
        for (String path : List.of("/api/map/grids.geojson", "/api/map/data")) {
            var r = worker.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.text("detail")).contains("街道");
        }
        var select = worker.post(
                "/api/map/select",
                Map.of("polygon", List.of(List.of(117.0, 36.6), List.of(117.1, 36.6), List.of(117.1, 36.7))));
        assertThat(select.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_log WHERE username = 'map_worker'"
                                + " AND target_type = 'MAP' AND outcome = 'DENIED'",
                        Integer.class))
                .isGreaterThanOrEqualTo(3);

        var street = login("map_street");
        String foreign = MapFixture.DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(OTHER_STREET))
                .findFirst()
                .orElseThrow()
                .code();
        assertThat(street.get("/api/map/grids/" + foreign + "/cases").status()).isEqualTo(403);
        assertThat(street.get("/api/map/grids/" + GRID + "/cases").status()).isEqualTo(200);
    }

    private static List<String> levels(JsonNode fc, String level) {
        List<String> out = new ArrayList<>();
        fc.get("features").forEach(f -> {
            if (f.get("properties").get("level").asText().equals(level)) {
                out.add(f.get("properties").get("code").asText());
            }
        });
        return out;
    }

    private static Set<String> ids(JsonNode cases) {
        Set<String> out = new TreeSet<>();
        cases.forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    private static List<List<Double>> toList(double[][] ring) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] p : ring) {
            out.add(List.of(p[0], p[1]));
        }
        return out;
    }
}

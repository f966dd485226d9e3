package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.cases.Api;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases planted for the map tests, and what the map must show computed here from the database with JTS — not by
 * the service's own code: each case at its latitude/longitude, or its grid's interior point when it has none.
 */
public final class MapFixture {

    public static final District DISTRICT = District.licheng();
    static final GeometryFactory GEOMETRY = new GeometryFactory();

    private MapFixture() {}

    /**
     * Reports two cases by point near the south-west corner of each of the first {@code grids} grids and one by grid
     * code only; returns the ids.
     */
    public static List<String> plant(Api.Session reporter, String streetCode, int grids) {
        List<String> ids = new ArrayList<>();
        List<Grid> chosen = DISTRICT.grids().stream()
                .filter(g -> g.streetCode().equals(streetCode))
                .limit(grids)
                .toList();
        for (Grid g : chosen) {
            var env = g.boundary().getEnvelopeInternal();
            for (double f : new double[] {0.2, 0.7}) {
                Map<String, Object> report = new HashMap<>(Map.of(
                        "description",
                        "地图测试：路灯不亮 " + g.name(),
                        "channel",
                        "HOTLINE",
                        "category_code",
                        "C0101",
                        "latitude",
                        round(env.getMinY() + f * env.getHeight()),
                        "longitude",
                        round(env.getMinX() + f * env.getWidth())));
                var r = reporter.post("/api/cases", report);
                assertThat(r.status()).as(r.raw()).isEqualTo(201);
                ids.add(r.text("id"));
            }
            var r = reporter.post(
                    "/api/cases",
                    new HashMap<>(Map.of(
                            "description",
                            "地图测试：按网格上报 " + g.name(),
                            "channel",
                            "HOTLINE",
                            "category_code",
                            "C0101",
                            "grid_code",
                            g.code())));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            ids.add(r.text("id"));
        }
        return ids;
    }

    /** The stored DECIMAL(9,6) keeps six places; the fixture's points have no more, so both sides place them alike. */
    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    public static Polygon polygon(double[][] lonLat) {
        Coordinate[] cs = new Coordinate[lonLat.length + 1];
        for (int i = 0; i < lonLat.length; i++) {
            cs[i] = new Coordinate(lonLat[i][0], lonLat[i][1]);
        }
        cs[lonLat.length] = cs[0];
        return GEOMETRY.createPolygon(cs);
    }

    /** The ids of every case in {@code scope} (an area code prefix) whose map point the polygon covers. */
    public static Set<String> casesInside(JdbcTemplate jdbc, String scope, Polygon polygon) {
        Set<String> ids = new TreeSet<>();
        jdbc.query(
                "SELECT id, grid_code, latitude, longitude FROM case_record WHERE grid_code LIKE ?",
                rs -> {
                    Grid g = DISTRICT.grid(rs.getString("grid_code")).orElseThrow();
                    double lat = rs.getObject("latitude") == null ? g.anchor().getY() : rs.getDouble("latitude");
                    double lon = rs.getObject("longitude") == null ? g.anchor().getX() : rs.getDouble("longitude");
                    if (polygon.covers(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
                        ids.add(rs.getString("id"));
                    }
                },
                scope + "%");
        return ids;
    }

    /** Cases per grid of the scope, and open cases past their due time per grid, as the database holds them. */
    public static Map<String, Integer> countByGrid(JdbcTemplate jdbc, String scope, String extraWhere, Object... args) {
        Map<String, Integer> out = new HashMap<>();
        List<Object> all = new ArrayList<>(List.of(scope + "%"));
        all.addAll(List.of(args));
        jdbc.query(
                "SELECT grid_code, COUNT(*) AS n FROM case_record WHERE grid_code LIKE ? " + extraWhere
                        + " GROUP BY grid_code",
                rs -> {
                    out.put(rs.getString("grid_code"), rs.getInt("n"));
                },
                all.toArray());
        return out;
    }
}

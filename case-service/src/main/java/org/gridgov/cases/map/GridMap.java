package org.gridgov.cases.map;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.inbox.LiveAlert;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Grid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 一张图: the district's own grid polygons ({@link AreaDirectory}, the same geometry the report form locates points
 * in) as GeoJSON, with street and community boundaries dissolved from their grids by a JTS union; per grid figures
 * (cases, overdue open cases, alerts in the inbox) and the open cases as points; and the cases inside a polygon the
 * user drew ({@link SelectionPolygon}). Who may look is the cockpit's permission ({@link Action#COCKPIT_VIEW}: a
 * district or a street user, refused and audited otherwise); what they see is cut to their area, grid by grid.
 * A case is placed at its reported latitude/longitude, or at its grid's interior point when it was reported by grid
 * or address only — the same point for the map, the grid figures and the selection, so their counts agree.
 */
@Component
public class GridMap {

    /** Open-case points and selection rows returned at most; the totals are always complete. */
    public static final int MAX_ROWS = 2_000;

    private final AreaDirectory areas;
    private final JdbcTemplate jdbc;
    private final AlertInbox inbox;
    private final Refusals refusals;
    private final Clock clock;
    /** Dissolved boundaries never change while the service runs: computed once. */
    private final Map<String, Geometry> dissolved;
    /**
     * Each grid widened by 1e-6° (about 10 cm): a reported point is stored with six decimals, which can move it a
     * hair past its grid's edge; the selection reads the grids the polygon touches, widened so it still finds it.
     */
    private final Map<String, Geometry> widened;

    public GridMap(AreaDirectory areas, JdbcTemplate jdbc, AlertInbox inbox, Refusals refusals, Clock clock) {
        this.areas = areas;
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.refusals = refusals;
        this.clock = clock;
        this.dissolved = dissolve(areas.district().grids());
        this.widened = areas.district().grids().stream()
                .collect(Collectors.toMap(Grid::code, g -> g.boundary().buffer(1e-6)));
    }

    /**
     * Snapping for the union: the grids' corners are computed in floating point, so neighbours' shared edges can
     * differ in the last bits and a plain union leaves slivers (a street in two pieces). 1e-7° is about 1 cm.
     */
    private static final PrecisionModel SNAP = new PrecisionModel(1e7);

    /** Street (9 digits) and community (12 digits) boundaries as the union of their grids. */
    static Map<String, Geometry> dissolve(Collection<Grid> grids) {
        Map<String, List<Geometry>> parts = new TreeMap<>();
        for (Grid g : grids) {
            parts.computeIfAbsent(g.streetCode(), k -> new ArrayList<>()).add(g.boundary());
            parts.computeIfAbsent(g.communityCode(), k -> new ArrayList<>()).add(g.boundary());
        }
        Map<String, Geometry> out = new LinkedHashMap<>();
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
        parts.forEach((code, polygons) -> out.put(code,
                UnaryUnionNG.union(factory.buildGeometry(polygons), SNAP)));
        return out;
    }

    private Staff require(Staff staff) {
        refusals.require(staff, Action.COCKPIT_VIEW, Target.nothing(), "MAP", staff.scopeCode());
        return staff;
    }

    /** The grids in the user's area. */
    public List<Grid> gridsOf(Staff staff) {
        require(staff);
        return areas.district().grids().stream().filter(g -> staff.covers(g.code())).toList();
    }

    /**
     * A GeoJSON FeatureCollection: one feature per grid in the user's area ({@code level} GRID, {@code code},
     * {@code name}, {@code community}, {@code street}), then the dissolved COMMUNITY and STREET boundaries.
     */
    public Map<String, Object> geoJson(Staff staff) {
        List<Grid> grids = gridsOf(staff);
        List<Object> features = new ArrayList<>();
        for (Grid g : grids) {
            features.add(feature(g.boundary(), Map.of("level", "GRID", "code", g.code(), "name", g.name(),
                    "community", g.communityCode(), "street", g.streetCode())));
        }
        for (Map.Entry<String, Geometry> e : dissolved.entrySet()) {
            String code = e.getKey();
            // a street user gets their street and its communities; a district user every one
            if (grids.stream().anyMatch(g -> g.code().startsWith(code))) {
                features.add(feature(e.getValue(), Map.of("level", code.length() == 9 ? "STREET" : "COMMUNITY",
                        "code", code, "name", areas.name(code))));
            }
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    private static Map<String, Object> feature(Geometry geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("properties", properties);
        f.put("geometry", geometry(geometry));
        return f;
    }

    /** Polygon or MultiPolygon as GeoJSON (RFC 7946: longitude first, exterior ring then holes). */
    static Map<String, Object> geometry(Geometry geometry) {
        if (geometry instanceof Polygon p) {
            return Map.of("type", "Polygon", "coordinates", rings(p));
        }
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            polygons.add(rings((Polygon) geometry.getGeometryN(i)));
        }
        return Map.of("type", "MultiPolygon", "coordinates", polygons);
    }

    private static List<Object> rings(Polygon p) {
        List<Object> rings = new ArrayList<>();
        rings.add(ring(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(ring(p.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static List<double[]> ring(Coordinate[] cs) {
        List<double[]> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            out.add(new double[] {c.x, c.y});
        }
        return out;
    }

    // ---------------------------------------------------------------- figures

    /** A case on the map: where it is drawn and counted. */
    public record MapCase(String id, String title, String categoryName, String status, String gridCode,
                          String gridName, boolean overdue, LocalDateTime createdAt, double longitude,
                          double latitude) {
    }

    /** One grid's figures; {@code risk} is not here: the warehouse scores persons, not grids (see the README). */
    public record GridFigures(String code, String name, int cases, int openCases, int overdue, int alerts) {
    }

    /** Per-grid figures for every grid of the user's area (zeros included), and the open cases as points. */
    public record MapData(List<GridFigures> grids, List<MapCase> openCases, int openCaseCount,
                          List<LiveAlert> alerts) {
    }

    public MapData data(Staff staff) {
        List<Grid> grids = gridsOf(staff);
        // one aggregate over the area (idx_case_area_created), not a row per case
        Map<String, int[]> counts = new HashMap<>();
        jdbc.query("SELECT grid_code, COUNT(*) AS n, SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END) AS open_n,"
                + " SUM(CASE WHEN status = 'OPEN' AND due_at < ? THEN 1 ELSE 0 END) AS overdue_n"
                + " FROM case_record WHERE grid_code LIKE ? GROUP BY grid_code", rs -> {
                    counts.put(rs.getString("grid_code"),
                            new int[] {rs.getInt("n"), rs.getInt("open_n"), rs.getInt("overdue_n")});
                }, Timestamp.valueOf(LocalDateTime.now(clock)), staff.scopeCode() + "%");
        List<LiveAlert> alerts = AlertInbox.mayRead(staff) ? inbox.recentFor(staff) : List.of();
        Map<String, Long> alertCounts = alerts.stream().filter(a -> a.gridCode() != null)
                .collect(Collectors.groupingBy(LiveAlert::gridCode, Collectors.counting()));
        List<GridFigures> figures = grids.stream().map(g -> {
            int[] n = counts.getOrDefault(g.code(), new int[3]);
            return new GridFigures(g.code(), g.name(), n[0], n[1], n[2],
                    alertCounts.getOrDefault(g.code(), 0L).intValue());
        }).toList();
        int open = figures.stream().mapToInt(GridFigures::openCases).sum();
        List<MapCase> points = casesWhere(staff, "grid_code LIKE ? AND status = 'OPEN'", MAX_ROWS,
                staff.scopeCode() + "%");
        return new MapData(figures, points, open, alerts.stream().filter(a -> a.gridCode() != null).toList());
    }

    /** The cases of one grid, newest first, as the grid's list on the map. */
    public List<MapCase> casesOfGrid(Staff staff, String gridCode) {
        require(staff);
        if (areas.grid(gridCode).isEmpty() || !staff.covers(gridCode)) {
            throw refusals.refuse(staff, "MAP", "GRID", gridCode, "网格 " + gridCode + " 不在本账号辖区内");
        }
        return casesWhere(staff, "grid_code = ?", MAX_ROWS, gridCode);
    }

    private List<MapCase> casesWhere(Staff staff, String where, int limit, Object... args) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Grid> grids = areas.district().grids().stream()
                .collect(Collectors.toMap(Grid::code, Function.identity()));
        List<MapCase> out = new ArrayList<>();
        jdbc.query("SELECT id, title, category_name, status, grid_code, due_at, created_at, latitude, longitude"
                + " FROM case_record WHERE " + where + " ORDER BY created_at DESC, id LIMIT " + limit, rs -> {
                    Grid g = grids.get(rs.getString("grid_code"));
                    if (g == null || !staff.covers(g.code())) {
                        return;
                    }
                    Point anchor = g.anchor();
                    double lat = rs.getObject("latitude") == null ? anchor.getY() : rs.getDouble("latitude");
                    double lon = rs.getObject("longitude") == null ? anchor.getX() : rs.getDouble("longitude");
                    String status = rs.getString("status");
                    Timestamp due = rs.getTimestamp("due_at");
                    boolean overdue = "OPEN".equals(status) && due != null && due.toLocalDateTime().isBefore(now);
                    out.add(new MapCase(rs.getString("id"), rs.getString("title"), rs.getString("category_name"),
                            status, g.code(), g.name(), overdue, rs.getTimestamp("created_at").toLocalDateTime(),
                            lon, lat));
                }, args);
        return out;
    }

    // ---------------------------------------------------------------- selection

    /** The cases inside a drawn polygon: their total and the first {@link #MAX_ROWS}. */
    public record Selection(int total, Map<String, Integer> byGrid, List<MapCase> cases) {
    }

    /**
     * A case's point lies in its own grid (reported points are located to their grid; the others sit at the grid's
     * interior point), so only the grids the polygon touches are read, each whole: grids inside the polygon count
     * every case, edge grids are tested case by case.
     */
    public Selection select(Staff staff, SelectionPolygon polygon) {
        List<Grid> touched = gridsOf(staff).stream().filter(g -> polygon.intersects(widened.get(g.code()))).toList();
        List<MapCase> inside = new ArrayList<>();
        int total = 0;
        Map<String, Integer> byGrid = new TreeMap<>();
        for (Grid g : touched) {
            List<MapCase> cases = casesWhere(staff, "grid_code = ?", Integer.MAX_VALUE, g.code());
            for (MapCase c : cases) {
                if (polygon.covers(c.longitude(), c.latitude())) {
                    total++;
                    byGrid.merge(g.code(), 1, Integer::sum);
                    if (inside.size() < MAX_ROWS) {
                        inside.add(c);
                    }
                }
            }
        }
        return new Selection(total, byGrid, inside);
    }
}

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
import java.util.stream.Collectors;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.inbox.LiveAlert;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Grid;
import org.gridgov.common.pii.PiiProtector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
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
    private final GridRisk risk;
    private final KeyCompanies keyCompanies;
    /** Dissolved boundaries never change while the service runs: computed once. */
    private final Map<String, Geometry> dissolved;
    /**
     * Each grid widened by 1e-6° (about 10 cm): a reported point is stored with six decimals, which can move it a
     * hair past its grid's edge; the selection reads the grids the polygon touches, widened so it still finds it.
     */
    private final Map<String, Geometry> widened;

    public GridMap(
            AreaDirectory areas,
            JdbcTemplate jdbc,
            AlertInbox inbox,
            Refusals refusals,
            Clock clock,
            GridRisk risk,
            KeyCompanies keyCompanies) {
        this.keyCompanies = keyCompanies;
        this.areas = areas;
        this.risk = risk;
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
        parts.forEach((code, polygons) -> out.put(code, UnaryUnionNG.union(factory.buildGeometry(polygons), SNAP)));
        return out;
    }

    /** The dissolved street and community boundaries by code (for {@link ReportMap}). */
    Map<String, Geometry> dissolved() {
        return dissolved;
    }

    /** The row as a map case (for {@link ReportMap}, which reads the same columns). */
    MapCase toMapCase(java.sql.ResultSet rs, LocalDateTime now) throws java.sql.SQLException {
        return mapCase(rs, now);
    }

    private Staff require(Staff staff) {
        refusals.require(staff, Action.COCKPIT_VIEW, Target.nothing(), "MAP", staff.scopeCode());
        return staff;
    }

    /** The grids in the user's area. */
    public List<Grid> gridsOf(Staff staff) {
        require(staff);
        return areas.district().grids().stream()
                .filter(g -> staff.covers(g.code()))
                .toList();
    }

    /**
     * A GeoJSON FeatureCollection: one feature per grid in the user's area ({@code level} GRID, {@code code},
     * {@code name}, {@code community}, {@code street}), then the dissolved COMMUNITY and STREET boundaries.
     */
    public Map<String, Object> geoJson(Staff staff) {
        List<Grid> grids = gridsOf(staff);
        List<Object> features = new ArrayList<>();
        for (Grid g : grids) {
            features.add(feature(
                    g.boundary(),
                    Map.of(
                            "level",
                            "GRID",
                            "code",
                            g.code(),
                            "name",
                            g.name(),
                            "community",
                            g.communityCode(),
                            "street",
                            g.streetCode())));
        }
        for (Map.Entry<String, Geometry> e : dissolved.entrySet()) {
            String code = e.getKey();
            // a street user gets their street and its communities; a district user every one
            if (grids.stream().anyMatch(g -> g.code().startsWith(code))) {
                features.add(feature(
                        e.getValue(),
                        Map.of(
                                "level",
                                code.length() == 9 ? "STREET" : "COMMUNITY",
                                "code",
                                code,
                                "name",
                                areas.name(code))));
            }
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    static Map<String, Object> feature(Geometry geometry, Map<String, Object> properties) {
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
    public record MapCase(
            String id,
            String title,
            String categoryName,
            String status,
            String gridCode,
            String gridName,
            boolean overdue,
            LocalDateTime createdAt,
            double longitude,
            double latitude) {}

    /**
     * One grid's figures; {@code risk} is its 重点人员 (persons scored 红 or 橙 with a record in the grid,
     * {@link GridRisk}), {@code riskRed}, {@code riskOrange} and {@code riskTop} their split and highest score.
     */
    public record GridFigures(
            String code,
            String name,
            int cases,
            int openCases,
            int overdue,
            int alerts,
            int risk,
            int riskRed,
            int riskOrange,
            double riskTop) {}

    /** An alert of the inbox drawn at its grid's interior point (an alert knows its grid, not a point). */
    public record MapAlert(
            String alertId,
            String rule,
            String level,
            String levelLabel,
            String message,
            LocalDateTime eventTime,
            String gridCode,
            String areaName,
            double longitude,
            double latitude) {}

    /**
     * Per-grid figures for every grid of the user's area (zeros included), the open cases as points, the alerts
     * located to a grid, today's of them as points, and the warehouse month the risk layer was read from (null: no
     * scores in the warehouse, or none configured); the 清欠重点单位 at their key cases' sites ({@link KeyCompanies}) and
     * the month of those key cases.
     */
    public record MapData(
            List<GridFigures> grids,
            List<MapCase> openCases,
            int openCaseCount,
            List<LiveAlert> alerts,
            List<MapAlert> todayAlerts,
            String riskMonth,
            List<KeyCompanies.KeyCompany> keyCompanies,
            String keyCompanyMonth) {}

    public MapData data(Staff staff) {
        List<Grid> grids = gridsOf(staff);
        // one aggregate over the area (idx_case_area_created), not a row per case
        Map<String, int[]> counts = new HashMap<>();
        jdbc.query(
                "SELECT grid_code, COUNT(*) AS n, SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END) AS open_n,"
                        + " SUM(CASE WHEN status = 'OPEN' AND due_at < ? THEN 1 ELSE 0 END) AS overdue_n"
                        + " FROM case_record WHERE grid_code LIKE ? GROUP BY grid_code",
                rs -> {
                    counts.put(
                            rs.getString("grid_code"),
                            new int[] {rs.getInt("n"), rs.getInt("open_n"), rs.getInt("overdue_n")});
                },
                Timestamp.valueOf(LocalDateTime.now(clock)),
                staff.scopeCode() + "%");
        List<LiveAlert> alerts = AlertInbox.mayRead(staff) ? inbox.recentFor(staff) : List.of();
        Map<String, Long> alertCounts = alerts.stream()
                .filter(a -> a.gridCode() != null)
                .collect(Collectors.groupingBy(LiveAlert::gridCode, Collectors.counting()));
        GridRisk.Snapshot risk = this.risk.current();
        List<GridFigures> figures = grids.stream()
                .map(g -> {
                    int[] n = counts.getOrDefault(g.code(), new int[3]);
                    GridRisk.Figures r = risk.byGrid().getOrDefault(g.code(), new GridRisk.Figures(0, 0, 0));
                    return new GridFigures(
                            g.code(),
                            g.name(),
                            n[0],
                            n[1],
                            n[2],
                            alertCounts.getOrDefault(g.code(), 0L).intValue(),
                            r.persons(),
                            r.red(),
                            r.orange(),
                            r.topScore());
                })
                .toList();
        int open = figures.stream().mapToInt(GridFigures::openCases).sum();
        List<MapCase> points =
                casesWhere(staff, "grid_code LIKE ? AND status = 'OPEN'", MAX_ROWS, staff.scopeCode() + "%");
        java.time.LocalDate today = LocalDateTime.now(clock).toLocalDate();
        List<MapAlert> todays = alertPoints(staff).stream()
                .filter(a ->
                        a.eventTime() != null && a.eventTime().toLocalDate().equals(today))
                .toList();
        KeyCompanies.Snapshot companies = keyCompanies.forStaff(staff);
        return new MapData(
                figures,
                points,
                open,
                alerts.stream().filter(a -> a.gridCode() != null).toList(),
                todays,
                risk.month(),
                companies.companies(),
                companies.month());
    }

    /** The inbox's alerts the user may read that are located to a grid of their area, at the grid's point. */
    private List<MapAlert> alertPoints(Staff staff) {
        if (!AlertInbox.mayRead(staff)) {
            return List.of();
        }
        List<MapAlert> out = new ArrayList<>();
        for (LiveAlert a : inbox.recentFor(staff)) {
            Grid g = areas.grid(a.gridCode()).orElse(null);
            if (g != null && staff.covers(g.code())) {
                out.add(new MapAlert(
                        a.alertId(),
                        a.rule(),
                        a.level(),
                        a.levelLabel(),
                        a.message(),
                        a.eventTime(),
                        g.code(),
                        a.areaName(),
                        g.anchor().getX(),
                        g.anchor().getY()));
            }
        }
        return out;
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
        List<MapCase> out = new ArrayList<>();
        jdbc.query(
                "SELECT id, title, category_name, status, grid_code, due_at, created_at, latitude, longitude"
                        + " FROM case_record WHERE " + where + " ORDER BY created_at DESC, id LIMIT " + limit,
                rs -> {
                    MapCase c = mapCase(rs, now);
                    if (c != null && staff.covers(c.gridCode())) {
                        out.add(c);
                    }
                },
                args);
        return out;
    }

    /** The row as a map case, placed at its point or its grid's interior point; null for an unknown grid. */
    private MapCase mapCase(java.sql.ResultSet rs, LocalDateTime now) throws java.sql.SQLException {
        Grid g = areas.grid(rs.getString("grid_code")).orElse(null);
        if (g == null) {
            return null;
        }
        Point anchor = g.anchor();
        double lat = rs.getObject("latitude") == null ? anchor.getY() : rs.getDouble("latitude");
        double lon = rs.getObject("longitude") == null ? anchor.getX() : rs.getDouble("longitude");
        String status = rs.getString("status");
        Timestamp due = rs.getTimestamp("due_at");
        boolean overdue =
                "OPEN".equals(status) && due != null && due.toLocalDateTime().isBefore(now);
        // the map shows many cases at once, to everyone in the area: ID and phone numbers typed into a title are
        // masked there, as in case events
        return new MapCase(
                rs.getString("id"),
                PiiProtector.redact(rs.getString("title")),
                rs.getString("category_name"),
                status,
                g.code(),
                g.name(),
                overdue,
                rs.getTimestamp("created_at").toLocalDateTime(),
                lon,
                lat);
    }

    // ---------------------------------------------------------------- selection

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 500;
    /** How deep the pages go (as Open311's lists): the totals stay complete beyond it. */
    public static final int MAX_DEPTH = 10_000;

    /** A grid, community or street the polygon reaches: {@code whole} when it lies entirely inside. */
    public record Place(String level, String code, String name, boolean whole) {}

    /**
     * The cases inside a drawn polygon: their complete {@code total} and count per grid, one page of them newest
     * first, the inbox's alerts whose grid point is inside, and the grids and communities the polygon reaches.
     */
    public record Selection(
            int total,
            Map<String, Integer> byGrid,
            int page,
            int pageSize,
            List<MapCase> cases,
            List<MapAlert> alerts,
            List<Place> places) {}

    /** A selected case's sort key: newest first, then id descending (the index order, see V50). */
    private record Key(String id, LocalDateTime createdAt) {
        static final java.util.Comparator<Key> NEWEST = java.util.Comparator.comparing(Key::createdAt)
                .thenComparing(Key::id)
                .reversed();
    }

    /**
     * A case's point lies in its own grid (reported points are located to their grid; the others sit at the grid's
     * interior point), so only the grids the polygon touches are read. Grids inside the polygon are counted whole in
     * SQL; in a grid the polygon's edge crosses, the cases placed at the grid's point count when the point is inside,
     * and the located cases are prefiltered to the polygon's bounding box in SQL (V50's index, no row reads) and then
     * tested by JTS ({@link SelectionPolygon#covers}, a {@code PreparedGeometry}). Only the page shown is read whole.
     */
    public Selection select(Staff staff, SelectionPolygon polygon, int page, int pageSize) {
        if (page < 1) {
            throw new InvalidInputException("page", "page 从 1 开始 / page starts at 1");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException(
                    "page_size", "page_size 应为 1 到 " + MAX_PAGE_SIZE + " / page_size must be 1 to " + MAX_PAGE_SIZE);
        }
        if ((long) page * pageSize > MAX_DEPTH) {
            throw new InvalidInputException("page", "最多翻到第 " + MAX_DEPTH + " 条 / pages end at row " + MAX_DEPTH);
        }
        List<Grid> touched = gridsOf(staff).stream()
                .filter(g -> polygon.intersects(widened.get(g.code())))
                .toList();
        List<String> whole = new ArrayList<>();
        List<String> edge = new ArrayList<>();
        List<String> anchorInside = new ArrayList<>();
        for (Grid g : touched) {
            if (polygon.covers(widened.get(g.code()))) {
                whole.add(g.code());
            } else {
                edge.add(g.code());
                if (polygon.covers(g.anchor().getX(), g.anchor().getY())) {
                    anchorInside.add(g.code());
                }
            }
        }
        Map<String, Integer> byGrid = new TreeMap<>();
        countInto(byGrid, "", whole);
        countInto(byGrid, " AND latitude IS NULL", anchorInside);

        int depth = page * pageSize;
        List<Key> keys = new ArrayList<>();
        if (!edge.isEmpty()) {
            // the bounding box, a hair wider than the stored six decimals can round
            var e = polygon.envelope();
            List<Object> args = new ArrayList<>(edge);
            args.addAll(List.of(e.getMinY() - 1e-6, e.getMaxY() + 1e-6, e.getMinX() - 1e-6, e.getMaxX() + 1e-6));
            jdbc.query(
                    "SELECT id, grid_code, latitude, longitude, created_at FROM case_record WHERE grid_code IN ("
                            + marks(edge.size()) + ") AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
                    rs -> {
                        if (polygon.covers(rs.getDouble("longitude"), rs.getDouble("latitude"))) {
                            byGrid.merge(rs.getString("grid_code"), 1, Integer::sum);
                            keys.add(new Key(
                                    rs.getString("id"),
                                    rs.getTimestamp("created_at").toLocalDateTime()));
                        }
                    },
                    args.toArray());
        }
        // the newest `depth` of each whole grid and of each inside grid point: enough for any page up to `depth`
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (String code : whole) {
            parts.add("(SELECT id, created_at FROM case_record WHERE grid_code = ?"
                    + " ORDER BY created_at DESC, id DESC LIMIT " + depth + ")");
            args.add(code);
        }
        for (String code : anchorInside) {
            parts.add("(SELECT id, created_at FROM case_record WHERE grid_code = ? AND latitude IS NULL"
                    + " ORDER BY created_at DESC, id DESC LIMIT " + depth + ")");
            args.add(code);
        }
        if (!parts.isEmpty()) {
            jdbc.query(
                    String.join(" UNION ALL ", parts),
                    rs -> {
                        keys.add(new Key(
                                rs.getString("id"),
                                rs.getTimestamp("created_at").toLocalDateTime()));
                    },
                    args.toArray());
        }
        keys.sort(Key.NEWEST);
        List<String> pageIds = keys.stream()
                .skip((long) (page - 1) * pageSize)
                .limit(pageSize)
                .map(Key::id)
                .toList();
        List<MapCase> cases = new ArrayList<>();
        if (!pageIds.isEmpty()) {
            LocalDateTime now = LocalDateTime.now(clock);
            Map<String, MapCase> byId = new HashMap<>();
            jdbc.query(
                    "SELECT id, title, category_name, status, grid_code, due_at, created_at, latitude, longitude"
                            + " FROM case_record WHERE id IN (" + marks(pageIds.size()) + ")",
                    rs -> {
                        MapCase c = mapCase(rs, now);
                        if (c != null) {
                            byId.put(c.id(), c);
                        }
                    },
                    pageIds.toArray());
            pageIds.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(cases::add);
        }
        int total = byGrid.values().stream().mapToInt(Integer::intValue).sum();
        List<MapAlert> alerts = alertPoints(staff).stream()
                .filter(a -> polygon.covers(a.longitude(), a.latitude()))
                .toList();
        return new Selection(total, byGrid, page, pageSize, cases, alerts, places(staff, polygon, touched));
    }

    /** Cases per grid of {@code codes} (one GROUP BY on the grid's index), added to {@code into}. */
    private void countInto(Map<String, Integer> into, String extraWhere, List<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        jdbc.query(
                "SELECT grid_code, COUNT(*) AS n FROM case_record WHERE grid_code IN (" + marks(codes.size()) + ")"
                        + extraWhere + " GROUP BY grid_code",
                rs -> {
                    into.merge(rs.getString("grid_code"), rs.getInt("n"), Integer::sum);
                },
                codes.toArray());
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** The grids the polygon reaches, then the communities and streets of the user's area it reaches. */
    private List<Place> places(Staff staff, SelectionPolygon polygon, List<Grid> touched) {
        List<Place> out = new ArrayList<>();
        for (Grid g : touched) {
            out.add(new Place("GRID", g.code(), g.name(), polygon.covers(g.boundary())));
        }
        for (Map.Entry<String, Geometry> e : dissolved.entrySet()) {
            String code = e.getKey();
            if (touched.stream().anyMatch(g -> g.code().startsWith(code)) && polygon.intersects(e.getValue())) {
                out.add(new Place(
                        code.length() == 9 ? "STREET" : "COMMUNITY",
                        code,
                        areas.name(code),
                        polygon.covers(e.getValue())));
            }
        }
        return out;
    }
}

package org.gridgov.cases.map;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.duplicate.GeoDistance;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Community;
import org.gridgov.common.district.Grid;
import org.gridgov.common.pii.PiiProtector;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The grid map where one case is concerned (issue 17 part 5): the report form's pin (the grid the point falls in,
 * found by JTS as the report itself will be, and an address from the nearest community), and a case's page (also the
 * dispatch page) showing the case with the open cases near it. Unlike {@link GridMap} these are not the cockpit's:
 * whoever may report may place a pin, whoever may see the case may see its map, and nearby cases are only those the
 * user may see ({@link Authorization}).
 */
@Component
public class ReportMap {

    /** How far around a case its page looks for open cases. */
    public static final int NEARBY_METRES = 1_000;
    /** Nearby cases shown at most, nearest first. */
    public static final int MAX_NEARBY = 200;
    /** Located open cases read from the bounding box at most (newest first) before distance and scope. */
    static final int MAX_SCANNED = 2_000;

    private final AreaDirectory areas;
    private final GridMap gridMap;
    private final CaseService cases;
    private final JdbcTemplate jdbc;
    private final Refusals refusals;
    private final Clock clock;

    public ReportMap(
            AreaDirectory areas,
            GridMap gridMap,
            CaseService cases,
            JdbcTemplate jdbc,
            Refusals refusals,
            Clock clock) {
        this.areas = areas;
        this.gridMap = gridMap;
        this.cases = cases;
        this.jdbc = jdbc;
        this.refusals = refusals;
        this.clock = clock;
    }

    /**
     * The whole district's grids and community boundaries, for the report form's pin map and a case's map: outlines
     * and names only, no figures — reference data every role already sees (the report form's and the case search's
     * grid lists name every grid of the district), so any signed-in user may have them; the figures stay behind the
     * cockpit's permission ({@link GridMap}).
     */
    public Map<String, Object> districtGeoJson(Staff staff) {
        java.util.Objects.requireNonNull(staff, "signed-in user");
        List<Object> features = new ArrayList<>();
        for (Grid g : areas.district().grids()) {
            features.add(GridMap.feature(
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
        gridMap.dissolved().forEach((code, geometry) -> {
            if (code.length() == 12) {
                features.add(GridMap.feature(
                        geometry, Map.of("level", "COMMUNITY", "code", code, "name", areas.name(code))));
            }
        });
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    /**
     * Where a pin was dropped: the grid whose polygon covers the point (JTS, {@link AreaDirectory#locate}, the rule
     * the report is stored by) and an address prefix "街道 社区" from the nearest community (the covering one
     * inside the district). Outside the district a 400 with the reason: a report there would be refused too.
     */
    public record Located(
            double latitude,
            double longitude,
            String gridCode,
            String gridName,
            String communityCode,
            String communityName,
            String streetCode,
            String streetName,
            String address) {}

    public Located locate(Staff staff, Double latitude, Double longitude) {
        refusals.require(staff, Action.CASE_REPORT, Target.nothing(), "MAP", null);
        if (latitude == null || longitude == null) {
            throw new InvalidInputException(
                    latitude == null ? "latitude" : "longitude", "缺少纬度或经度 / latitude and longitude are required");
        }
        if (!Double.isFinite(latitude)
                || !Double.isFinite(longitude)
                || Math.abs(latitude) > 90
                || Math.abs(longitude) > 180) {
            throw new InvalidInputException("latitude", "不是有效的经纬度 / not a position on the earth");
        }
        Optional<Grid> grid = areas.locate(latitude, longitude);
        if (grid.isEmpty()) {
            throw new InvalidInputException(
                    "latitude",
                    "该位置不在" + org.gridgov.common.district.District.NAME
                            + "网格范围内，请在网格内选点 / the point is outside the district's grids");
        }
        // a reporter places cases in their own area only, as the report itself is checked: say so at the pin
        refusals.require(
                staff,
                Action.CASE_REPORT,
                new Target.Area(grid.get().code()),
                "MAP",
                grid.get().code());
        Community community = nearestCommunity(areas.district().point(latitude, longitude), grid.get());
        String streetName = areas.name(community.streetCode());
        return new Located(
                latitude,
                longitude,
                grid.get().code(),
                grid.get().name(),
                community.code(),
                community.name(),
                community.streetCode(),
                streetName,
                streetName + community.name());
    }

    /** The community nearest the point by JTS distance to its dissolved boundary; the grid's own on a tie (0). */
    private Community nearestCommunity(Point p, Grid grid) {
        Community best = areas.district().community(grid.communityCode());
        double bestDistance = DistanceOp.distance(gridMap.dissolved().get(best.code()), p);
        for (Community c : areas.district().communities()) {
            Geometry g = gridMap.dissolved().get(c.code());
            double d = g == null ? Double.MAX_VALUE : DistanceOp.distance(g, p);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** An open case near another, with its distance in metres. */
    public record NearbyCase(GridMap.MapCase mapCase, int distanceMetres) {}

    /** The case at its map point and the open cases within {@link #NEARBY_METRES} the user may see, nearest first. */
    public record CaseMap(GridMap.MapCase mapCase, int radiusMetres, List<NearbyCase> nearby) {}

    public CaseMap nearby(Staff staff, String caseId) {
        CaseRecord c = cases.view(staff, caseId); // refused and audited when the user may not see it
        Grid grid = areas.grid(c.location().gridCode()).orElseThrow();
        double lat = c.location().latitude() == null
                ? grid.anchor().getY()
                : c.location().latitude().doubleValue();
        double lon = c.location().longitude() == null
                ? grid.anchor().getX()
                : c.location().longitude().doubleValue();
        LocalDateTime now = LocalDateTime.now(clock);
        GridMap.MapCase self = new GridMap.MapCase(
                c.id(),
                PiiProtector.redact(c.report().title()),
                c.report().categoryName(),
                c.assignment().status().name(),
                grid.code(),
                grid.name(),
                c.overdueAt(now),
                c.timing().createdAt(),
                lon,
                lat);
        // located open cases in the bounding box, and the open cases placed at the interior point of a grid whose
        // point is within the radius
        double[] box = GeoDistance.box(lat, lon, NEARBY_METRES);
        List<String> anchored = areas.district().grids().stream()
                .filter(g -> GeoDistance.metres(
                                lat, lon, g.anchor().getY(), g.anchor().getX())
                        <= NEARBY_METRES)
                .map(Grid::code)
                .toList();
        String columns = "SELECT id, title, category_name, status, grid_code, due_at, created_at, latitude,"
                + " longitude, pending_role, current_step, department_code FROM case_record WHERE status = 'OPEN'";
        List<NearbyCase> out = new ArrayList<>();
        org.springframework.jdbc.core.RowCallbackHandler add = rs -> {
            if (rs.getString("id").equals(c.id())) {
                return;
            }
            Target.Case target = new Target.Case(
                    rs.getString("grid_code"),
                    rs.getString("pending_role"),
                    rs.getString("current_step"),
                    rs.getString("department_code"));
            if (!Authorization.allows(staff, Action.CASE_VIEW, target)) {
                return;
            }
            GridMap.MapCase m = gridMap.toMapCase(rs, now);
            if (m == null) {
                return;
            }
            double d = GeoDistance.metres(lat, lon, m.latitude(), m.longitude());
            if (d <= NEARBY_METRES) {
                out.add(new NearbyCase(m, (int) Math.round(d)));
            }
        };
        // the grids the box reaches: a located case lies in its own grid, so idx_case_grid_geo (V50) ranges over
        // grid and latitude and checks the longitude in the index
        org.locationtech.jts.geom.Envelope reach =
                new org.locationtech.jts.geom.Envelope(box[2], box[3], box[0], box[1]);
        List<String> reached = areas.district().grids().stream()
                .filter(g -> g.boundary().getEnvelopeInternal().intersects(reach))
                .map(Grid::code)
                .toList();
        if (!reached.isEmpty()) {
            List<Object> args = new ArrayList<>(reached);
            args.addAll(List.of(box[0], box[1], box[2], box[3]));
            jdbc.query(
                    columns + " AND grid_code IN ("
                            + String.join(", ", java.util.Collections.nCopies(reached.size(), "?"))
                            + ") AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?"
                            + " ORDER BY created_at DESC LIMIT " + MAX_SCANNED,
                    add,
                    args.toArray());
        }
        if (!anchored.isEmpty()) {
            jdbc.query(
                    columns + " AND latitude IS NULL AND grid_code IN ("
                            + String.join(", ", java.util.Collections.nCopies(anchored.size(), "?"))
                            + ") ORDER BY created_at DESC LIMIT " + MAX_SCANNED,
                    add,
                    anchored.toArray());
        }
        out.sort(Comparator.comparingInt(NearbyCase::distanceMetres)
                .thenComparing(n -> n.mapCase().id()));
        return new CaseMap(
                self, NEARBY_METRES, out.size() > MAX_NEARBY ? List.copyOf(out.subList(0, MAX_NEARBY)) : out);
    }
}

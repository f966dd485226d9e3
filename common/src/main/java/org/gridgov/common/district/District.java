package org.gridgov.common.district;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.io.Tsv;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The district: streets → communities → grids, with grid polygons for point-in-polygon lookups.
 *
 * <p>Street and community names come from {@code gridgov/district.tsv} (济南市历城区). Real boundaries are not
 * public, so the geometry is laid out deterministically over the district's bounding box: streets as tiles of a
 * 4-column layout, each street's tile split into community strips, each strip into {@link #GRIDS_PER_COMMUNITY}
 * grids. Everything downstream only uses {@link #locate}, so real polygons can replace this layout later.
 */
public final class District {

    public static final String CODE = "370112";
    public static final String NAME = "历城区";
    public static final int GRIDS_PER_COMMUNITY = 4;

    /** Bounding box of 历城区 (WGS84), roughly. */
    static final double MIN_LON = 117.00;

    static final double MAX_LON = 117.40;
    static final double MIN_LAT = 36.45;
    static final double MAX_LAT = 36.85;
    private static final int STREET_COLUMNS = 4;

    private static final District LICHENG = load("gridgov/district.tsv");

    private final GeometryFactory geometry = new GeometryFactory(new PrecisionModel(), 4326);
    private final Map<String, Street> streets = new LinkedHashMap<>();
    private final Map<String, Community> communities = new LinkedHashMap<>();
    private final Map<String, Grid> grids = new LinkedHashMap<>();
    private final Polygon boundary;
    private final STRtree index = new STRtree();

    private District(List<Map<String, String>> rows) {
        Map<String, List<Community>> byStreet = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            Street s = new Street(r.get("street_code"), r.get("street_name"));
            streets.putIfAbsent(s.code(), s);
            Community c = new Community(r.get("community_code"), r.get("community_name"), s.code());
            communities.put(c.code(), c);
            byStreet.computeIfAbsent(s.code(), k -> new ArrayList<>()).add(c);
        }
        boundary = rectangle(MIN_LON, MIN_LAT, MAX_LON, MAX_LAT);
        layOut(byStreet);
        index.build();
    }

    public static District licheng() {
        return LICHENG;
    }

    static District load(String resource) {
        return new District(Tsv.read(resource));
    }

    private void layOut(Map<String, List<Community>> byStreet) {
        int rowsOfStreets = (int) Math.ceil(byStreet.size() / (double) STREET_COLUMNS);
        double streetW = (MAX_LON - MIN_LON) / STREET_COLUMNS;
        double streetH = (MAX_LAT - MIN_LAT) / rowsOfStreets;
        int s = 0;
        for (List<Community> members : byStreet.values()) {
            double x0 = MIN_LON + (s % STREET_COLUMNS) * streetW;
            double y0 = MAX_LAT - (s / STREET_COLUMNS + 1) * streetH;
            double stripW = streetW / members.size();
            for (int c = 0; c < members.size(); c++) {
                Community community = members.get(c);
                double cx0 = x0 + c * stripW;
                double gridH = streetH / GRIDS_PER_COMMUNITY;
                for (int g = 0; g < GRIDS_PER_COMMUNITY; g++) {
                    double gy0 = y0 + g * gridH;
                    Polygon p = rectangle(cx0, gy0, cx0 + stripW, gy0 + gridH);
                    Grid grid = new Grid(
                            community.code() + String.format("%02d", g + 1),
                            community.name() + "第" + (g + 1) + "网格",
                            community.code(),
                            community.streetCode(),
                            p);
                    grids.put(grid.code(), grid);
                    index.insert(p.getEnvelopeInternal(), grid);
                }
            }
            s++;
        }
    }

    private Polygon rectangle(double x0, double y0, double x1, double y1) {
        return geometry.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0),
            new Coordinate(x1, y0),
            new Coordinate(x1, y1),
            new Coordinate(x0, y1),
            new Coordinate(x0, y0)
        });
    }

    public boolean contains(double latitude, double longitude) {
        return boundary.covers(point(latitude, longitude));
    }

    /** The grid covering the point; points on a shared edge belong to the first grid found, consistently. */
    public Optional<Grid> locate(double latitude, double longitude) {
        Point p = point(latitude, longitude);
        @SuppressWarnings("unchecked")
        List<Grid> candidates = index.query(new Envelope(p.getCoordinate()));
        return candidates.stream().filter(g -> g.boundary().covers(p)).min((a, b) -> a.code()
                .compareTo(b.code()));
    }

    public Point point(double latitude, double longitude) {
        return geometry.createPoint(new Coordinate(longitude, latitude));
    }

    public Polygon boundary() {
        return boundary;
    }

    public List<Street> streets() {
        return List.copyOf(streets.values());
    }

    public List<Community> communities() {
        return List.copyOf(communities.values());
    }

    public List<Grid> grids() {
        return Collections.unmodifiableList(new ArrayList<>(grids.values()));
    }

    public Street street(String code) {
        return require(streets.get(code), "street", code);
    }

    public Community community(String code) {
        return require(communities.get(code), "community", code);
    }

    public Optional<Grid> grid(String code) {
        return Optional.ofNullable(grids.get(code));
    }

    private static <T> T require(T value, String what, String code) {
        if (value == null) {
            throw new IllegalArgumentException("no " + what + " " + code + " in " + NAME);
        }
        return value;
    }
}

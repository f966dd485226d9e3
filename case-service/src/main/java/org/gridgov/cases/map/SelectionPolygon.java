package org.gridgov.cases.map;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.cases.domain.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A polygon drawn on the map, checked before it is used: 3 to {@link #MAX_VERTICES} distinct vertices as
 * {@code [longitude, latitude]} (GeoJSON order), finite and on the earth, the ring closed here when the client did
 * not, and valid as JTS judges it ({@link IsValidOp}: a self-intersecting ring is refused with where it crosses).
 * Every refusal is an {@link InvalidInputException} on field {@code polygon}: a 400 with the reason.
 */
public final class SelectionPolygon {

    public static final int MAX_VERTICES = 200;
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Polygon polygon;
    private final PreparedGeometry prepared;

    private SelectionPolygon(Polygon polygon) {
        this.polygon = polygon;
        this.prepared = PreparedGeometryFactory.prepare(polygon);
    }

    public static SelectionPolygon of(List<List<Double>> vertices) {
        if (vertices == null || vertices.isEmpty()) {
            throw invalid("缺少多边形顶点 / polygon is required");
        }
        if (vertices.size() > MAX_VERTICES + 1) {
            throw invalid("多边形顶点过多（" + vertices.size() + "），最多 " + MAX_VERTICES + " 个 / too many vertices");
        }
        List<Coordinate> ring = new ArrayList<>(vertices.size() + 1);
        for (int i = 0; i < vertices.size(); i++) {
            List<Double> v = vertices.get(i);
            if (v == null || v.size() != 2 || v.get(0) == null || v.get(1) == null) {
                throw invalid(
                        "第 " + (i + 1) + " 个顶点应为 [经度, 纬度] / vertex " + (i + 1) + " must be [longitude, latitude]");
            }
            double lon = v.get(0);
            double lat = v.get(1);
            if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                throw invalid("第 " + (i + 1) + " 个顶点不是有效的经纬度 / vertex " + (i + 1) + " is off the earth");
            }
            ring.add(new Coordinate(lon, lat));
        }
        if (!ring.get(0).equals2D(ring.get(ring.size() - 1))) {
            ring.add(new Coordinate(ring.get(0)));
        }
        if (ring.size() - 1 > MAX_VERTICES) {
            throw invalid("多边形顶点过多（" + (ring.size() - 1) + "），最多 " + MAX_VERTICES + " 个 / too many vertices");
        }
        if (ring.stream().distinct().count() < 3) {
            throw invalid("多边形至少需要 3 个不同的顶点 / a polygon needs 3 distinct vertices");
        }
        Polygon p = GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
        if (p.convexHull().getArea() == 0) { // all on one line (a bow-tie has area zero too, but a hull)
            throw invalid("多边形面积为零 / polygon has no area");
        }
        TopologyValidationError error = new IsValidOp(p).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            String where = at == null ? "" : String.format("（%.6f, %.6f 附近）", at.x, at.y);
            String reason = error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                            || error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION
                    ? "多边形边线自相交" + where + " / polygon is self-intersecting"
                    : "多边形无效" + where + " / invalid polygon: " + error.getMessage();
            throw invalid(reason);
        }
        return new SelectionPolygon(p);
    }

    private static InvalidInputException invalid(String reason) {
        return new InvalidInputException("polygon", reason);
    }

    /** Whether the point lies inside or on the boundary. */
    public boolean covers(double longitude, double latitude) {
        return prepared.covers(GEOMETRY.createPoint(new Coordinate(longitude, latitude)));
    }

    /** Whether the polygon touches the geometry at all. */
    public boolean intersects(org.locationtech.jts.geom.Geometry geometry) {
        return prepared.intersects(geometry);
    }

    /** Whether the geometry lies wholly inside the polygon or on its boundary. */
    public boolean covers(org.locationtech.jts.geom.Geometry geometry) {
        return prepared.covers(geometry);
    }

    /** The bounding box: the SQL prefilter on the indexed latitude and longitude. */
    public org.locationtech.jts.geom.Envelope envelope() {
        return polygon.getEnvelopeInternal();
    }

    public Polygon polygon() {
        return polygon;
    }
}

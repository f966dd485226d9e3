package org.gridgov.common.track;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.model.TrackPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * What a patrol's GPS track says (巡查轨迹): duration, walked distance, the share of the grid it covered, its top
 * speed and its jumps. The one place these are computed: the ODS loader writes them into {@code dwd_grid_patrol}
 * and the generator checks its planted patrols with them.
 *
 * <ul>
 *   <li>distance: the sum of great-circle (haversine) distances between consecutive fixes;</li>
 *   <li>coverage: area of (track buffered by {@value #BUFFER_M} m ∩ grid polygon) / grid area, 0..1, computed with
 *   JTS in a local metric projection (equirectangular around the grid's centre; over a grid of a few kilometres its
 *   error is far below GPS noise);</li>
 *   <li>speed of a segment: its distance over its time; a jump is a segment faster than {@value #JUMP_KMH} km/h,
 *   which no one walks or cycles on a patrol: a faked position (虚拟定位) or a phone handed to a driver.</li>
 * </ul>
 *
 * @param pointCount    fixes in the track
 * @param durationMin   last fix − first fix, in whole minutes (rounded)
 * @param distanceM     walked distance in whole metres (rounded)
 * @param coverageRatio covered share of the grid, 0..1, to 4 decimals
 * @param maxSpeedKmh   fastest segment in km/h, to 2 decimals (0 for a single fix)
 * @param jumpCount     segments faster than {@value #JUMP_KMH} km/h (counted before rounding)
 */
public record PatrolMetrics(
        int pointCount, int durationMin, int distanceM, double coverageRatio, double maxSpeedKmh, int jumpCount) {

    /** Half the width of the strip a patrol is taken to have seen. */
    public static final double BUFFER_M = 30;
    /** Faster than this between two fixes is a jump. */
    public static final double JUMP_KMH = 120;

    /** Mean Earth radius (IUGG), for haversine distances. */
    private static final double EARTH_RADIUS_M = 6_371_008.8;
    /** Corners of the buffer's round caps per quarter circle: 4 keeps 97 % of a circle's area at half the cost of 8. */
    private static final int QUADRANT_SEGMENTS = 4;

    private static final GeometryFactory PLANE = new GeometryFactory();

    /** A patrol flagged for a fake jump ({@code dwd_grid_patrol.is_fake_jump}). */
    public boolean isFakeJump() {
        return jumpCount > 0;
    }

    /**
     * The metrics of a track (at least one fix, strictly increasing seconds, as {@code RecordDecoder} guarantees)
     * within its grid's polygon (WGS84, longitude as x, as {@code District} builds them).
     */
    public static PatrolMetrics of(List<TrackPoint> track, Polygon grid) {
        if (track == null || track.isEmpty()) {
            throw new IllegalArgumentException("a track needs at least one point");
        }
        double distance = 0;
        double maxSpeed = 0;
        int jumps = 0;
        for (int i = 1; i < track.size(); i++) {
            TrackPoint a = track.get(i - 1);
            TrackPoint b = track.get(i);
            int seconds = b.second() - a.second();
            if (seconds <= 0) {
                throw new IllegalArgumentException("track point " + i + " is not after the one before it");
            }
            double metres = haversine(a.latitude(), a.longitude(), b.latitude(), b.longitude());
            distance += metres;
            double kmh = metres / seconds * 3.6;
            maxSpeed = Math.max(maxSpeed, kmh);
            if (kmh > JUMP_KMH) {
                jumps++;
            }
        }
        int duration = track.get(track.size() - 1).second() - track.get(0).second();
        return new PatrolMetrics(
                track.size(),
                (int) Math.round(duration / 60.0),
                (int) Math.round(distance),
                round(coverage(track, grid), 1e4),
                round(maxSpeed, 1e2),
                jumps);
    }

    /** Great-circle distance in metres. */
    public static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static double coverage(List<TrackPoint> track, Polygon grid) {
        Projection plane = new Projection(grid.getEnvelopeInternal().centre());
        Geometry area = plane.polygon(grid);
        double gridArea = area.getArea();
        if (gridArea <= 0) {
            return 0;
        }
        List<Coordinate> coords = new ArrayList<>(track.size());
        for (TrackPoint p : track) {
            Coordinate c = plane.project(p.longitude(), p.latitude());
            if (coords.isEmpty() || !coords.get(coords.size() - 1).equals2D(c)) {
                coords.add(c);
            }
        }
        Geometry line = coords.size() == 1
                ? PLANE.createPoint(coords.get(0))
                : PLANE.createLineString(coords.toArray(Coordinate[]::new));
        Geometry seen =
                BufferOp.bufferOp(line, BUFFER_M, new BufferParameters(QUADRANT_SEGMENTS, BufferParameters.CAP_ROUND));
        return Math.min(1, seen.intersection(area).getArea() / gridArea);
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }

    /** Longitude/latitude to metres east/north of a centre; WGS84 metres per degree at the centre's latitude. */
    private static final class Projection {
        private final double lon0;
        private final double lat0;
        private final double mx;
        private final double my;

        Projection(Coordinate centre) {
            lon0 = centre.x;
            lat0 = centre.y;
            double phi = Math.toRadians(lat0);
            my = 111_132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
            mx = 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
        }

        Coordinate project(double lon, double lat) {
            return new Coordinate((lon - lon0) * mx, (lat - lat0) * my);
        }

        Polygon polygon(Polygon p) {
            Coordinate[] ring = p.getExteriorRing().getCoordinates();
            Coordinate[] out = new Coordinate[ring.length];
            for (int i = 0; i < ring.length; i++) {
                out[i] = project(ring[i].x, ring[i].y);
            }
            return PLANE.createPolygon(out);
        }
    }
}

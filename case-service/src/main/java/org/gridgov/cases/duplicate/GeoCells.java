package org.gridgov.cases.duplicate;

import java.util.ArrayList;
import java.util.List;

/**
 * The 0.005° cells of {@code case_record.geo_cell} (V12: {@code FLOOR(latitude * 200) * 100000 + FLOOR(longitude *
 * 200)}), and the cells a latitude/longitude box touches. The two must agree: a cell the SQL gives a case but this
 * class does not list would hide the case from the finder. Boundaries are widened by a hair so a box edge that lies
 * on a cell border in decimal but just below it in binary floating point still lists that cell.
 */
public final class GeoCells {

    static final int PER_DEGREE = 200;
    static final long ROW = 100_000;
    private static final double EPSILON = 1e-7;

    private GeoCells() {}

    public static long cell(double latitude, double longitude) {
        return (long) Math.floor(latitude * PER_DEGREE) * ROW + (long) Math.floor(longitude * PER_DEGREE);
    }

    /** The cells a {minLat, maxLat, minLon, maxLon} box touches, row by row. */
    public static List<Long> covering(double[] box) {
        long lat0 = (long) Math.floor(box[0] * PER_DEGREE - EPSILON);
        long lat1 = (long) Math.floor(box[1] * PER_DEGREE + EPSILON);
        long lon0 = (long) Math.floor(box[2] * PER_DEGREE - EPSILON);
        long lon1 = (long) Math.floor(box[3] * PER_DEGREE + EPSILON);
        List<Long> out = new ArrayList<>();
        for (long a = lat0; a <= lat1; a++) {
            for (long o = lon0; o <= lon1; o++) {
                out.add(a * ROW + o);
            }
        }
        return out;
    }
}

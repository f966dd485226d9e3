package org.gridgov.cases.duplicate;

/**
 * Great-circle distance (haversine, mean Earth radius) and the latitude/longitude box around a point that the
 * candidate query prefilters on. At a few hundred metres the haversine and JTS's planar distance on projected
 * coordinates agree to centimetres; the haversine needs no projection.
 */
public final class GeoDistance {

    static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double METRES_PER_DEGREE_LAT = Math.PI * EARTH_RADIUS_M / 180;

    private GeoDistance() {}

    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** {minLat, maxLat, minLon, maxLon} of a box that contains every point within {@code radius} metres. */
    public static double[] box(double lat, double lon, double radius) {
        double dLat = radius / METRES_PER_DEGREE_LAT;
        double dLon = radius / (METRES_PER_DEGREE_LAT * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        return new double[] {lat - dLat, lat + dLat, lon - dLon, lon + dLon};
    }
}

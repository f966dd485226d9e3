package org.gridgov.simulator.generator;

import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.common.district.Community;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.district.Street;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws points inside the district's grids. Grids are rectangles, so a point drawn inside a grid's envelope (kept a
 * few percent away from its edges, where a neighbour could claim it) lies in that grid; {@link #locatedIn} checks it.
 */
final class Places {

    /** Share of a grid's width and height kept clear at each edge. */
    private static final double MARGIN = 0.03;

    private static final double ROUND = 1e6;

    private final District district;
    private final List<Grid> grids;
    private final Community[] communities;
    private final Street[] streets;
    private final double[] minLat;
    private final double[] minLon;
    private final double[] height;
    private final double[] width;

    Places(District district) {
        this.district = district;
        this.grids = district.grids();
        int n = grids.size();
        communities = new Community[n];
        streets = new Street[n];
        minLat = new double[n];
        minLon = new double[n];
        height = new double[n];
        width = new double[n];
        for (int i = 0; i < n; i++) {
            Grid g = grids.get(i);
            communities[i] = district.community(g.communityCode());
            streets[i] = district.street(g.streetCode());
            Envelope e = g.boundary().getEnvelopeInternal();
            minLat[i] = e.getMinY();
            minLon[i] = e.getMinX();
            height[i] = e.getHeight();
            width[i] = e.getWidth();
        }
    }

    int gridCount() {
        return grids.size();
    }

    Place random(SplittableRandom r) {
        return inGrid(r.nextInt(grids.size()), r);
    }

    /** A point inside grid {@code g} (index into {@link District#grids()}), rounded to 6 decimals (~0.1 m). */
    Place inGrid(int g, SplittableRandom r) {
        double lat = minLat[g] + height[g] * (MARGIN + (1 - 2 * MARGIN) * r.nextDouble());
        double lon = minLon[g] + width[g] * (MARGIN + (1 - 2 * MARGIN) * r.nextDouble());
        return new Place(
                g,
                grids.get(g),
                communities[g],
                streets[g],
                Math.round(lat * ROUND) / ROUND,
                Math.round(lon * ROUND) / ROUND);
    }

    /** A given point of grid {@code g} (the caller keeps it inside the grid) with the grid's community and street. */
    Place at(int g, double lat, double lon) {
        return new Place(g, grids.get(g), communities[g], streets[g], lat, lon);
    }

    Grid grid(int g) {
        return grids.get(g);
    }

    /** Whether the district's own lookup puts the point in the place's grid. */
    boolean locatedIn(Place p) {
        return district.locate(p.latitude(), p.longitude())
                .map(g -> g.code().equals(p.grid().code()))
                .orElse(false);
    }

    /** A street address as citizens give it: building and unit in a 社区, house number in a 村. */
    static String address(Place p, SplittableRandom r) {
        String prefix = "济南市历城区" + p.street().name() + p.community().name();
        if (p.community().name().endsWith("村")) {
            return prefix + (1 + r.nextInt(260)) + "号";
        }
        return prefix + (1 + r.nextInt(40)) + "号楼" + (1 + r.nextInt(4)) + "单元" + (1 + r.nextInt(18)) + "0"
                + (1 + r.nextInt(4)) + "室";
    }
}

package org.gridgov.common.district;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** 网格: the smallest management unit, a polygon inside one community, served by grid workers. */
public record Grid(String code, String name, String communityCode, String streetCode, Polygon boundary) {

    /** A point inside the grid (its interior point, which for convex grids is near the centre). */
    public Point anchor() {
        return boundary.getInteriorPoint();
    }
}

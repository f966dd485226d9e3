package org.gridgov.cases.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class GridMapTest {

    @Test
    void streetsAndCommunitiesAreTheUnionOfTheirGridsWithoutGapsOrOverlaps() {
        District district = District.licheng();
        Map<String, Geometry> dissolved = GridMap.dissolve(district.grids());
        assertThat(dissolved.keySet())
                .hasSize(district.streets().size() + district.communities().size());
        for (var street : district.streets()) {
            Geometry s = dissolved.get(street.code());
            List<Grid> grids = district.grids().stream()
                    .filter(g -> g.streetCode().equals(street.code()))
                    .toList();
            assertThat(s.getArea())
                    .isCloseTo(
                            grids.stream()
                                    .mapToDouble(g -> g.boundary().getArea())
                                    .sum(),
                            org.assertj.core.data.Percentage.withPercentage(1e-4));
            assertThat(s.getNumGeometries()).as(street.name() + " is one piece").isEqualTo(1);
            // dissolved: no inner grid edges remain, a rectangle of grids keeps only its outline
            assertThat(s.getNumPoints()).as(street.name()).isLessThan(grids.size() * 5);
            // snapped to 1e-7°: every grid lies inside its street up to that
            Geometry widened = s.buffer(1e-6);
            grids.forEach(
                    g -> assertThat(widened.covers(g.boundary())).as(g.code()).isTrue());
        }
    }

    @Test
    void geometryIsGeoJsonLongitudeFirstWithClosedRings() {
        Grid g = District.licheng().grids().get(0);
        Map<String, Object> json = GridMap.geometry(g.boundary());
        assertThat(json.get("type")).isEqualTo("Polygon");
        @SuppressWarnings("unchecked")
        List<List<double[]>> rings = (List<List<double[]>>) json.get("coordinates");
        List<double[]> outer = rings.get(0);
        assertThat(outer.get(0)).containsExactly(outer.get(outer.size() - 1));
        assertThat(outer.get(0)[0]).as("longitude").isEqualTo(g.boundary().getCoordinates()[0].x);
        assertThat(outer.get(0)[1]).as("latitude").isBetween(36.0, 37.5);
    }
}

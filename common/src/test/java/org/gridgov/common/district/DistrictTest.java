package org.gridgov.common.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

class DistrictTest {

    private static final District D = District.licheng();

    @Test
    void hasSixteenStreetsNinetySixCommunitiesAndFourGridsEach() {
        assertThat(D.streets()).hasSize(16);
        assertThat(D.communities()).hasSize(96);
        assertThat(D.grids()).hasSize(96 * District.GRIDS_PER_COMMUNITY);
        Map<String, Long> gridsPerCommunity =
                D.grids().stream().collect(Collectors.groupingBy(Grid::communityCode, Collectors.counting()));
        assertThat(gridsPerCommunity)
                .hasSize(96)
                .allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(4L));
    }

    @Test
    void streetsAreThoseOfLicheng() {
        assertThat(D.streets())
                .extracting(Street::name)
                .contains("山大路街道", "洪家楼街道", "王舍人街道", "唐冶街道", "港沟街道", "唐王街道")
                .allSatisfy(n -> assertThat(n).endsWith("街道"))
                .doesNotHaveDuplicates();
        assertThat(D.street("370112002").name()).isEqualTo("洪家楼街道");
    }

    @Test
    void everyCommunityBelongsToAKnownStreetAndEveryStreetHasCommunities() {
        Set<String> streetCodes = D.streets().stream().map(Street::code).collect(Collectors.toSet());
        for (Community c : D.communities()) {
            assertThat(streetCodes).as(c.name()).contains(c.streetCode());
            assertThat(c.code()).as(c.name()).startsWith(c.streetCode()).hasSize(12);
        }
        assertThat(D.communities().stream().map(Community::streetCode).collect(Collectors.toSet()))
                .isEqualTo(streetCodes);
    }

    @Test
    void gridCodesExtendTheirCommunityAndAgreeOnTheStreet() {
        for (Grid g : D.grids()) {
            Community c = D.community(g.communityCode());
            assertThat(g.streetCode()).as(g.code()).isEqualTo(c.streetCode());
            assertThat(g.code()).matches(c.code() + "0[1-4]");
            assertThat(g.name()).startsWith(c.name()).endsWith("网格");
            assertThat(D.grid(g.code())).contains(g);
        }
        assertThat(D.grid("37011200200101").map(Grid::name)).hasValue("洪家楼社区第1网格");
    }

    @Test
    void everyGridsAnchorLocatesToThatGrid() {
        for (Grid g : D.grids()) {
            Point a = g.anchor();
            assertThat(D.contains(a.getY(), a.getX())).as(g.code()).isTrue();
            assertThat(D.locate(a.getY(), a.getX())).as(g.code()).contains(g);
        }
    }

    @Test
    void gridsDoNotOverlapAndLeaveNoHoles() {
        Envelope box = D.boundary().getEnvelopeInternal();
        // offsets of 0.37 and 0.61 of a step keep every sample off the grid edges (k/16 of the box, k/(4n) of a tile)
        int steps = 97;
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                double lon = box.getMinX() + (i + 0.37) * box.getWidth() / steps;
                double lat = box.getMinY() + (j + 0.61) * box.getHeight() / steps;
                Point p = D.point(lat, lon);
                List<Grid> inside = new ArrayList<>();
                for (Grid g : D.grids()) {
                    if (g.boundary().getEnvelopeInternal().intersects(p.getCoordinate())
                            && g.boundary().contains(p)) {
                        inside.add(g);
                    }
                }
                assertThat(inside).as("grids containing (%s, %s)", lat, lon).hasSize(1);
                assertThat(D.locate(lat, lon)).contains(inside.get(0));
            }
        }
    }

    @Test
    void gridAreasAddUpToTheDistrict() {
        double sum = D.grids().stream().mapToDouble(g -> g.boundary().getArea()).sum();
        assertThat(sum).isCloseTo(D.boundary().getArea(), offset(1e-12));
    }

    @Test
    void theSmallestStepAcrossAnyGridEdgeLandsInAnotherGrid() {
        // floating-point layout must not leave slivers between neighbouring tiles
        for (Grid g : D.grids()) {
            Envelope e = g.boundary().getEnvelopeInternal();
            double midLat = (e.getMinY() + e.getMaxY()) / 2;
            double midLon = (e.getMinX() + e.getMaxX()) / 2;
            double[][] beyond = {
                {midLat, Math.nextUp(e.getMaxX())}, {midLat, Math.nextDown(e.getMinX())},
                {Math.nextUp(e.getMaxY()), midLon}, {Math.nextDown(e.getMinY()), midLon}
            };
            for (double[] p : beyond) {
                if (D.contains(p[0], p[1])) {
                    Optional<Grid> next = D.locate(p[0], p[1]);
                    assertThat(next)
                            .as("next to %s at (%s, %s)", g.code(), p[0], p[1])
                            .isPresent();
                    assertThat(next.get()).isNotEqualTo(g);
                }
            }
        }
    }

    @Test
    void pointOnASharedEdgeGoesToTheLowerGridCodeEveryTime() {
        Grid first = D.grid("37011200200101").orElseThrow();
        Grid second = D.grid("37011200200102").orElseThrow();
        Envelope e1 = first.boundary().getEnvelopeInternal();
        assertThat(second.boundary().getEnvelopeInternal().getMinY()).isEqualTo(e1.getMaxY());
        double lat = e1.getMaxY();
        double lon = (e1.getMinX() + e1.getMaxX()) / 2;
        Set<Optional<Grid>> answers = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            answers.add(D.locate(lat, lon));
        }
        assertThat(answers).containsExactly(Optional.of(first));
    }

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource({
        "39.9,   116.4", // Beijing
        "36.449, 117.20", // just south of the box
        "36.851, 117.20", // just north
        "36.60,  116.999", // just west
        "36.60,  117.401", // just east
        "0,      0",
        "117.2,  36.6", // latitude and longitude swapped
    })
    void pointsOutsideTheBoundingBoxAreNotInTheDistrictAndInNoGrid(double lat, double lon) {
        assertThat(D.contains(lat, lon)).isFalse();
        assertThat(D.locate(lat, lon)).isEmpty();
    }

    @Test
    void cornersOfTheDistrictAreInsideAndInAGrid() {
        Envelope box = D.boundary().getEnvelopeInternal();
        double[][] corners = {
            {box.getMinY(), box.getMinX()}, {box.getMinY(), box.getMaxX()},
            {box.getMaxY(), box.getMinX()}, {box.getMaxY(), box.getMaxX()}
        };
        for (double[] c : corners) {
            assertThat(D.contains(c[0], c[1])).isTrue();
            assertThat(D.locate(c[0], c[1])).as("(%s, %s)", c[0], c[1]).isPresent();
        }
    }

    @Test
    void pointTakesLatitudeFirstButStoresLongitudeAsX() {
        Point p = D.point(36.7, 117.1);
        assertThat(p.getX()).isEqualTo(117.1);
        assertThat(p.getY()).isEqualTo(36.7);
        assertThat(p.getSRID()).isEqualTo(4326);
    }

    @Test
    void unknownCodesAreReportedWithTheDistrictName() {
        assertThatThrownBy(() -> D.street("370112099")).hasMessage("no street 370112099 in 历城区");
        assertThatThrownBy(() -> D.community("370112099001")).hasMessage("no community 370112099001 in 历城区");
        assertThat(D.grid("37011299900101")).isEmpty();
    }
}

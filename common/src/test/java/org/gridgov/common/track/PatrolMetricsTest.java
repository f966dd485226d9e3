package org.gridgov.common.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.model.TrackPoint;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Hand-built tracks in one of the district's grids, with the figures worked out by hand. */
class PatrolMetricsTest {

    private static final Grid GRID = District.licheng().grid("37011200200101").orElseThrow();
    private static final Envelope BOX = GRID.boundary().getEnvelopeInternal();
    private static final double LAT0 = BOX.centre().y;
    private static final double LON0 = BOX.centre().x;
    /** One metre north in degrees on the haversine sphere (radius 6 371 008.8 m). */
    private static final double METRE_LAT = 180 / (Math.PI * 6_371_008.8);

    private static final double GRID_AREA_M2 = gridAreaM2();

    @Test
    void aStraightOneKilometreWalk() {
        // 51 fixes 20 m apart northwards, one every 15 s: 1 000 m in 12.5 minutes, 4.8 km/h throughout
        List<TrackPoint> track = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            track.add(new TrackPoint(15 * i, LAT0 - 500 * METRE_LAT + 20 * i * METRE_LAT, LON0));
        }

        PatrolMetrics m = PatrolMetrics.of(track, GRID.boundary());

        assertThat(m.pointCount()).isEqualTo(51);
        assertThat(m.distanceM()).isEqualTo(1000);
        assertThat(m.durationMin()).isEqualTo(13); // 12.5 rounds up
        assertThat(m.maxSpeedKmh()).isCloseTo(4.8, within(0.01));
        assertThat(m.jumpCount()).isZero();
        assertThat(m.isFakeJump()).isFalse();
        // a 60 m wide strip with round ends: 1 000 × 60 + π·30² m², well inside the grid
        double expected = (1000 * 60 + Math.PI * 30 * 30) / GRID_AREA_M2;
        assertThat(m.coverageRatio()).isCloseTo(expected, within(expected * 0.01));
    }

    @Test
    void aTrackWithA200KilometrePerHourJump() {
        // walking 100 m a minute east, then 2 000 m north in 36 s (200 km/h), then walking again
        List<TrackPoint> track = new ArrayList<>();
        double metreLon = METRE_LAT / Math.cos(Math.toRadians(LAT0));
        double lat = LAT0 - 1000 * METRE_LAT;
        for (int i = 0; i < 5; i++) {
            track.add(new TrackPoint(60 * i, lat, LON0 + 100 * i * metreLon));
        }
        double east = LON0 + 400 * metreLon;
        track.add(new TrackPoint(240 + 36, lat + 2000 * METRE_LAT, east));
        track.add(new TrackPoint(240 + 36 + 60, lat + 2100 * METRE_LAT, east));

        PatrolMetrics m = PatrolMetrics.of(track, GRID.boundary());

        assertThat(m.jumpCount()).isEqualTo(1);
        assertThat(m.isFakeJump()).isTrue();
        assertThat(m.maxSpeedKmh()).isCloseTo(200.0, within(0.01));
        assertThat(m.distanceM()).isBetween(2499, 2501); // 400 + 2 000 + 100
        assertThat(m.durationMin()).isEqualTo(6); // 336 s
    }

    @Test
    void aTrackThatStaysInOneSpot() {
        // two hours of fixes at the same point: a circle of 30 m radius seen, nothing walked
        List<TrackPoint> track = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            track.add(new TrackPoint(180 * i, LAT0, LON0));
        }

        PatrolMetrics m = PatrolMetrics.of(track, GRID.boundary());

        assertThat(m.distanceM()).isZero();
        assertThat(m.durationMin()).isEqualTo(120);
        assertThat(m.maxSpeedKmh()).isZero();
        assertThat(m.jumpCount()).isZero();
        // the buffer of a point is a 16-gon (4 segments a quarter circle): 8·r²·sin(22.5°) ≈ 0.9745·π·r²
        double circle = Math.PI * 30 * 30 / GRID_AREA_M2;
        // (coverage is kept to 4 decimals: half a unit of the last one is rounding)
        assertThat(m.coverageRatio())
                .isGreaterThan(0)
                .isCloseTo(circle * 0.9745, within(circle * 0.02 + 0.00005))
                .isLessThan(0.15);
    }

    @Test
    void coverageCountsOnlyThePartInsideTheGridAndNeverExceedsOne() {
        // a walk along the grid's western edge: only the inner half of the strip lies in the grid
        List<TrackPoint> edge = List.of(
                new TrackPoint(0, LAT0 - 500 * METRE_LAT, BOX.getMinX()),
                new TrackPoint(750, LAT0 + 500 * METRE_LAT, BOX.getMinX()));
        double half = (1000 * 30 + Math.PI * 30 * 30 / 2) / GRID_AREA_M2;
        assertThat(PatrolMetrics.of(edge, GRID.boundary()).coverageRatio()).isCloseTo(half, within(half * 0.03));

        // lanes 40 m apart over the whole grid: everything seen
        List<TrackPoint> sweep = new ArrayList<>();
        double metreLon = METRE_LAT / Math.cos(Math.toRadians(LAT0));
        int second = 0;
        int lanes = (int) Math.ceil(BOX.getWidth() / metreLon / 40) + 1;
        for (int lane = 0; lane <= lanes; lane++) {
            double lon = BOX.getMinX() + lane * 40 * metreLon;
            boolean up = lane % 2 == 0;
            sweep.add(new TrackPoint(second += 60, up ? BOX.getMinY() : BOX.getMaxY(), lon));
            sweep.add(new TrackPoint(second += 2400, up ? BOX.getMaxY() : BOX.getMinY(), lon));
        }
        assertThat(PatrolMetrics.of(sweep, GRID.boundary()).coverageRatio()).isEqualTo(1.0);
    }

    @Test
    void aTrackOutOfTimeOrderIsAnError() {
        List<TrackPoint> back = List.of(new TrackPoint(60, LAT0, LON0), new TrackPoint(60, LAT0, LON0));
        assertThatThrownBy(() -> PatrolMetrics.of(back, GRID.boundary()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("point 1");
        assertThatThrownBy(() -> PatrolMetrics.of(List.of(), GRID.boundary()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void haversineOfOneDegreeOfLatitude() {
        assertThat(PatrolMetrics.haversine(36, 117, 37, 117)).isCloseTo(111_195.1, within(0.1));
    }

    /** The grid rectangle's area on the haversine sphere: width at the centre's latitude × height. */
    private static double gridAreaM2() {
        double h = BOX.getHeight() / METRE_LAT;
        double w = BOX.getWidth() / METRE_LAT * Math.cos(Math.toRadians(LAT0));
        return w * h;
    }
}

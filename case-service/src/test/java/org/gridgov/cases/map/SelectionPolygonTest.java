package org.gridgov.cases.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.cases.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class SelectionPolygonTest {

    static List<List<Double>> ring(double... lonLat) {
        List<List<Double>> out = new ArrayList<>();
        for (int i = 0; i < lonLat.length; i += 2) {
            out.add(List.of(lonLat[i], lonLat[i + 1]));
        }
        return out;
    }

    @Test
    void anOpenRingIsClosedAndCoversItsInsideAndBoundaryOnly() {
        SelectionPolygon p = SelectionPolygon.of(ring(117.0, 36.6, 117.1, 36.6, 117.1, 36.7, 117.0, 36.7));
        assertThat(p.polygon().getNumPoints()).isEqualTo(5);
        assertThat(p.covers(117.05, 36.65)).isTrue();
        assertThat(p.covers(117.1, 36.65)).as("on the boundary").isTrue();
        assertThat(p.covers(117.2, 36.65)).isFalse();
    }

    @Test
    void aSelfIntersectingBowTieIsRefusedWithWhereItCrosses() {
        assertThatThrownBy(() -> SelectionPolygon.of(ring(117.0, 36.6, 117.1, 36.7, 117.1, 36.6, 117.0, 36.7)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("自相交")
                .hasMessageContaining("117.050000, 36.650000")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("polygon"));
    }

    @Test
    void tooManyVerticesTooFewOrMalformedOnesAreRefused() {
        List<List<Double>> circle = new ArrayList<>();
        for (int i = 0; i <= SelectionPolygon.MAX_VERTICES; i++) {
            double a = 2 * Math.PI * i / (SelectionPolygon.MAX_VERTICES + 1);
            circle.add(List.of(117 + 0.01 * Math.cos(a), 36.6 + 0.01 * Math.sin(a)));
        }
        assertThatThrownBy(() -> SelectionPolygon.of(circle)).hasMessageContaining("顶点过多");
        assertThat(SelectionPolygon.of(circle.subList(0, SelectionPolygon.MAX_VERTICES))
                        .covers(117, 36.6))
                .isTrue();
        assertThatThrownBy(() -> SelectionPolygon.of(ring(117.0, 36.6, 117.1, 36.6)))
                .hasMessageContaining("3 个不同的顶点");
        assertThatThrownBy(() -> SelectionPolygon.of(ring(117.0, 36.6, 117.1, 36.6, 117.2, 36.6)))
                .hasMessageContaining("面积为零");
        assertThatThrownBy(() -> SelectionPolygon.of(ring(117.0, 36.6, 217.1, 36.6, 117.1, 36.7)))
                .hasMessageContaining("第 2 个顶点");
        assertThatThrownBy(() -> SelectionPolygon.of(List.of(List.of(117.0)))).hasMessageContaining("[经度, 纬度]");
        assertThatThrownBy(() -> SelectionPolygon.of(null)).hasMessageContaining("缺少");
    }
}

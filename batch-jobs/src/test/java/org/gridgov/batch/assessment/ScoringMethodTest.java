package org.gridgov.batch.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The three scoring methods of the contract, exact to the cent, at 0, below, at and above the target. */
class ScoringMethodTest {

    @Test
    void ratioToTargetGivesAShareOfTheWeightUpToTheTarget() {
        ScoringMethod m = ScoringMethod.RATIO_TO_TARGET;
        assertThat(m.points(20, 20, 0.0)).isEqualByComparingTo("0.00");
        assertThat(m.points(20, 20, 15.0)).isEqualByComparingTo("15.00");
        assertThat(m.points(20, 20, 20.0)).isEqualByComparingTo("20.00");
        assertThat(m.points(20, 20, 35.0)).as("above the target: capped").isEqualByComparingTo("20.00");
        // 10 × 1/3 = 3.333… and 10 × 2/3 = 6.666…: half up to two decimals
        assertThat(m.points(10, 3, 1.0)).isEqualByComparingTo("3.33");
        assertThat(m.points(10, 3, 2.0)).isEqualByComparingTo("6.67");
        assertThat(m.points(10, 0.8, 0.5)).isEqualByComparingTo("6.25");
        assertThat(m.points(10, 1.0, null)).as("no raw value: no points").isEqualByComparingTo("0.00");
        assertThat(m.points(10, 0, 0.0)).as("a target of 0 is met by anything").isEqualByComparingTo("10.00");
        assertThat(m.points(10, 3, 2.0).scale()).isEqualTo(2);
    }

    @Test
    void inverseCountLosesTheWeightLinearlyUntilTheTarget() {
        ScoringMethod m = ScoringMethod.INVERSE_COUNT;
        assertThat(m.points(10, 4, 0.0)).isEqualByComparingTo("10.00");
        assertThat(m.points(10, 4, 1.0)).isEqualByComparingTo("7.50");
        assertThat(m.points(5, 5, 2.0)).isEqualByComparingTo("3.00");
        assertThat(m.points(10, 4, 4.0)).isEqualByComparingTo("0.00");
        assertThat(m.points(10, 4, 9.0))
                .as("above the target: nothing, never negative")
                .isEqualByComparingTo("0.00");
        assertThat(m.points(10, 3, 1.0)).isEqualByComparingTo("6.67");
        assertThat(m.points(10, 0, 0.0))
                .as("target 0: none allowed, none happened")
                .isEqualByComparingTo("10.00");
        assertThat(m.points(10, 0, 1.0)).isEqualByComparingTo("0.00");
    }

    @Test
    void thresholdIsAllOrNothingAtTheTarget() {
        ScoringMethod m = ScoringMethod.THRESHOLD;
        assertThat(m.points(15, 0.9, 0.0)).isEqualByComparingTo("0.00");
        assertThat(m.points(15, 0.9, 0.85)).isEqualByComparingTo("0.00");
        assertThat(m.points(15, 0.9, 0.9)).as("at the target").isEqualByComparingTo("15.00");
        assertThat(m.points(15, 0.9, 1.2)).isEqualByComparingTo("15.00");
        assertThat(m.points(5, 2, 1.0)).isEqualByComparingTo("0.00");
        assertThat(m.points(5, 2, 2.0)).isEqualByComparingTo("5.00");
    }

    @Test
    void methodsAreReadByNameAndAnUnknownOneIsNamed() {
        assertThat(ScoringMethod.of(" ratio_to_target ")).isEqualTo(ScoringMethod.RATIO_TO_TARGET);
        assertThat(ScoringMethod.of("INVERSE_COUNT")).isEqualTo(ScoringMethod.INVERSE_COUNT);
        assertThatThrownBy(() -> ScoringMethod.of("LINEAR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'LINEAR'")
                .hasMessageContaining("THRESHOLD");
        assertThatThrownBy(() -> ScoringMethod.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

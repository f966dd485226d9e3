package org.gridgov.batch.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.common.config.GridgovConfig;
import org.junit.jupiter.api.Test;

class LevelCalibrationTest {

    private final RiskModel model = RiskModel.defaults();
    private final LevelCalibration calibration = LevelCalibration.defaults();

    @Test
    void defaultsAreHalfAPercentRedTwoPercentOrangeTenPercentYellowAndAHundredSeats() {
        assertThat(calibration).isEqualTo(new LevelCalibration(0.005, 0.02, 0.10, 100));
    }

    @Test
    void aMillionPersonsAllScoringTheMaximumHaveAtMostHalfAPercentRed() {
        long persons = 1_000_000;
        Map<String, Long> levels = new LinkedHashMap<>();
        for (long rank = 1; rank <= persons; rank++) {
            levels.merge(calibration.level(model, 100, rank, persons), 1L, Long::sum);
        }
        assertThat(levels)
                .containsEntry(RiskModel.RED, 5_000L)
                .containsEntry(RiskModel.ORANGE, 20_000L)
                .containsEntry(RiskModel.YELLOW, 100_000L)
                .containsEntry(RiskModel.BLUE, 875_000L);
    }

    @Test
    void aSmallPopulationKeepsTheThresholdLevels() {
        // twelve persons: every level has a hundred seats, so the score thresholds alone decide
        assertThat(calibration.level(model, 80, 1, 12)).isEqualTo(RiskModel.RED);
        assertThat(calibration.level(model, 60, 6, 12)).isEqualTo(RiskModel.RED);
        assertThat(calibration.level(model, 45, 7, 12)).isEqualTo(RiskModel.ORANGE);
        assertThat(calibration.level(model, 20, 10, 12)).isEqualTo(RiskModel.YELLOW);
        assertThat(calibration.level(model, 2, 12, 12)).isEqualTo(RiskModel.BLUE);
    }

    @Test
    void nobodyIsRedBelowTheRedThresholdHoweverFewScore() {
        assertThat(calibration.level(model, 59.9, 1, 1_000_000)).isEqualTo(RiskModel.ORANGE);
        assertThat(calibration.level(model, 19.9, 1, 1_000_000)).isEqualTo(RiskModel.BLUE);
    }

    @Test
    void aPersonPastTheRedSeatsFallsToTheNextLevelWithASeat() {
        long persons = 100_000; // 500 red seats, 2 500 red or orange, 12 500 yellow or better
        assertThat(calibration.level(model, 90, 500, persons)).isEqualTo(RiskModel.RED);
        assertThat(calibration.level(model, 90, 501, persons)).isEqualTo(RiskModel.ORANGE);
        assertThat(calibration.level(model, 90, 2_501, persons)).isEqualTo(RiskModel.YELLOW);
        assertThat(calibration.level(model, 90, 12_501, persons)).isEqualTo(RiskModel.BLUE);
    }

    @Test
    void sharesAreTypedOptionsCheckedWhenRead() {
        LevelCalibration custom = LevelCalibration.fromConfig(GridgovConfig.of(
                Map.of("risk.level.red-share", "0.01", "risk.level.min-seats", "0"), AnalyticsOptions.ALL));
        assertThat(custom.redSeats(1_000)).isEqualTo(10);
        assertThat(custom.redSeats(99)).isZero();
        assertThatThrownBy(() -> LevelCalibration.fromConfig(
                        GridgovConfig.of(Map.of("risk.level.red-share", "1.5"), AnalyticsOptions.ALL)))
                .hasMessageContaining("risk.level.red-share");
        assertThatThrownBy(() -> new LevelCalibration(0.5, 0.4, 0.2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.gridgov.simulator.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/** Keys of the alert scorer ({@code AlertScorer}), besides the platform's warehouse and salt keys. */
public final class ScoreOptions {

    public static final ConfigOption<String> GROUND_TRUTH = ConfigOption.string(
            "alerts.score.ground-truth",
            "",
            "Ground-truth file written by the generator (ground-truth.json) to score the alert table against.");
    /** Its default is what the demo requires of every scored rule too, for precision and recall alike. */
    public static final ConfigOption<Double> MIN_SCORE = ConfigOption.number(
                    "alerts.score.min",
                    0.95,
                    "Precision and recall every scored rule must reach for the scorer to exit 0 (0 to 1).")
            .atLeast(0.0)
            .atMost(1.0);

    public static final List<ConfigOption<?>> ALL = List.of(GROUND_TRUTH, MIN_SCORE);

    private ScoreOptions() {}
}

package org.gridgov.simulator.api;

import static org.gridgov.common.job.JobEntryPoint.optionsOf;

import java.util.List;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.job.JobEntryPoint;

/**
 * The simulator's main, for {@code gridgov config} (the generator runs inside the launcher, which calls it directly).
 * {@code SimulatorCommandTest} checks the class name against the build.
 */
public enum SimulatorCommand implements JobEntryPoint {
    ALERT_SCORER(
            "org.gridgov.simulator.score.AlertScorer",
            "scores ads_alert_event against the generator's ground truth: precision and recall per rule",
            optionsOf(GridgovOptions.WAREHOUSE, List.of(GridgovOptions.PII_SALT), ScoreOptions.ALL));

    static final String MODULE = "simulator";

    private final Spec spec;

    SimulatorCommand(String mainClass, String description, List<ConfigOption<?>> options) {
        this.spec = new Spec(MODULE, mainClass, description, options, false);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}

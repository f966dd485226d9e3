package org.gridgov.nlp.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.job.JobEntryPoint;

/**
 * The nlp module's mains that the launcher starts in another JVM and {@code gridgov config} lists. {@code gridgov
 * classify} and {@code gridgov nlp train} run in the launcher's own JVM (their command lines are nlp/README.md's), so
 * only the benchmark is here. {@code NlpCommandTest} checks every class name against the build.
 */
public enum NlpCommand implements JobEntryPoint {
    CLASSIFIER_BENCHMARK(
            "org.gridgov.nlp.bench.ClassifierBenchmark",
            "letter classification characters/s per core, whole and by stage (gridgov bench classify)",
            ClassifierBenchmarkOptions.ALL,
            true);

    static final String MODULE = "nlp";

    private final Spec spec;

    NlpCommand(String mainClass, String description, List<ConfigOption<?>> options, boolean benchmark) {
        this.spec = new Spec(MODULE, mainClass, description, options, benchmark);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}

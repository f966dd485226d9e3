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

    CLASSIFIER_BENCHMARK("org.gridgov.nlp.bench.ClassifierBenchmark",
            "letter classification characters/s per core, whole and by stage (gridgov bench classify)",
            ClassifierBenchmarkOptions.ALL, true);

    static final String MODULE = "nlp";

    private final String mainClass;
    private final String description;
    private final List<ConfigOption<?>> options;
    private final boolean benchmark;

    NlpCommand(String mainClass, String description, List<ConfigOption<?>> options, boolean benchmark) {
        this.mainClass = mainClass;
        this.description = description;
        this.options = options;
        this.benchmark = benchmark;
    }

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public String mainClass() {
        return mainClass;
    }

    @Override
    public List<ConfigOption<?>> options() {
        return options;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean benchmark() {
        return benchmark;
    }
}

package org.gridgov.nlp.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the classification benchmark ({@code gridgov bench classify}). Declared here, not beside the benchmark (a
 * test-scope main), so that {@code gridgov config} lists them; named apart from the analytics benchmark's
 * {@code bench.texts}, since a key means one thing across the platform.
 */
public final class ClassifierBenchmarkOptions {

    public static final ConfigOption<Integer> LETTERS = ConfigOption.integer(
                    "bench.letters",
                    6000,
                    "Letters (both generators, half with salutations and closings) the classification benchmark classifies "
                            + "per round.")
            .atLeast(1);
    public static final ConfigOption<Integer> ROUNDS = ConfigOption.integer(
                    "bench.rounds",
                    7,
                    "Timed rounds of the classification benchmark; it prints the median and the best.")
            .atLeast(1);

    public static final List<ConfigOption<?>> ALL = List.of(LETTERS, ROUNDS);

    private ClassifierBenchmarkOptions() {}
}

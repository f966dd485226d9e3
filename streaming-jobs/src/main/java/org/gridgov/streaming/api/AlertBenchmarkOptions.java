package org.gridgov.streaming.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the alert benchmark ({@code gridgov bench alerts}), besides the job's own: declared here, not beside the
 * benchmark (a test-scope main), so that {@code gridgov config} lists them.
 */
public final class AlertBenchmarkOptions {

    public static final ConfigOption<Long> EVENTS = ConfigOption.longValue(
                    "bench.events", 2_000_000L, "Events per throughput run of the alert benchmark.")
            .atLeast(1L);
    public static final ConfigOption<List<String>> RATES = ConfigOption.stringList(
                    "bench.rates",
                    List.of("1000", "10000", "50000"),
                    "Input rates (events/s) of the alert benchmark's latency runs, one run "
                            + "of bench.seconds each, in this order; p50/p95/p99/max produce→alert latency per rate.")
            .withDeprecatedKeys("bench.rate");
    public static final ConfigOption<Integer> SECONDS = ConfigOption.integer(
                    "bench.seconds", 30, "Length of each of the alert benchmark's latency runs in seconds.")
            .atLeast(1);
    public static final ConfigOption<List<String>> PATHS = ConfigOption.stringList(
            "bench.paths",
            List.of("full", "pass-through", "raw", "rules"),
            "Throughput runs of the alert benchmark, in this order: "
                    + "full (dwd records read + rules, the job's path), pass-through (the same records read, no rules: "
                    + "the ceiling), raw (before issue 15: raw JSON decoded, validated, keyed + rules), rules (rules "
                    + "alone); e.g. full,pass-through to skip the slow raw path; a path named twice runs twice (after the warm-up "
                    + "runs of bench.warm-up-runs).");
    public static final ConfigOption<Integer> WARM_UP_RUNS = ConfigOption.integer(
                    "bench.warm-up-runs",
                    1,
                    "Full-path runs of bench.events events before the measured throughput runs of the alert benchmark, each "
                            + "printed as a warm-up and left out of the ratio: the first run of a JVM pays the JIT's "
                            + "compilation (about 2x the CPU per event of a warm run); 0 measures the cold run as the first "
                            + "path.")
            .atLeast(0);
    public static final ConfigOption<Boolean> LATENCY = ConfigOption.bool(
            "bench.latency", true, "Run the alert benchmark's latency part (needs kafka.bootstrap-servers).");

    public static final List<ConfigOption<?>> ALL = List.of(EVENTS, WARM_UP_RUNS, PATHS, RATES, SECONDS, LATENCY);

    private AlertBenchmarkOptions() {}
}

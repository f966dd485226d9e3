package org.gridgov.streaming.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the alert benchmark ({@code gridgov bench alerts}), besides the job's own: declared here, not beside the
 * benchmark (a test-scope main), so that {@code gridgov config} lists them.
 */
public final class AlertBenchmarkOptions {

    public static final ConfigOption<Long> EVENTS = ConfigOption.longValue("bench.events", 2_000_000L,
            "Events per throughput run of the alert benchmark.").atLeast(1L);
    public static final ConfigOption<Integer> RATE = ConfigOption.integer("bench.rate", 10_000,
            "Input rate (events/s) of the alert benchmark's latency run.").atLeast(1);
    public static final ConfigOption<Integer> SECONDS = ConfigOption.integer("bench.seconds", 30,
            "Length of the alert benchmark's latency run in seconds.").atLeast(1);
    public static final ConfigOption<Boolean> LATENCY = ConfigOption.bool("bench.latency", true,
            "Run the alert benchmark's latency part (needs kafka.bootstrap-servers).");

    public static final List<ConfigOption<?>> ALL = List.of(EVENTS, RATE, SECONDS, LATENCY);

    private AlertBenchmarkOptions() {
    }
}

package org.gridgov.cases.launch;

import java.time.Duration;
import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the case-service benchmark ({@code gridgov bench cases}), besides the platform's {@code warehouse.*} (the
 * MariaDB or MySQL server it creates its own database on): declared here, not beside the benchmark (a test-scope
 * main), so that {@code gridgov config} lists them.
 */
public final class CaseBenchmarkOptions {

    public static final ConfigOption<Integer> CASES = ConfigOption.integer(
                    "bench.cases", 1_000_000, "Cases stored before the case-service benchmark measures (3 % open).")
            .atLeast(0);
    public static final ConfigOption<Integer> THREADS = ConfigOption.integer(
                    "bench.threads", 8, "HTTP clients creating cases at once in the case-service benchmark.")
            .atLeast(1);
    public static final ConfigOption<Duration> DURATION = ConfigOption.duration(
                    "bench.duration",
                    Duration.ofSeconds(30),
                    "How long the case-service benchmark measures case creations (the todo lists "
                            + "half as long, at least 10 s).")
            .atLeast(Duration.ofSeconds(1));

    public static final ConfigOption<String> JFR = ConfigOption.string(
            "bench.jfr",
            "",
            "Path prefix of JFR recordings (settings \"profile\") of the measured creations and of the no-op HTTP"
                    + " ceiling, written to PREFIX-creations.jfr and PREFIX-noop.jfr; empty: no recording. Start the"
                    + " JVM with -XX:FlightRecorderOptions:stackdepth=256 so Spring's deep stacks are not cut.");

    public static final List<ConfigOption<?>> ALL = List.of(CASES, THREADS, DURATION, JFR);

    /** {@code gridgov bench similar} (issue 19): the similar-case finder with this many open cases stored. */
    public static final ConfigOption<Integer> OPEN_CASES = ConfigOption.integer(
                    "bench.open-cases",
                    1_000_000,
                    "Open cases seeded on a fresh database before the similar-case benchmark measures.")
            .atLeast(0);

    public static final ConfigOption<Integer> PROBES = ConfigOption.integer(
                    "bench.probes",
                    2_000,
                    "New reports the similar-case benchmark asks about (one at a time, after 200 warm-up probes).")
            .atLeast(1);

    public static final List<ConfigOption<?>> SIMILAR = List.of(OPEN_CASES, PROBES);

    private CaseBenchmarkOptions() {}
}

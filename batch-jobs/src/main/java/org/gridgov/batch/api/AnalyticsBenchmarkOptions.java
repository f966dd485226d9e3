package org.gridgov.batch.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the analytics benchmark ({@code gridgov bench analytics}); a size of 0 skips that part. Declared here, not
 * beside the benchmark (a test-scope main), so that {@code gridgov config} lists them; the benchmark also reads the
 * platform's {@code spark.master}.
 */
public final class AnalyticsBenchmarkOptions {

    public static final ConfigOption<Long> TEXTS = ConfigOption.longValue(
                    "bench.texts", 1_000_000L, "Texts the hot-word part of the analytics benchmark computes over.")
            .atLeast(0L);
    public static final ConfigOption<Long> PERSONS = ConfigOption.longValue(
                    "bench.persons", 1_000_000L, "Persons the risk part of the analytics benchmark scores.")
            .atLeast(0L);
    public static final ConfigOption<Long> RISK_EVENTS = ConfigOption.longValue(
                    "bench.risk-events",
                    10_000_000L,
                    "Events (petitions, calls, incidents, arrears) of the analytics benchmark's risk part.")
            .atLeast(0L);
    public static final ConfigOption<Integer> RAW_TEXTS = ConfigOption.integer(
                    "bench.raw-texts",
                    100_000,
                    "Texts the analytics benchmark segments with HanLP in one thread, outside Spark.")
            .atLeast(0);
    public static final ConfigOption<Integer> SHUFFLE_PARTITIONS = ConfigOption.integer(
                    "bench.shuffle-partitions", 8, "spark.sql.shuffle.partitions of the analytics benchmark's session.")
            .atLeast(1);

    public static final ConfigOption<String> RISK_OUTPUT = ConfigOption.string(
            "bench.risk-output",
            "",
            "Directory the risk part also writes every scored person to (Parquet, overwritten), to compare two builds "
                    + "row by row; empty: only the noop sink.");

    public static final List<ConfigOption<?>> ALL =
            List.of(TEXTS, PERSONS, RISK_EVENTS, RAW_TEXTS, SHUFFLE_PARTITIONS, RISK_OUTPUT);

    private AnalyticsBenchmarkOptions() {}
}

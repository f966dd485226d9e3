package org.gridgov.batch.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the assessment benchmark ({@code gridgov bench assessment}), prefixed {@code bench.assessment-} so they
 * clash with no other benchmark's. Declared here, not beside the benchmark (a test-scope main), so that {@code gridgov
 * config} lists them; the benchmark also reads the platform's {@code spark.master}.
 */
public final class AssessmentBenchmarkOptions {

    public static final ConfigOption<Integer> WORKERS = ConfigOption.integer(
                    "bench.assessment-workers",
                    10_000,
                    "Grid workers (one per generated grid) the assessment benchmark scores.")
            .atLeast(1);
    public static final ConfigOption<Integer> DAYS = ConfigOption.integer(
                    "bench.assessment-days",
                    30,
                    "Days of work records per worker the assessment benchmark generates (from the 1st of its month).")
            .atLeast(1);
    public static final ConfigOption<Integer> PATROLS_PER_DAY = ConfigOption.integer(
                    "bench.assessment-patrols-per-day",
                    2,
                    "Patrols per worker and day the assessment benchmark generates.")
            .atLeast(0);
    public static final ConfigOption<Integer> POINTS_PER_PATROL = ConfigOption.integer(
                    "bench.assessment-points-per-patrol",
                    5,
                    "GPS points per generated patrol the benchmark counts towards its size (10,000 workers x 30 days x 2 "
                            + "patrols x 5 = 3 M); the dwd_grid_patrol rows stand for those tracks.")
            .atLeast(1);
    public static final ConfigOption<Integer> SHUFFLE_PARTITIONS = ConfigOption.integer(
                    "bench.assessment-shuffle-partitions",
                    8,
                    "spark.sql.shuffle.partitions of the assessment benchmark.")
            .atLeast(1);

    public static final ConfigOption<Boolean> THROUGH_WAREHOUSE = ConfigOption.bool(
            "bench.assessment-through-warehouse",
            true,
            "Also load the generated records into a fresh embedded MariaDB warehouse and time the job as it runs in "
                    + "production: reading its inputs over JDBC and upserting both ADS tables.");

    public static final List<ConfigOption<?>> ALL =
            List.of(WORKERS, DAYS, PATROLS_PER_DAY, POINTS_PER_PATROL, SHUFFLE_PARTITIONS, THROUGH_WAREHOUSE);

    private AssessmentBenchmarkOptions() {}
}

package org.gridgov.ingestion.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the ingest benchmark ({@code gridgov bench ingest}), besides the runner's and the gateway's: declared here,
 * not beside the benchmark (a test-scope main), so that {@code gridgov config} lists them.
 */
public final class IngestBenchmarkOptions {

    public static final ConfigOption<Long> RECORDS = ConfigOption.longValue(
                    "bench.records",
                    200_000L,
                    "Records the ingest benchmark generates (all five sources) and loads, and publishes through the gateway.")
            .atLeast(1L);
    public static final ConfigOption<String> DIR = ConfigOption.string(
            "bench.dir",
            "",
            "Scratch directory of the ingest benchmark's export files; empty means a temporary directory.");

    public static final ConfigOption<Long> SLICE_RECORDS = ConfigOption.longValue(
                    "bench.slice-records",
                    100_000L,
                    "Records per slice of the local load and of its plain LOAD DATA ceiling: each slice's rows/s and CPU per "
                            + "row are printed, so a rate that falls as the tables grow is visible.")
            .atLeast(1L);
    public static final ConfigOption<Boolean> GATEWAY =
            ConfigOption.bool("bench.gateway", true, "Also measure the intake gateway into Kafka after the loads.");

    public static final List<ConfigOption<?>> ALL = List.of(RECORDS, DIR, SLICE_RECORDS, GATEWAY);

    private IngestBenchmarkOptions() {}
}

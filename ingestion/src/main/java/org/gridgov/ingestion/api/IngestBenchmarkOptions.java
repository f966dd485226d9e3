package org.gridgov.ingestion.api;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the ingest benchmark ({@code gridgov bench ingest}), besides the runner's and the gateway's: declared here,
 * not beside the benchmark (a test-scope main), so that {@code gridgov config} lists them.
 */
public final class IngestBenchmarkOptions {

    public static final ConfigOption<Long> RECORDS = ConfigOption.longValue("bench.records", 200_000L,
            "Records the ingest benchmark generates (all five sources) and loads, and publishes through the gateway.")
            .atLeast(1L);
    public static final ConfigOption<String> DIR = ConfigOption.string("bench.dir", "",
            "Scratch directory of the ingest benchmark's export files; empty means a temporary directory.");

    public static final List<ConfigOption<?>> ALL = List.of(RECORDS, DIR);

    private IngestBenchmarkOptions() {
    }
}

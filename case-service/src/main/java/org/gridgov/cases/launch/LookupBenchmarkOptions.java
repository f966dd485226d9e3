package org.gridgov.cases.launch;

import java.util.List;
import org.gridgov.common.config.ConfigOption;

/**
 * Keys of the 综合查询 benchmark ({@code gridgov bench lookup}, issue 17), besides the platform's {@code warehouse.*}
 * (the MariaDB or MySQL server it creates its own databases on). Declared here so {@code gridgov config} lists them.
 */
public final class LookupBenchmarkOptions {

    public static final ConfigOption<Integer> PERSONS = ConfigOption.integer(
                    "bench.lookup-persons",
                    1_000_000,
                    "Persons in the benchmark's person index (each with a risk score).")
            .atLeast(1);
    public static final ConfigOption<Integer> EVENTS = ConfigOption.integer(
                    "bench.lookup-records",
                    10_000_000,
                    "Records in the benchmark's person index (dws_person_event), spread over the persons.")
            .atLeast(1);
    public static final ConfigOption<Integer> LOOKUPS = ConfigOption.integer(
                    "bench.lookups",
                    2_000,
                    "Person files (GET /api/lookup/persons/{ref}) measured, after 200 to warm up.")
            .atLeast(1);
    public static final ConfigOption<Integer> THREADS = ConfigOption.integer(
                    "bench.lookup-threads", 4, "HTTP clients looking up at once.")
            .atLeast(1);

    public static final List<ConfigOption<?>> ALL = List.of(PERSONS, EVENTS, LOOKUPS, THREADS);

    private LookupBenchmarkOptions() {}
}

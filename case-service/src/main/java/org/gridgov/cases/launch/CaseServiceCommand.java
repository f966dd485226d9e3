package org.gridgov.cases.launch;

import static org.gridgov.common.job.JobEntryPoint.optionsOf;

import java.util.List;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.job.JobEntryPoint;

/**
 * The case service's mains, as the launcher starts them and {@code gridgov config} lists them. This package loads no
 * Spring class (the REST controllers have {@code api}): the launcher reads it from the module's {@code api} jar.
 * {@code CaseServiceCommandTest} checks every class name against the build.
 */
public enum CaseServiceCommand implements JobEntryPoint {
    SERVICE(
            "org.gridgov.cases.CaseServiceApplication",
            "case service (Spring Boot): reporting, dispatch, workflow, tasks, alert inbox, Open311, cockpit",
            CaseServiceOptions.ALL,
            false),
    BENCHMARK(
            "org.gridgov.cases.bench.CaseServiceBenchmark",
            "case creations/s and todo-list latency with a million stored cases (gridgov bench cases)",
            optionsOf(
                    List.of(
                            GridgovOptions.WAREHOUSE_URL,
                            GridgovOptions.WAREHOUSE_USER,
                            GridgovOptions.WAREHOUSE_PASSWORD),
                    CaseBenchmarkOptions.ALL),
            true),
    SIMILAR_BENCHMARK(
            "org.gridgov.cases.bench.SimilarCaseBenchmark",
            "similar-case search p50/p95/p99/max with a million open cases (gridgov bench similar)",
            optionsOf(
                    List.of(
                            GridgovOptions.WAREHOUSE_URL,
                            GridgovOptions.WAREHOUSE_USER,
                            GridgovOptions.WAREHOUSE_PASSWORD),
                    CaseBenchmarkOptions.SIMILAR),
            true),
    DUPLICATE_VERDICTS(
            "org.gridgov.cases.duplicate.PairVerdicts",
            "the similar-case finder's decision on every pair of a file of reports (the demo's duplicate score)",
            optionsOf(
                    List.of(
                            CaseServiceOptions.DUPLICATE_RADIUS_METRES,
                            CaseServiceOptions.DUPLICATE_WINDOW,
                            CaseServiceOptions.DUPLICATE_THRESHOLD),
                    DuplicateVerdictOptions.ALL),
            false),
    LOOKUP_BENCHMARK(
            "org.gridgov.cases.bench.LookupBenchmark",
            "综合查询 person file latency with 1M persons and 10M records indexed (gridgov bench lookup)",
            optionsOf(
                    List.of(
                            GridgovOptions.WAREHOUSE_URL,
                            GridgovOptions.WAREHOUSE_USER,
                            GridgovOptions.WAREHOUSE_PASSWORD),
                    LookupBenchmarkOptions.ALL),
            true);

    static final String MODULE = "case-service";

    private final Spec spec;

    CaseServiceCommand(String mainClass, String description, List<ConfigOption<?>> options, boolean benchmark) {
        this.spec = new Spec(MODULE, mainClass, description, options, benchmark);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}

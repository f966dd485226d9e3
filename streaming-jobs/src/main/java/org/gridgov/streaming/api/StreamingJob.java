package org.gridgov.streaming.api;

import static org.gridgov.common.job.JobEntryPoint.optionsOf;

import java.util.List;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.job.JobEntryPoint;

/**
 * The mains of streaming-jobs, as the launcher starts them and {@code gridgov config} lists them. This package loads
 * no Flink class: the launcher reads it from the module's {@code api} jar. {@code StreamingJobTest} checks every
 * class name against the build.
 */
public enum StreamingJob implements JobEntryPoint {
    ODS_LOADER(
            "org.gridgov.streaming.odsloader.OdsLoaderJob",
            "Flink ODS loader: raw.* → validate, protect PII → ODS/DWD upserts and dead letters",
            optionsOf(
                    List.of(
                            GridgovOptions.KAFKA_BOOTSTRAP,
                            GridgovOptions.PII_SALT,
                            GridgovOptions.LOADER_BOUNDED,
                            GridgovOptions.LOADER_PARALLELISM,
                            GridgovOptions.LOADER_GROUP_ID,
                            GridgovOptions.LOADER_CHECKPOINT_INTERVAL,
                            GridgovOptions.LOADER_BATCH_SIZE,
                            GridgovOptions.LOADER_DUPLICATE_WINDOW),
                    GridgovOptions.WAREHOUSE,
                    FlinkJobOptions.CLIENT,
                    FlinkJobOptions.ALL),
            false),
    ALERTS(
            "org.gridgov.streaming.alerts.AlertJob",
            "Flink alert job: key persons, group petitions, overdue cases → alerts topic, warehouse, robot pushes",
            // no pii.salt: the job reads salted person keys and computes none (issue 15)
            optionsOf(
                    List.of(GridgovOptions.KAFKA_BOOTSTRAP),
                    GridgovOptions.WAREHOUSE,
                    AlertOptions.ALL,
                    FlinkJobOptions.CLIENT,
                    FlinkJobOptions.ALL),
            false),
    ALERT_BENCHMARK(
            "org.gridgov.streaming.bench.AlertBenchmark",
            "alert job throughput in memory and produce→alert latency through Kafka (gridgov bench alerts)",
            optionsOf(
                    List.of(GridgovOptions.KAFKA_BOOTSTRAP, GridgovOptions.PII_SALT),
                    AlertOptions.ALL,
                    AlertBenchmarkOptions.ALL),
            true);

    static final String MODULE = "streaming-jobs";

    private final Spec spec;

    StreamingJob(String mainClass, String description, List<ConfigOption<?>> options, boolean benchmark) {
        this.spec = new Spec(MODULE, mainClass, description, options, benchmark);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}

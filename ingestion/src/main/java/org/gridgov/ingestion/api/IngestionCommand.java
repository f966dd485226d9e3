package org.gridgov.ingestion.api;

import static org.gridgov.common.job.JobEntryPoint.optionsOf;

import java.util.List;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.job.JobEntryPoint;

/**
 * The mains of ingestion: {@code gridgov ingest}, {@code gateway} and {@code open311} call them in the launcher's JVM,
 * Airflow's DataX tasks start the runner; {@code gridgov config} lists their options from here.
 * {@code IngestionCommandTest} checks every class name against the build.
 */
public enum IngestionCommand implements JobEntryPoint {
    INGEST(
            "org.gridgov.ingestion.datax.LocalDataxRunner",
            "local DataX runner: a DataX job file → validate, protect PII, map → warehouse (or staged for DataX)",
            optionsOf(GridgovOptions.WAREHOUSE, List.of(GridgovOptions.PII_SALT), IngestOptions.RUNNER),
            false),
    GATEWAY(
            "org.gridgov.ingestion.gateway.GatewayMain",
            "Kafka intake gateway: files or POST /intake/<source> → raw.<source>, rejects → dlq.<source>",
            optionsOf(
                    GridgovOptions.WAREHOUSE,
                    List.of(
                            GridgovOptions.KAFKA_BOOTSTRAP,
                            GridgovOptions.PII_SALT,
                            IngestOptions.ALLOW_EMPTY,
                            IngestOptions.MAX_LINE_SIZE),
                    IngestOptions.GATEWAY),
            false),
    OPEN311(
            "org.gridgov.ingestion.open311.Open311Import",
            "Open311 GeoReport v2 requests.json → 12345 cases through the intake gateway",
            optionsOf(
                    GridgovOptions.WAREHOUSE,
                    List.of(
                            GridgovOptions.KAFKA_BOOTSTRAP,
                            GridgovOptions.PII_SALT,
                            IngestOptions.GATEWAY_AUDIT,
                            IngestOptions.GATEWAY_INSTANCE),
                    IngestOptions.OPEN311),
            false),
    INGEST_BENCHMARK(
            "org.gridgov.ingestion.bench.EmbeddedIngestBenchmark",
            "runner rows/s into an embedded MariaDB and gateway records/s into Kafka (gridgov bench ingest)",
            optionsOf(
                    GridgovOptions.WAREHOUSE,
                    List.of(GridgovOptions.KAFKA_BOOTSTRAP, GridgovOptions.PII_SALT),
                    IngestOptions.RUNNER,
                    IngestBenchmarkOptions.ALL),
            true);

    static final String MODULE = "ingestion";

    private final Spec spec;

    IngestionCommand(String mainClass, String description, List<ConfigOption<?>> options, boolean benchmark) {
        this.spec = new Spec(MODULE, mainClass, description, options, benchmark);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}

package org.gridgov.ingestion.bench;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.kafka.Topics;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.api.IngestionCommand;

/**
 * {@link IngestBenchmark} against an embedded MariaDB and Kafka broker started here (a main, not a test), so the
 * MariaDB is a child of the measuring JVM and its CPU time counts. {@code gridgov bench ingest} runs it; extra
 * arguments ({@code --bench.records=1000000}, {@code --ingest.writers=3}, {@code --ingest.verify=false}) pass through.
 */
public final class EmbeddedIngestBenchmark {

    private EmbeddedIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start();
                EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR));
            List<String> all = new ArrayList<>(List.of(
                    "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                    "--warehouse.user=" + EmbeddedWarehouse.USER,
                    "--warehouse.password=" + EmbeddedWarehouse.PASSWORD,
                    "--warehouse.dialect=mysql",
                    "--kafka.bootstrap-servers=" + kafka.bootstrapServers()));
            all.addAll(List.of(args));
            new IngestBenchmark(
                            GridgovConfig.fromArgs(
                                    all.toArray(String[]::new), IngestionCommand.INGEST_BENCHMARK.options()),
                            System.out)
                    .run();
        }
    }
}

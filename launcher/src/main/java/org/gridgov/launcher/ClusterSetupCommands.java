package org.gridgov.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.kafka.TopicProvisioner;
import org.gridgov.common.kafka.Topics;
import org.gridgov.warehouse.DdlOptions;
import org.gridgov.warehouse.DdlScript;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.WarehouseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * What an operator runs once per cluster before the jobs: the platform's Kafka topics and the warehouse DDL, as the
 * root README's "Running on clusters" section shows them.
 */
final class ClusterSetupCommands {

    /** How long topic creation waits for the brokers. */
    static final long KAFKA_TIMEOUT_MS = 30_000;
    /** Exit code when existing topics differ from the registry (reported, never changed). */
    static final int TOPICS_DIFFER = 3;

    private ClusterSetupCommands() {}

    @Command(
            name = "topics",
            mixinStandardHelpOptions = true,
            description = {
                "Create every topic of the platform's registry (partitions, configs, the compacted key-persons).",
                "Usage: gridgov topics create --kafka.bootstrap-servers=HOST:PORT[,...] [--kafka.replication=N]",
                "Idempotent: existing topics are checked, not recreated; differences are listed and exit with "
                        + TOPICS_DIFFER + "."
            })
    static final class TopicsCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "create", description = "the action (create)")
        String action;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "--key=value")
        List<String> args;
        /** The --key=value options, which picocli does not declare: the platform's configuration reads them. */
        @Unmatched
        List<String> options;

        @Override
        public Integer call() {
            if (!"create".equals(action)) {
                System.err.println("gridgov topics: unknown action '" + action + "'; expected create");
                return 2;
            }
            GridgovConfig config;
            try {
                List<String> all = new ArrayList<>(args == null ? List.of() : args);
                all.addAll(options == null ? List.of() : options);
                config = GridgovConfig.fromArgs(all.toArray(String[]::new));
            } catch (RuntimeException e) {
                System.err.println("gridgov topics: " + e.getMessage());
                return 2;
            }
            String bootstrap = config.get(GridgovOptions.KAFKA_BOOTSTRAP);
            TopicProvisioner.Report report;
            try {
                report = TopicProvisioner.provision(
                        bootstrap, Topics.all(), config.get(GridgovOptions.KAFKA_REPLICATION), KAFKA_TIMEOUT_MS);
            } catch (IllegalStateException e) {
                System.err.println("gridgov topics: " + e.getMessage());
                return 1;
            }
            report.lines().forEach(System.out::println);
            return report.mismatches().isEmpty() ? 0 : TOPICS_DIFFER;
        }
    }

    @Command(
            name = "ddl",
            mixinStandardHelpOptions = true,
            description = {
                "Print the warehouse DDL of a dialect, for the cluster's number of Doris backends.",
                "Usage: gridgov ddl [--dialect=doris|mysql] [--doris.replication=N] > schema.sql"
            })
    static final class DdlCommand implements Callable<Integer> {
        @Option(names = "--dialect", defaultValue = "doris", description = "doris or mysql (default ${DEFAULT-VALUE}).")
        String dialect;

        @Option(
                names = "--" + DdlOptions.DORIS_REPLICATION_KEY,
                defaultValue = "3",
                description = "Replicas per tablet, at most the number of Doris backends (default ${DEFAULT-VALUE}).")
        String replication;

        @Override
        public Integer call() {
            try {
                SqlDialect d = WarehouseSettings.dialect(dialect);
                System.out.print(DdlScript.render(d, DdlOptions.parseDorisReplication(replication)));
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("gridgov ddl: " + e.getMessage());
                return 2;
            }
        }
    }
}

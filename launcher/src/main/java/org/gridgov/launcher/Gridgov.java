package org.gridgov.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.kafka.TopicProvisioner;
import org.gridgov.common.kafka.Topics;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.dim.DimensionLoader;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.simulator.generator.JsonLinesWriter;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.warehouse.SqlDialect;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code gridgov} command. */
@Command(
        name = "gridgov",
        mixinStandardHelpOptions = true,
        version = "gridgov 0.1.0",
        description = "Grid-based social governance data platform: local pipeline, data generation, embedded stack.",
        subcommands = {
            Gridgov.Demo.class,
            Gridgov.Generate.class,
            Gridgov.Stack.class,
            Gridgov.Config.class,
            ClusterSetupCommands.TopicsCommand.class,
            ClusterSetupCommands.DdlCommand.class,
            IngestCommands.Ingest.class,
            IngestCommands.Gateway.class,
            IngestCommands.Open311.class,
            NlpCommands.Classify.class,
            NlpCommands.Nlp.class,
            BenchCommand.class,
            SecuritySmoke.class
        })
public final class Gridgov {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Gridgov()).execute(args));
    }

    @Command(
            name = "demo",
            mixinStandardHelpOptions = true,
            description = "Run the whole chain on embedded engines over a generated month and print what it produced.")
    static final class Demo implements Callable<Integer> {
        @Option(
                names = "--records",
                defaultValue = "20000",
                description = "Records to generate (default ${DEFAULT-VALUE}).")
        long records;

        @Option(
                names = "--month",
                defaultValue = "2024-01",
                description = "First month to generate (default ${DEFAULT-VALUE}).")
        String month;

        @Option(
                names = "--months",
                defaultValue = "2",
                description = "Months to generate (default ${DEFAULT-VALUE}: the second gives month-on-month figures).")
        int months;

        @Option(names = "--seed", defaultValue = "20240101", description = "Generator seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--invalid-rate", defaultValue = "0.02", description = "Share of deliberately broken records.")
        double invalidRate;

        @Option(
                names = {"-v", "--verbose"},
                description = "Show the engines' own output.")
        boolean verbose;

        @Option(
                names = "--job-timeout",
                defaultValue = "PT15M",
                description = "Give up on a job after this long (ISO-8601).")
        Duration jobTimeout;

        @Option(
                names = "--serve",
                negatable = true,
                defaultValue = "true",
                fallbackValue = "true",
                description = "Keep the case service running after the summary until Ctrl-C (--no-serve: exit).")
        boolean serve;

        @Option(
                names = "--case-port",
                defaultValue = "8080",
                description = "Port of the case service (a free one if taken; default ${DEFAULT-VALUE}).")
        int casePort;

        @Option(
                names = "--grid-work",
                negatable = true,
                defaultValue = "true",
                fallbackValue = "true",
                description = "Add the grid workers' attendance and GPS-tracked patrols (~12,000 records a month, on "
                        + "top of --records) with their planted anomalies (--no-grid-work: leave them out).")
        boolean gridWork;

        @Override
        public Integer call() throws Exception {
            GeneratorSpec spec =
                    new GeneratorSpec(seed, YearMonth.parse(month), months, records, invalidRate, gridWork);
            DemoResult r = new DemoPipeline(
                            ProjectLayout.locate(), spec, System.out, verbose, jobTimeout, serve, casePort)
                    .run();
            return r.reconciles() && r.secure() ? 0 : 1;
        }
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Write synthetic records (one JSON-lines file per source) and the planted ground truth.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--records", defaultValue = "20000")
        long records;

        @Option(names = "--month", defaultValue = "2024-01", description = "First month.")
        String month;

        @Option(names = "--months", defaultValue = "1")
        int months;

        @Option(names = "--seed", defaultValue = "20240101")
        long seed;

        @Option(names = "--invalid-rate", defaultValue = "0.02")
        double invalidRate;

        @Option(names = "--out", defaultValue = ".gridgov/generated", description = "Output directory.")
        Path out;

        @Option(
                names = "--grid-work",
                negatable = true,
                defaultValue = "true",
                fallbackValue = "true",
                description = "Add the grid workers' attendance and GPS-tracked patrols on top of --records.")
        boolean gridWork;

        @Override
        public Integer call() throws Exception {
            GeneratorSpec spec =
                    new GeneratorSpec(seed, YearMonth.parse(month), months, records, invalidRate, gridWork);
            long t0 = System.nanoTime();
            GroundTruth truth;
            try (JsonLinesWriter w = new JsonLinesWriter(out)) {
                truth = new SyntheticDataGenerator(spec).generate(w);
            }
            truth.write(out.resolve("ground-truth.json"));
            long written = truth.emittedCounts().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            System.out.printf("wrote %,d records to %s in %.1f s%n", written, out, (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    @Command(
            name = "stack",
            mixinStandardHelpOptions = true,
            description =
                    "Start the embedded Kafka broker and warehouse with topics, schema and dimensions; Ctrl-C stops.")
    static final class Stack implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            try (EmbeddedWarehouse w = EmbeddedWarehouse.start();
                    EmbeddedKafka k = EmbeddedKafka.start()) {
                TopicProvisioner.provision(
                                k.bootstrapServers(),
                                Topics.all(),
                                EmbeddedKafka.REPLICATION_FACTOR,
                                ClusterSetupCommands.KAFKA_TIMEOUT_MS)
                        .lines()
                        .forEach(System.out::println);
                try (var c = w.connect()) {
                    new DimensionLoader(District.licheng(), CategoryCatalog.standard(), SqlDialect.MYSQL).load(c);
                }
                System.out.println("kafka.bootstrap-servers=" + k.bootstrapServers());
                System.out.println("warehouse.jdbc-url=" + w.jdbcUrl());
                System.out.println("warehouse.user=" + EmbeddedWarehouse.USER);
                // generated for this run and shown once, like the demo users' passwords
                System.out.println("GRIDGOV_WAREHOUSE_PASSWORD=" + EmbeddedWarehouse.PASSWORD);
                System.out.println("Running; press Ctrl-C to stop.");
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
            return 0;
        }
    }

    @Command(
            name = "config",
            mixinStandardHelpOptions = true,
            description = "List every configuration key of every module: type, default, env variable, meaning and "
                    + "the mains that read it.")
    static final class Config implements Callable<Integer> {
        @Override
        public Integer call() {
            ConfigListing.lines(ConfigListing.groups(ConfigListing.ENTRY_POINTS))
                    .forEach(System.out::println);
            return 0;
        }
    }
}

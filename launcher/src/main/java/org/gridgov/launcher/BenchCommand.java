package org.gridgov.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.gridgov.common.kafka.Topics;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code gridgov bench <ingest|alerts|analytics> [options]}: runs a benchmark against embedded engines it starts
 * itself, and prints the benchmark's figures. Performance is measured here, never asserted in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
    "Measure throughput and latency on this machine against embedded engines:",
    "  ingest     local DataX-runner load rows/s into MariaDB, gateway records/s into Kafka (--bench.records=N)",
    "  alerts     alert job events/s in memory, produce->alert latency p50/p99 via Kafka (--bench.events, --bench.rate)",
    "  analytics  HanLP chars/s, hot words over 1M texts, risk over 1M persons / 10M events (--texts, --events)",
    "  cases      case service creations/s and p99, todo-list p99 with 1M cases stored (--cases, --threads=8, --seconds)",
    "Extra options are passed to the benchmark."})
final class BenchCommand implements Callable<Integer> {

    /** Salt for the benchmarks' synthetic data only. */
    private static final String BENCH_SALT = "gridgov-bench-salt-synthetic-data-only";

    @Parameters(index = "0", paramLabel = "WHAT", description = "ingest, alerts, analytics or cases")
    String what;
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS") List<String> args;
    @Unmatched List<String> rest;

    @Override
    public Integer call() throws Exception {
        List<String> extra = new ArrayList<>(args == null ? List.of() : args);
        if (rest != null) {
            extra.addAll(rest);
        }
        ProjectLayout layout = ProjectLayout.locate();
        Path work = Files.createDirectories(layout.workDir().resolve("bench"));
        return switch (what) {
            case "ingest" -> ingest(extra);
            case "alerts" -> alerts(layout, work, extra);
            case "analytics" -> child(layout, work, "batch-jobs", "org.gridgov.batch.bench.AnalyticsBenchmark", extra,
                    Map.of());
            case "cases" -> cases(layout, work, extra);
            default -> {
                System.err.println("bench: unknown benchmark '" + what + "'; choose ingest, alerts, analytics or cases");
                yield 2;
            }
        };
    }

    private static int ingest(List<String> extra) throws Exception {
        try (EmbeddedWarehouse w = EmbeddedWarehouse.start(); EmbeddedKafka k = EmbeddedKafka.start()) {
            k.createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR));
            List<String> a = new ArrayList<>(List.of("--kafka.bootstrap-servers=" + k.bootstrapServers(),
                    "--warehouse.jdbc-url=" + w.jdbcUrl(), "--warehouse.dialect=mysql",
                    "--warehouse.user=" + EmbeddedWarehouse.USER));
            a.addAll(extra);
            IngestBenchmark.main(a.toArray(String[]::new));
            return 0;
        }
    }

    private static int alerts(ProjectLayout layout, Path work, List<String> extra) throws Exception {
        try (EmbeddedKafka k = EmbeddedKafka.start()) {
            k.createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR));
            List<String> a = new ArrayList<>(List.of("--kafka.bootstrap-servers=" + k.bootstrapServers()));
            a.addAll(extra);
            return child(layout, work, "streaming-jobs", "org.gridgov.streaming.bench.AlertBenchmark", a,
                    Map.of("GRIDGOV_PII_SALT", BENCH_SALT));
        }
    }

    /** The case service runs in its own JVM (Spring Boot's libraries stay out of the launcher) against a MariaDB. */
    private static int cases(ProjectLayout layout, Path work, List<String> extra) throws Exception {
        try (EmbeddedWarehouse w = EmbeddedWarehouse.start()) {
            List<String> a = new ArrayList<>(List.of("--jdbc-url=jdbc:mysql://127.0.0.1:" + w.port() + "/",
                    "--user=" + EmbeddedWarehouse.USER));
            a.addAll(extra);
            List<String> jvm = List.of("-Xmx2g", "-Dloader.main=org.gridgov.cases.bench.CaseServiceBenchmark",
                    "-Duser.timezone=Asia/Shanghai");
            try (JobProcess job = JobProcess.start("case-service", layout.caseServiceJar().toString(), jvm,
                    CaseServiceProcess.LAUNCHER, a, Map.of(), work, System.out::println)) {
                return job.await(2, TimeUnit.HOURS);
            }
        }
    }

    private static int child(ProjectLayout layout, Path work, String module, String mainClass, List<String> args,
                             Map<String, String> env) throws Exception {
        List<String> jvm = new ArrayList<>(JobProcess.JDK17_OPENS);
        jvm.add("-Xmx8g");
        jvm.add("-Dlog4j2.configurationFile=" + layout.conf("log4j2-jobs.properties"));
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("SPARK_LOCAL_IP", "127.0.0.1");
        try (JobProcess job = JobProcess.start(module, layout.jobClasspath(module), jvm, mainClass, args, e, work,
                System.out::println)) {
            return job.await(2, TimeUnit.HOURS);
        }
    }
}

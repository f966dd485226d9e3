package org.gridgov.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.cases.launch.CaseServiceCommand;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.job.JobEntryPoint;
import org.gridgov.common.kafka.Topics;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.api.IngestionCommand;
import org.gridgov.nlp.api.NlpCommand;
import org.gridgov.streaming.api.StreamingJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code gridgov bench <ingest|alerts|analytics|assessment|cases|similar|lookup|classify> [options]}: runs a module's
 * benchmark in its own JVM against embedded engines (classify needs none), and prints the benchmark's figures.
 * Performance is measured here, never asserted in tests.
 *
 * <p>The benchmarks are test-scope mains, so no production jar holds them; each runs from its module's test
 * classpath ({@link ProjectLayout#benchClasspath}). The launcher cannot see their classes: it starts the modules'
 * benchmark entry points, whose names each module's entry-point test checks (and {@code BenchCommandTest} here).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure throughput and latency on this machine against embedded engines:",
            "  ingest     local DataX-runner load rows/s into MariaDB, gateway records/s into Kafka (--bench.records=N)",
            "  alerts     alert job events/s in memory, produce->alert latency p50/p99 via Kafka (--bench.events, --bench.rate)",
            "  analytics  HanLP chars/s, hot words over 1M texts, risk over 1M persons / 10M events (--bench.texts,",
            "             --bench.risk-events)",
            "  assessment monthly assessment of 10,000 grid workers x 30 days of work records, seconds",
            "             (--bench.assessment-workers, --bench.assessment-days)",
            "  cases      case service creations/s and p99, todo-list p99 with 1M cases stored (--bench.cases,",
            "             --bench.threads, --bench.duration)",
            "  similar    similar-case search p50/p95/p99/max with 1M open cases on a fresh database (--bench.open-cases,",
            "             --bench.probes)",
            "  lookup     综合查询 person file p50/p99 with 1M persons / 10M indexed records (--bench.lookup-persons,",
            "             --bench.lookup-records, --bench.lookups, --bench.lookup-threads)",
            "  classify   letter classification chars/s per core, whole and by stage (--bench.letters, --bench.rounds)",
            "Extra options are passed to the benchmark; ./gridgov config lists them."
        })
final class BenchCommand implements Callable<Integer> {

    /** Salt for the benchmarks' synthetic data only. */
    private static final String BENCH_SALT = "gridgov-bench-salt-synthetic-data-only";

    /**
     * A benchmark main in a module's test sources and the heap it runs with; {@code fixedHeap}: started at its maximum
     * ({@code -Xms} = {@code -Xmx}), as Flink starts a TaskManager.
     */
    record Benchmark(JobEntryPoint entry, String maxHeap, boolean fixedHeap) {

        Benchmark {
            if (!entry.benchmark()) {
                throw new IllegalArgumentException(entry.id() + " is not a benchmark");
            }
        }

        Benchmark(JobEntryPoint entry, String maxHeap) {
            this(entry, maxHeap, false);
        }
    }

    /**
     * Starts its own MariaDB and Kafka, so the MariaDB's CPU time is counted as its child's; 1 GiB, the heap it had
     * when it ran inside the launcher, keeps its figures comparable with the earlier ones.
     */
    static final Benchmark INGEST = new Benchmark(IngestionCommand.INGEST_BENCHMARK, "1g");
    /**
     * Its embedded Flink runs with a fixed heap as a TaskManager does (Flink's ProcessMemoryUtils
     * .generateJvmParametersStr starts one with -Xms equal to -Xmx): from the JVM's default initial heap (1/64 of
     * the machine's memory) G1 grew the heap run by run and shrank it at each marking cycle, with twice the young
     * collections (81 vs 42 over 3M full-path events, GC pause CPU 9.0 vs 5.6 s).
     */
    static final Benchmark ALERTS = new Benchmark(StreamingJob.ALERT_BENCHMARK, "8g", true);

    static final Benchmark ANALYTICS = new Benchmark(BatchJob.ANALYTICS_BENCHMARK, "8g");
    static final Benchmark ASSESSMENT = new Benchmark(BatchJob.ASSESSMENT_BENCHMARK, "4g");
    static final Benchmark CASES = new Benchmark(CaseServiceCommand.BENCHMARK, "2g");
    static final Benchmark SIMILAR = new Benchmark(CaseServiceCommand.SIMILAR_BENCHMARK, "2g");
    static final Benchmark LOOKUP = new Benchmark(CaseServiceCommand.LOOKUP_BENCHMARK, "2g");
    static final Benchmark CLASSIFY = new Benchmark(NlpCommand.CLASSIFIER_BENCHMARK, "1g");
    static final List<Benchmark> ALL = List.of(INGEST, ALERTS, ANALYTICS, ASSESSMENT, CASES, SIMILAR, LOOKUP, CLASSIFY);

    @Parameters(
            index = "0",
            paramLabel = "WHAT",
            description = "ingest, alerts, analytics, assessment, cases, similar, lookup or classify")
    String what;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS")
    List<String> args;

    @Unmatched
    List<String> rest;

    @Override
    public Integer call() throws Exception {
        List<String> extra = new ArrayList<>(args == null ? List.of() : args);
        if (rest != null) {
            extra.addAll(rest);
        }
        ProjectLayout layout = ProjectLayout.locate();
        Path work = Files.createDirectories(layout.workDir().resolve("bench"));
        return switch (what) {
            case "ingest" -> engineJob(layout, work, INGEST, extra, Map.of());
            case "alerts" -> alerts(layout, work, extra);
            case "analytics" -> engineJob(layout, work, ANALYTICS, extra, Map.of());
            case "assessment" -> engineJob(layout, work, ASSESSMENT, extra, Map.of());
            case "cases" -> cases(layout, work, CASES, extra);
            case "similar" -> cases(layout, work, SIMILAR, extra);
            case "lookup" -> cases(layout, work, LOOKUP, extra);
            case "classify" ->
                run(
                        layout,
                        work,
                        CLASSIFY,
                        List.of("-Xmx" + CLASSIFY.maxHeap(), "-Dfile.encoding=UTF-8"),
                        extra,
                        Map.of());
            default -> {
                System.err.println("bench: unknown benchmark '" + what + "'; choose ingest, alerts, analytics,"
                        + " assessment, cases, similar, lookup or classify");
                yield 2;
            }
        };
    }

    private static int alerts(ProjectLayout layout, Path work, List<String> extra) throws Exception {
        try (EmbeddedKafka k = EmbeddedKafka.start()) {
            k.createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR));
            List<String> a = new ArrayList<>(List.of(GridgovOptions.KAFKA_BOOTSTRAP.argument(k.bootstrapServers())));
            a.addAll(extra);
            return engineJob(layout, work, ALERTS, a, Map.of(GridgovOptions.PII_SALT.envName(), BENCH_SALT));
        }
    }

    /**
     * The case service runs in its own JVM (Spring Boot's libraries stay out of the launcher) against a MariaDB: the
     * cases and similar benchmarks and the 综合查询 one (its warehouse database on the same server).
     */
    private static int cases(ProjectLayout layout, Path work, Benchmark bench, List<String> extra) throws Exception {
        try (EmbeddedWarehouse w = EmbeddedWarehouse.start()) {
            // the server: the benchmark creates its own database on it
            List<String> a = new ArrayList<>(List.of(
                    GridgovOptions.WAREHOUSE_URL.argument("jdbc:mysql://127.0.0.1:" + w.port() + "/"),
                    GridgovOptions.WAREHOUSE_USER.argument(EmbeddedWarehouse.USER)));
            a.addAll(extra);
            List<String> jvm = List.of("-Xmx" + bench.maxHeap(), "-Duser.timezone=Asia/Shanghai");
            // the embedded MariaDB's generated password, in the environment rather than on the command line
            return run(
                    layout,
                    work,
                    bench,
                    jvm,
                    a,
                    Map.of(GridgovOptions.WAREHOUSE_PASSWORD.envName(), EmbeddedWarehouse.PASSWORD));
        }
    }

    /** Flink, Spark and the loaders: JDK 17 opens, quiet engine logging. */
    private static int engineJob(
            ProjectLayout layout, Path work, Benchmark bench, List<String> args, Map<String, String> env)
            throws Exception {
        List<String> jvm = new ArrayList<>(JobProcess.JDK17_OPENS);
        jvm.add("-Xmx" + bench.maxHeap());
        if (bench.fixedHeap()) {
            jvm.add("-Xms" + bench.maxHeap());
        }
        jvm.add("-Dlog4j2.configurationFile=" + layout.conf("log4j2-jobs.properties"));
        Map<String, String> e = new HashMap<>(env);
        e.put("SPARK_LOCAL_IP", "127.0.0.1");
        return run(layout, work, bench, jvm, args, e);
    }

    private static int run(
            ProjectLayout layout,
            Path work,
            Benchmark bench,
            List<String> jvm,
            List<String> args,
            Map<String, String> env)
            throws Exception {
        JobEntryPoint entry = bench.entry();
        try (JobProcess job = JobProcess.start(
                entry.module(),
                layout.benchClasspath(entry.module()),
                jvm,
                entry.mainClass(),
                args,
                env,
                work,
                System.out::println)) {
            return job.await(2, TimeUnit.HOURS);
        }
    }
}

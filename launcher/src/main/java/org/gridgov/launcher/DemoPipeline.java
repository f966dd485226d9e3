package org.gridgov.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.cases.launch.CaseServiceOptions;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.config.WarehouseDialect;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.io.Directories;
import org.gridgov.common.job.JobEntryPoint;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.dashboards.BundleQueryCheck;
import org.gridgov.dashboards.BundleQueryReport;
import org.gridgov.dashboards.SupersetBundle;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.dim.DimensionLoader;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.simulator.api.ScoreOptions;
import org.gridgov.simulator.duplicates.DuplicateScore;
import org.gridgov.simulator.duplicates.PlantedDuplicates;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.simulator.generator.JsonLinesWriter;
import org.gridgov.simulator.generator.RecordSink;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.simulator.score.AlertScorer;
import org.gridgov.simulator.score.ExpectedAlerts;
import org.gridgov.streaming.api.AlertOptions;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * The whole chain on embedded engines: generator → Kafka raw topics → Flink ODS loader → warehouse ODS/DWD and
 * dead letters → Spark ADS job → a summary that reconciles what was generated with what landed.
 * Same job jars as on a cluster; only the configuration points them at the embedded Kafka and MariaDB.
 */
public final class DemoPipeline {

    /** Salt for the synthetic demo data only; production refuses to start without GRIDGOV_PII_SALT. */
    static final String DEMO_SALT = "gridgov-demo-salt-synthetic-data-only";

    private static final int STEPS = 12;
    /** Cases the demo walks through 接诉即办 before the loader runs (three in four closed and visited). */
    static final int WALKED_CASES = 12;
    /** Duplicate clusters the demo plants for the similar-case finder's score. */
    static final int DUPLICATE_CLUSTERS = 40;

    private static final Set<CaseEventType> CLOSED_CASE_EVENTS = EnumSet.of(
            CaseEventType.CREATED,
            CaseEventType.ASSIGNED,
            CaseEventType.RESPONDED,
            CaseEventType.CLOSED,
            CaseEventType.RETURN_VISITED);
    private static final Set<CaseEventType> OPEN_CASE_EVENTS =
            EnumSet.of(CaseEventType.CREATED, CaseEventType.ASSIGNED, CaseEventType.RESPONDED);
    /** Webhook secret of the demo's local robot receiver; real secrets come from GRIDGOV_ALERTS_WEBHOOK_SECRET. */
    private static final String DEMO_WEBHOOK_SECRET = "SECdemo-local-receiver-only";

    private final ProjectLayout layout;
    private final GeneratorSpec spec;
    private final PrintStream out;
    private final boolean verbose;
    private final Duration jobTimeout;
    private final boolean serve;
    private final int casePort;
    /** Counted down when run() has closed every engine it started. */
    private final CountDownLatch closed = new CountDownLatch(1);

    private CaseServiceProbe probe = (url, users) -> {};

    /** Something to do with the running case service before the demo stops it (the end-to-end test's browser). */
    public interface CaseServiceProbe {
        void probe(String url, List<CaseServiceProcess.DemoUser> users) throws Exception;
    }

    public DemoPipeline withCaseServiceProbe(CaseServiceProbe probe) {
        this.probe = probe;
        return this;
    }

    /** Runs the chain, checks the case service on it and stops everything (tests, CI). */
    public DemoPipeline(
            ProjectLayout layout, GeneratorSpec spec, PrintStream out, boolean verbose, Duration jobTimeout) {
        this(layout, spec, out, verbose, jobTimeout, false, 8080);
    }

    /**
     * With {@code serve}, the case service and the engines under it keep running after the summary until the
     * launcher is stopped (Ctrl-C), so people can sign in with the printed demo users.
     */
    public DemoPipeline(
            ProjectLayout layout,
            GeneratorSpec spec,
            PrintStream out,
            boolean verbose,
            Duration jobTimeout,
            boolean serve,
            int casePort) {
        this.layout = layout;
        this.spec = spec;
        this.out = out;
        this.verbose = verbose;
        this.jobTimeout = jobTimeout;
        this.serve = serve;
        this.casePort = casePort;
    }

    /** Runs the chain and returns what it produced; stops every engine it started before returning. */
    public DemoResult run() throws Exception {
        try {
            return runEngines();
        } finally {
            // every engine is closed by now: a Ctrl-C waiting in serveUntilStopped may let the JVM exit
            closed.countDown();
        }
    }

    private DemoResult runEngines() throws Exception {
        long t0 = System.nanoTime();
        Path work = layout.workDir().resolve("demo");
        Directories.recreate(work);
        try (MemoryWatch memory = new MemoryWatch()) {
            step(1, "starting the embedded warehouse (MariaDB, MySQL dialect of the Doris schema)");
            try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start()) {
                done("ready on 127.0.0.1:" + warehouse.port() + ", " + WarehouseSchema.ALL.size() + " tables");
                step(2, "starting the embedded Kafka broker (KRaft)");
                try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), false)) {
                    List<String> topics = Topics.all().stream().map(Topic::name).toList();
                    kafka.createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR));
                    done("ready on " + kafka.bootstrapServers() + ", " + topics.size() + " topics " + topics);
                    return chain(warehouse, kafka, work, memory, t0);
                }
            }
        }
    }

    private DemoResult chain(EmbeddedWarehouse warehouse, EmbeddedKafka kafka, Path work, MemoryWatch memory, long t0)
            throws Exception {
        step(3, "loading dimensions of " + District.NAME);
        try (Connection c = warehouse.connect()) {
            Map<String, Integer> dims =
                    new DimensionLoader(District.licheng(), CategoryCatalog.standard(), SqlDialect.MYSQL).load(c);
            done(dims.toString());
        }

        SyntheticDataGenerator generator = new SyntheticDataGenerator(spec);
        long gridWork = generator.expectedRecords() - spec.totalRecords();
        step(
                4,
                String.format(
                        "generating %,d records%s for %s..%s (seed %d) and publishing to Kafka",
                        spec.totalRecords(),
                        gridWork > 0
                                ? String.format(" and about %,d grid workers' check-ins and patrols", gridWork)
                                : "",
                        spec.firstMonth(),
                        spec.firstMonth().plusMonths(spec.months() - 1),
                        spec.seed()));
        GroundTruth truth;
        Map<SourceType, Long> generated;
        try (RawTopicPublisher publisher = new RawTopicPublisher(kafka.bootstrapServers());
                JsonLinesWriter files = new JsonLinesWriter(work.resolve("generated"))) {
            ProgressSink progress = new ProgressSink(generator.expectedRecords(), out, (s, k, j) -> {
                files.accept(s, k, j);
                publisher.publish(s, k, j);
            });
            truth = generator.generate(progress);
            publisher.flush();
            generated = publisher.sentCounts();
        }
        truth.write(work.resolve("ground-truth.json"));
        done(String.format(
                "%,d records in Kafka; files and ground truth in %s",
                total(generated), layout.home().relativize(work)));

        GridgovConfig jobConfig = GridgovConfig.of(Map.of())
                .with(GridgovOptions.KAFKA_BOOTSTRAP, kafka.bootstrapServers())
                .with(GridgovOptions.WAREHOUSE_URL, warehouse.jdbcUrl())
                .with(GridgovOptions.WAREHOUSE_USER, EmbeddedWarehouse.USER)
                .with(GridgovOptions.WAREHOUSE_DIALECT, WarehouseDialect.MYSQL)
                .with(GridgovOptions.LOADER_BOUNDED, true)
                .with(GridgovOptions.LOADER_PARALLELISM, 2)
                .with(GridgovOptions.LOADER_CHECKPOINT_INTERVAL, Duration.ofSeconds(2))
                .with(GridgovOptions.SPARK_MASTER, "local[2]")
                // every generated month: the second one gives month-on-month figures and rising words
                .with(GridgovOptions.PII_SALT, salt())
                .with(GridgovOptions.WAREHOUSE_PASSWORD, EmbeddedWarehouse.PASSWORD);

        // the case service first: the cases it walks publish case.events, which the bounded loader reads up to the
        // offsets it finds when it starts, so dwd_case and the 接诉即办 rates have rows before the analytics run
        step(
                5,
                "case service (Spring Boot) on the same MariaDB, Kafka and warehouse, one demo user per role; "
                        + WALKED_CASES + " 接诉即办 cases walked to 首次响应, 结案 and 回访 before the loader reads case.events");
        try (CaseServiceProcess service = CaseServiceProcess.start(
                layout, casePort, warehouse.port(), kafka.bootstrapServers(), warehouse.jdbcUrl(), salt(), work, out)) {
            service.awaitReady(Duration.ofMinutes(3));
            String caseId = service.smokeTest();
            done("ready at " + service.url() + " — reported and dispatched case " + caseId + " through its API");
            CaseServiceProcess.Walked walked = service.walkCases(WALKED_CASES);
            Map<String, Set<CaseEventType>> expected = new LinkedHashMap<>();
            walked.ids()
                    .forEach(id ->
                            expected.put(id, walked.closed().contains(id) ? CLOSED_CASE_EVENTS : OPEN_CASE_EVENTS));
            int onTopic = CaseEventsTopic.complete(kafka.bootstrapServers(), expected, Duration.ofSeconds(60));
            done(String.format(
                    "%d cases walked: all responded, %d closed and visited; %d of %d with every event on"
                            + " case.events",
                    walked.ids().size(), walked.visited(), onTopic, walked.ids().size()));
            return engines(
                    warehouse,
                    kafka,
                    work,
                    memory,
                    t0,
                    jobConfig,
                    generated,
                    truth,
                    service,
                    caseId,
                    new WalkOutcome(walked.ids().size(), walked.visited(), onTopic));
        }
    }

    private DemoResult engines(
            EmbeddedWarehouse warehouse,
            EmbeddedKafka kafka,
            Path work,
            MemoryWatch memory,
            long t0,
            GridgovConfig jobConfig,
            Map<SourceType, Long> generated,
            GroundTruth truth,
            CaseServiceProcess service,
            String caseId,
            WalkOutcome walk)
            throws Exception {
        step(
                6,
                "Flink ODS loader on a local MiniCluster (validate, protect PII, upsert ODS/DWD, dead letters; "
                        + "conformed records to the dwd.* topics)");
        long expected = total(generated);
        try (Connection c = warehouse.connect()) {
            WarehouseReport report = new WarehouseReport(c);
            runJob("flink", StreamingJob.ODS_LOADER, jobConfig, List.of(), Map.of(), work, () -> {
                long ods = total(report.odsCounts());
                long dlq = total(report.deadLetterCounts());
                out.printf(
                        "      ... %,d of %,d records landed (%,d ODS, %,d dead letters)%n",
                        ods + dlq, expected, ods, dlq);
            });
            done("loader finished");

            step(7, "Spark job ads_hotline_street_month (local[2])");
            JobProcess spark =
                    runJob("spark", BatchJob.HOTLINE_STREET_MONTH, jobConfig, List.of(), Map.of(), work, () -> {});
            spark.linesStartingWith("ads_").forEach(this::done);

            step(
                    8,
                    "Spark analytics: 12345 statistics, petition trends, overdue ranking, HanLP hot words, "
                            + "arrears key cases, person risk scores, grid workers' monthly assessment");
            runJob("spark", BatchJob.ANALYTICS, jobConfig, List.of(), Map.of(), work, () -> {})
                    .linesStartingWith("analytics")
                    .forEach(this::done);
            List<String> analytics = runJob(
                            "report",
                            BatchJob.ANALYTICS_REPORT,
                            jobConfig,
                            List.of(AnalyticsOptions.REPORT_TOP_N.argument(8)),
                            Map.of(),
                            work,
                            () -> {})
                    .output();

            step(
                    9,
                    "Flink alert job over the loader's dwd.* topics: key persons, group petitions, overdue cases → "
                            + "alerts topic, warehouse, DingTalk-format pushes to a local receiver");
            AlertOutcome alerts;
            try (WebhookReceiver robot = new WebhookReceiver(DEMO_WEBHOOK_SECRET)) {
                // the robot's URL and secret by environment: the job refuses them as arguments
                Map<String, String> webhookEnv = Map.of(
                        AlertOptions.WEBHOOK_URL.envName(),
                        robot.url(),
                        AlertOptions.WEBHOOK_SECRET.envName(),
                        DEMO_WEBHOOK_SECRET);
                runJob(
                                "flink",
                                StreamingJob.ALERTS,
                                jobConfig,
                                List.of(
                                        AlertOptions.BOUNDED.argument(true),
                                        AlertOptions.CHECKPOINT_INTERVAL.argument(Duration.ofSeconds(2))),
                                webhookEnv,
                                work,
                                () -> {})
                        .linesStartingWith("gridgov-alerts")
                        .forEach(this::done);
                // the file the run left behind is what is scored, through the simulator's typed reader
                AlertScorer.Verdict score = AlertScorer.score(
                        ExpectedAlerts.read(work.resolve("ground-truth.json"), new PiiProtector(salt())),
                        c,
                        ScoreOptions.MIN_SCORE.defaultValue());
                alerts = new AlertOutcome(score.met(), score.line(), robot.pushes());
            }

            step(
                    10,
                    "intake gateway: the 12345 platform posts a signed batch (5 records broken), an unsigned and a"
                            + " forged request are refused; rejects are archived from dlq.hotline into dlq_record");
            List<String> hotlineLines =
                    Files.readAllLines(work.resolve("generated").resolve(SourceType.HOTLINE.code() + ".jsonl"));
            DemoGateway.Outcome gateway = DemoGateway.run(
                    hotlineLines,
                    20,
                    kafka.bootstrapServers(),
                    org.gridgov.warehouse.WarehouseSettings.from(jobConfig),
                    salt());
            done(String.format(
                    "batch %s: %d sent, %d published, %d rejected, %d in dlq_record; unsigned → %d," + " forged → %d",
                    gateway.batch(),
                    gateway.sent(),
                    gateway.published(),
                    gateway.rejected(),
                    gateway.archived(),
                    gateway.unsignedStatus(),
                    gateway.forgedStatus()));

            step(11, "dashboards: every Superset dataset and chart query of the bundle over the warehouse");
            BundleQueryReport dashboards = BundleQueryCheck.run(SupersetBundle.fromClasspath(), c);
            done(String.format(
                    "%d datasets, %d charts: %d failed, %d empty",
                    dashboards.datasets().size(),
                    dashboards.charts().size(),
                    dashboards.failures().size(),
                    dashboards.empty().size()));
            dashboards.failures().forEach(f -> done("FAILED " + f));
            dashboards.empty().forEach(f -> done("empty  " + f.path()));

            step(
                    12,
                    "case service: public Open311 output of citizen cases, the similar-case finder on planted"
                            + " duplicate clusters");
            CaseServiceProcess.PublicData publicData = service.publicData(hotlineLines, caseId, 40);
            done(String.format(
                    "public Open311 output of %d citizen cases (callers' names, phones and ID numbers in"
                            + " their descriptions) and %d internal case: %s",
                    publicData.citizenCases(),
                    publicData.internalCases(),
                    publicData.leaks().isEmpty()
                            ? "no personal data, internal case" + " hidden"
                            : publicData.leaks().size() + " LEAKS " + publicData.leaks()));
            DuplicateScore.Outcome duplicates = duplicates(work);
            done(duplicates.line());
            probe.probe(service.url(), service.users());
            CaseServiceOutcome caseService = new CaseServiceOutcome(
                    service.url(),
                    service.users().size(),
                    caseId,
                    CaseEventsTopic.published(
                            kafka.bootstrapServers(),
                            caseId,
                            CaseServiceProcess.SMOKE_TEST_EVENTS,
                            Duration.ofSeconds(20)),
                    publicData,
                    walk);
            DemoResult result = DemoResult.read(
                    report, c, generated, truth, analytics, alerts, gateway, dashboards, caseService, duplicates);
            memory.close();
            result.print(out, Duration.ofNanos(System.nanoTime() - t0), memory.peakMib());
            if (serve) {
                serveUntilStopped(service);
            }
            return result;
        }
    }

    /**
     * Issue 19's done-when in the demo: the simulator plants {@link #DUPLICATE_CLUSTERS} duplicate clusters with their
     * near-duplicates, the case service's finder (its own JVM, the service's default radius, window and threshold)
     * judges every pair of what it is shown (no clusters), and the simulator scores the verdicts beside the baseline.
     */
    private DuplicateScore.Outcome duplicates(Path work) throws Exception {
        List<PlantedDuplicates.Report> planted = PlantedDuplicates.generate(spec.seed(), DUPLICATE_CLUSTERS);
        Path reports = work.resolve("duplicate-reports.json");
        Path verdicts = work.resolve("duplicate-verdicts.json");
        PlantedDuplicates.writeShown(planted, reports);
        CaseServiceProcess.duplicateVerdicts(layout, reports, verdicts, work, jobTimeout);
        return DuplicateScore.score(
                planted,
                DuplicateScore.readVerdicts(verdicts),
                CaseServiceOptions.DUPLICATE_RADIUS_METRES.defaultValue());
    }

    /**
     * The case service as the demo left it: where it runs, how many demo users it printed, the smoke-test case, and
     * what its public Open311 output showed of every case the demo created.
     */
    record CaseServiceOutcome(
            String url,
            int demoUsers,
            String smokeCaseId,
            long caseEventsPublished,
            CaseServiceProcess.PublicData publicData,
            WalkOutcome walk) {}

    /** The 接诉即办 walk before the loader: cases walked, closed and visited, and how many reached case.events whole. */
    record WalkOutcome(int cases, int visited, int onTopic) {}

    /** Blocks until Ctrl-C (or the service dies); the callers' try-with-resources then stop every engine. */
    private void serveUntilStopped(CaseServiceProcess service) throws InterruptedException {
        out.println();
        out.println("案件服务运行中 / case service running: " + service.url() + "  (驾驶舱 " + service.url()
                + "cockpit) — Ctrl-C stops it and every embedded engine");
        CountDownLatch stop = new CountDownLatch(1);
        // the JVM waits in this hook until run() has closed the engines, so none is left running
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                closed.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException ignored) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "demo-stop"));
        while (!stop.await(1, TimeUnit.SECONDS)) {
            if (!service.isAlive()) {
                out.println("the case service stopped");
                return;
            }
        }
    }

    /** What the alert step produced besides the warehouse rows: the score's verdict and the pushes received. */
    record AlertOutcome(boolean scoreMet, String scoreLine, List<WebhookReceiver.Push> pushes) {}

    /** Runs {@code job}'s main from its module's job jar in a JVM of its own, until it exits or the timeout passes. */
    private JobProcess runJob(
            String name,
            JobEntryPoint job,
            GridgovConfig config,
            List<String> extraArgs,
            Map<String, String> extraEnv,
            Path work,
            ThrowingRunnable onTick)
            throws Exception {
        List<String> jvm = new ArrayList<>(JobProcess.JDK17_OPENS);
        jvm.add("-Xmx1g");
        jvm.add("-Dlog4j2.configurationFile=" + layout.conf("log4j2-jobs.properties"));
        jvm.add("-Djava.io.tmpdir=" + Files.createDirectories(work.resolve("tmp-" + name)));
        Map<String, String> env = new java.util.HashMap<>(config.secretsAsEnv());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.putAll(extraEnv);
        List<String> args = new ArrayList<>(config.toArgs());
        args.addAll(extraArgs);
        Consumer<String> echo = verbose ? l -> out.println("      [" + name + "] " + l) : l -> {};
        try (JobProcess process = JobProcess.start(
                name, layout.jobClasspath(job.module()), jvm, job.mainClass(), args, env, work, echo)) {
            long deadline = System.nanoTime() + jobTimeout.toNanos();
            while (process.isAlive()) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(2000);
                if (process.isAlive()) {
                    onTick.run();
                }
            }
            int code = process.await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L), TimeUnit.SECONDS);
            if (code != 0) {
                throw new IllegalStateException(
                        name + " job failed with exit code " + code + "; its last lines:\n" + process.tail());
            }
            return process;
        }
    }

    private static String salt() {
        String env = System.getenv(GridgovOptions.PII_SALT.envName());
        return env != null && !env.isBlank() ? env : DEMO_SALT;
    }

    private void step(int n, String what) {
        out.printf("[%d/%d] %s%n", n, STEPS, what);
    }

    private void done(String what) {
        out.println("      " + what);
    }

    static long total(Map<SourceType, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * Counts records as they pass and prints progress every tenth of the expected total. The grid workers' records
     * are an expectation ({@link SyntheticDataGenerator#expectedRecords}), so the share stops at 100 %.
     */
    private static final class ProgressSink implements RecordSink {
        private final long expected;
        private final PrintStream out;
        private final RecordSink next;
        private long seen;
        private long nextReport;

        ProgressSink(long expected, PrintStream out, RecordSink next) {
            this.expected = expected;
            this.out = out;
            this.next = next;
            this.nextReport = Math.max(1, expected / 10);
        }

        @Override
        public void accept(SourceType source, String key, String json) throws Exception {
            next.accept(source, key, json);
            seen++;
            if (seen >= nextReport) {
                out.printf(
                        "      ... %,d / about %,d (%d%%)%n",
                        seen, expected, Math.min(100, seen * 100 / Math.max(1, expected)));
                nextReport += Math.max(1, expected / 10);
            }
        }
    }
}

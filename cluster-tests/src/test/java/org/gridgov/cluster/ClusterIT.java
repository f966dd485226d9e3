package org.gridgov.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gridgov.cluster.ReadmeCommands.Command;
import org.gridgov.cluster.ReadmeCommands.Kind;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.io.Directories;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.SourceType;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.dim.DimensionLoader;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.launcher.Gridgov;
import org.gridgov.loading.OdsMapper;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * The root README's cluster section, run as written against real clusters of separate JVMs started from the engines'
 * own entry points: a 3-broker KRaft Kafka cluster (replication 3, min.insync.replicas 2), a Flink 1.20 standalone
 * session cluster (JobManager + 2 TaskManagers) and a Spark 3.5 standalone cluster (Master + Worker, spark-submit in
 * client mode), with MariaDB standing in for Doris. One cluster per engine, shared by the scenarios in order:
 * topics and DDL; the loader and the alert job on Flink while records are published, one Kafka broker and one
 * TaskManager killed ({@code kill -9}) on the way (nothing lost, exact rows per table, no alert pushed twice);
 * stop with a savepoint, more records, resume from it (exact rows again); the analytics on Spark, whose ADS rows
 * equal a local-mode run's. Each step prints its figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SALT = "cluster-it-salt-0123456789";
    private static final int RECORDS = 3_000;
    private static final String MONTH = "2024-01";
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");

    private Path dir;
    private EmbeddedWarehouse warehouse;
    private KafkaCluster kafka;
    private FlinkCluster flink;
    private RobotReceiver robot;
    private List<Command> readme;
    private ReadmeCommands.Substitutions local;
    private final List<Kind> executed = new ArrayList<>();
    /** The generated records, published in two parts around the savepoint. */
    private final List<String[]> records = new ArrayList<>();

    private final Map<SourceType, Long> sent = new EnumMap<>(SourceType.class);
    private String loaderJob;
    private String alertJob;
    private long started;

    @BeforeAll
    void startKafkaAndWarehouse() throws Exception {
        started = System.nanoTime();
        dir = Files.createDirectories(ROOT.resolve("cluster-tests/target/cluster-it"));
        Directories.deleteQuietly(dir);
        Files.createDirectories(dir);
        readme = ReadmeCommands.read(ROOT.resolve("README.md"));
        Path log4j = dir.resolve("kafka-log4j2.properties");
        Files.writeString(
                log4j,
                String.join(
                        "\n",
                        "rootLogger.level = WARN",
                        "rootLogger.appenderRef.o.ref = o",
                        "appender.o.type = Console",
                        "appender.o.name = o",
                        "appender.o.layout.type = PatternLayout",
                        "appender.o.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
                        ""));
        String testClasspath = Path.of("target/test-classes").toAbsolutePath()
                + File.pathSeparator
                + Files.readString(Path.of("target/test-classpath.txt")).trim();
        warehouse = EmbeddedWarehouse.start();
        kafka = new KafkaCluster(testClasspath, dir.resolve("kafka"), log4j).start();
        robot = new RobotReceiver();
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(
                etc.resolve("secrets.properties"),
                String.join(
                        "\n",
                        "pii.salt=" + SALT,
                        "warehouse.password=" + EmbeddedWarehouse.PASSWORD,
                        "alerts.webhook.url=" + robot.url().replace(":", "\\:").replace("=", "\\="),
                        ""));
        Files.writeString(
                etc.resolve("warehouse.properties"), "warehouse.password=" + EmbeddedWarehouse.PASSWORD + "\n");
        local = new ReadmeCommands.Substitutions()
                .put("kafka-1:9092,kafka-2:9092,kafka-3:9092", kafka.bootstrapServers())
                .put("jdbc:mysql://doris-fe:9030/gridgov", warehouse.jdbcUrl())
                .put("--warehouse.dialect=doris", "--warehouse.dialect=mysql")
                .put("--dialect=doris", "--dialect=mysql")
                .put("--warehouse.user=gridgov", "--warehouse.user=" + EmbeddedWarehouse.USER)
                .put("doris-fe", "127.0.0.1")
                .put("/etc/gridgov", etc.toString())
                .put("hdfs:///gridgov/", dir.resolve("flink").toUri() + "/")
                .put("streaming-jobs/target/", ROOT.resolve("streaming-jobs/target") + "/")
                .put("batch-jobs/target/", ROOT.resolve("batch-jobs/target") + "/");
        new SyntheticDataGenerator(new GeneratorSpec(20240101L, YearMonth.parse(MONTH), 1, RECORDS, 0.02))
                .generate((source, key, json) -> records.add(new String[] {source.name(), key, json}));
        figure("kafka (3 brokers) and warehouse up, %d records generated", records.size());
    }

    @AfterAll
    void stopEverything() {
        if (flink != null) {
            flink.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (robot != null) {
            robot.close();
        }
        if (warehouse != null) {
            warehouse.close();
        }
        figure("cluster tests done");
    }

    @Test
    @Order(1)
    void topicsAndTheDdlAsTheReadmeSays() throws Exception {
        Command topics = ReadmeCommands.first(readme, Kind.TOPICS_CREATE);
        String first = gridgov(topics);
        assertThat(first)
                .contains(Topics.all().size() + " topics: " + Topics.all().size() + " created");
        assertThat(gridgov(topics))
                .as("idempotent")
                .contains("0 created, " + Topics.all().size() + " already there; 0 differ");
        executed.add(Kind.TOPICS_CREATE);

        String ddl = gridgov(ReadmeCommands.first(readme, Kind.DDL));
        executed.add(Kind.DDL);
        Command apply = ReadmeCommands.first(readme, Kind.APPLY_DDL);
        assertThat(local.apply(apply.text()))
                .as("the mysql client reads the file gridgov ddl wrote")
                .endsWith("< " + redirectTarget(ReadmeCommands.first(readme, Kind.DDL)));
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement()) {
            for (String sql : ddl.split(";\\s*\\n")) {
                String statement = sql.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            new DimensionLoader(District.licheng(), CategoryCatalog.standard(), SqlDialect.MYSQL).load(c);
        }
        executed.add(Kind.APPLY_DDL);
        figure("topics created (replication 3) and DDL applied");
    }

    @Test
    @Order(2)
    void loaderAndAlertsSurviveAKilledBrokerAndAKilledTaskManager() throws Exception {
        String flinkClasspath =
                Files.readString(Path.of("target/flink-cluster-classpath.txt")).trim()
                        + File.pathSeparator
                        + Files.readString(ROOT.resolve("streaming-jobs/target/engine-classpath.txt"))
                                .trim();
        flink = new FlinkCluster(flinkClasspath, dir.resolve("flink")).start(2);
        figure("flink session cluster up: JobManager + 2 TaskManagers");

        loaderJob = submit(ReadmeCommands.first(readme, Kind.RUN_LOADER), "flink-run-loader");
        // the alert job's client creates the compacted registry it reads when it is missing, under flink run too
        // (it restart-looped on UnknownTopicOrPartitionException when only a local run created it)
        kafka.deleteTopic(Topics.KEY_PERSONS.name());
        alertJob = submit(ReadmeCommands.first(readme, Kind.RUN_ALERTS), "flink-run-alerts");
        assertThat(kafka.cleanupPolicy(Topics.KEY_PERSONS.name()))
                .as("key-persons recreated by flink run's client")
                .isEqualTo("compact");
        awaitRunning(loaderJob);
        awaitRunning(alertJob);
        NodeProcess.await(
                "a first checkpoint of both jobs",
                Duration.ofSeconds(120),
                () -> flink.completedCheckpoints(loaderJob) > 0 && flink.completedCheckpoints(alertJob) > 0);
        assertThat(flink.taskManagersOf(loaderJob))
                .as("evenly spread: the loader's subtasks on both TaskManagers")
                .hasSize(2);
        boolean alertsOnBoth = flink.taskManagersOf(alertJob).size() == 2;

        // two thirds of the records, slowly, while one broker and then one TaskManager die
        int part = records.size() * 2 / 3;
        long t0 = System.nanoTime();
        try (RawTopicPublisher publisher = new RawTopicPublisher(kafka.bootstrapServers())) {
            for (int i = 0; i < part; i++) {
                publish(publisher, records.get(i));
                if (i == part / 3) {
                    kafka.kill(2);
                    figure("killed Kafka broker 3 (kill -9) after %d records", i + 1);
                }
                if (i == part * 2 / 3) {
                    NodeProcess tm = flink.taskManagers().get(1);
                    tm.kill();
                    figure("killed TaskManager 2 (kill -9, pid %d) after %d records", tm.pid(), i + 1);
                }
                if (i % 50 == 49) {
                    Thread.sleep(100);
                }
            }
            publisher.flush();
        }
        figure("published %d records in %.1f s with a broker down", part, seconds(t0));
        assertNothingLost();
        kafka.startNode(2);
        kafka.awaitBrokers(KafkaCluster.NODES, Duration.ofSeconds(120));

        // a job with a subtask on the killed TaskManager restarts from its last checkpoint
        NodeProcess.await(
                "the jobs restarted after the TaskManager was killed",
                Duration.ofSeconds(120),
                () -> flink.restarts(loaderJob) > 0 && (!alertsOnBoth || flink.restarts(alertJob) > 0));
        awaitRunning(loaderJob);
        awaitRunning(alertJob);
        figure("restarts: loader %d, alert job %d", flink.restarts(loaderJob), flink.restarts(alertJob));
        awaitExactRows("after the TaskManager was killed");
    }

    @Test
    @Order(3)
    void theLoaderStopsWithASavepointAndResumesFromIt() throws Exception {
        Command stop = ReadmeCommands.first(readme, Kind.STOP_WITH_SAVEPOINT);
        local.put("<loader-job-id>", loaderJob);
        long t0 = System.nanoTime();
        NodeProcess stopped =
                flink.flink("flink-stop-loader", arguments(local.apply(stop.text())), Map.of(), Duration.ofMinutes(3));
        executed.add(Kind.STOP_WITH_SAVEPOINT);
        Matcher m = SAVEPOINT.matcher(stopped.output());
        assertThat(m.find()).as(stopped.output()).isTrue();
        String savepoint = m.group(1);
        figure("loader stopped with savepoint %s in %.1f s", savepoint, seconds(t0));

        try (RawTopicPublisher publisher = new RawTopicPublisher(kafka.bootstrapServers())) {
            for (int i = records.size() * 2 / 3; i < records.size(); i++) {
                publish(publisher, records.get(i));
            }
            publisher.flush();
        }
        assertNothingLost();
        local.put("<savepoint-path>", savepoint);
        loaderJob = submit(ReadmeCommands.first(readme, Kind.RESUME_LOADER), "flink-resume-loader");
        awaitRunning(loaderJob);
        awaitExactRows("after resuming from the savepoint");
    }

    @Test
    @Order(4)
    void noAlertIsPushedTwice() throws Exception {
        NodeProcess.await(
                "the alert job's pushes",
                Duration.ofSeconds(180),
                () -> pushedRows() > 0 && robot.pushesByAlert().size() >= pushedRows());
        long alerts = count("SELECT COUNT(*) FROM ads_alert_event");
        Map<String, Integer> pushes = robot.pushesByAlert();
        figure(
                "alerts: %d in ads_alert_event, %d pushed in %d robot messages, restarts of the alert job %d",
                alerts, pushes.size(), robot.messages(), flink.restarts(alertJob));
        assertThat(alerts).isPositive();
        assertThat(pushes)
                .as("every alert pushed once, restarts or not")
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        flink.close();
        flink = null;
    }

    @Test
    @Order(5)
    void analyticsOnTheSparkClusterWriteWhatALocalRunWrites() throws Exception {
        String sparkRuntime = Files.readString(
                        ROOT.resolve("cluster-tests/spark-runtime/target/spark-runtime-classpath.txt"))
                .trim();
        try (SparkCluster spark = new SparkCluster(sparkRuntime, dir.resolve("spark")).start(2)) {
            figure("spark standalone cluster up: Master + Worker (2 cores)");
            long t0 = System.nanoTime();
            local.put("spark://spark-master:7077", spark.masterUrl());
            NodeProcess submitted = spark.submit(
                    "spark-submit-analytics",
                    arguments(local.apply(
                            ReadmeCommands.first(readme, Kind.SPARK_ANALYTICS).text())),
                    Map.of(),
                    Duration.ofMinutes(8));
            executed.add(Kind.SPARK_ANALYTICS);
            String summary = submitted
                    .output()
                    .lines()
                    .filter(l -> l.startsWith("analytics " + MONTH))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(submitted.output()));
            figure("spark-submit (cluster) in %.1f s: %s", seconds(t0), summary);
        }
        Map<String, List<String>> onCluster = analyticsRows();

        String classpath = ROOT.resolve("batch-jobs/target/gridgov-batch-jobs-0.1.0-SNAPSHOT.jar")
                + File.pathSeparator
                + Files.readString(ROOT.resolve("batch-jobs/target/engine-classpath.txt"))
                        .trim();
        List<String> jvm = new ArrayList<>(SparkCluster.JDK17_OPENS);
        jvm.add("-Xmx1g");
        long t0 = System.nanoTime();
        NodeProcess localRun = NodeProcess.java(
                "analytics-local",
                classpath,
                jvm,
                "org.gridgov.batch.AnalyticsJobs",
                List.of(
                        "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                        "--warehouse.dialect=mysql",
                        "--warehouse.user=" + EmbeddedWarehouse.USER,
                        "--spark.master=local[2]",
                        "--batch.month=" + MONTH),
                // the embedded warehouse has a generated root password; a secret is never a command-line argument
                Map.of(
                        "SPARK_LOCAL_IP",
                        "127.0.0.1",
                        GridgovOptions.WAREHOUSE_PASSWORD.envName(),
                        EmbeddedWarehouse.PASSWORD),
                dir.resolve("logs"));
        assertThat(localRun.await(Duration.ofMinutes(8))).as(localRun.output()).isZero();
        figure("local[2] run in %.1f s", seconds(t0));
        Map<String, List<String>> onLocal = analyticsRows();
        figure(
                "ADS/DWS rows: %s",
                onCluster.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().size())
                        .collect(Collectors.joining(", ")));
        assertThat(onCluster.values().stream().mapToInt(List::size).sum()).isPositive();
        assertThat(onCluster).isEqualTo(onLocal);
    }

    @Test
    @Order(6)
    void everyReadmeCommandRan() {
        assertThat(executed).containsAll(readme.stream().map(Command::kind).toList());
        figure("every command of the README's cluster section ran; total %.1f s", seconds(started));
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    /** {@code ./gridgov <args>} in this JVM (the launcher's picocli command); its stdout. */
    private String gridgov(Command command) {
        String text = local.apply(command.text());
        int redirect = text.indexOf(" > ");
        List<String> args = arguments(redirect < 0 ? text : text.substring(0, redirect));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new Gridgov()).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text + "\n" + printed).isZero();
        return printed;
    }

    private static String redirectTarget(Command command) {
        return command.text().substring(command.text().indexOf(" > ") + 3).strip();
    }

    /** {@code flink run ...} as the README writes it; the job id the client printed. */
    private String submit(Command command, String name) throws Exception {
        long t0 = System.nanoTime();
        NodeProcess client = flink.flink(name, arguments(local.apply(command.text())), Map.of(), Duration.ofMinutes(4));
        executed.add(command.kind());
        Matcher m = JOB_ID.matcher(client.output());
        assertThat(m.find()).as(client.output()).isTrue();
        figure("%s: submitted %s in %.1f s", command.kind(), m.group(1), seconds(t0));
        return m.group(1);
    }

    private void awaitRunning(String job) throws Exception {
        NodeProcess.await(
                "job " + job + " running", Duration.ofSeconds(180), () -> "RUNNING".equals(flink.jobState(job)));
    }

    private void publish(RawTopicPublisher publisher, String[] record) {
        SourceType source = SourceType.valueOf(record[0]);
        publisher.publish(source, record[1], record[2]);
        sent.merge(source, 1L, Long::sum);
    }

    /** Every record the publisher had acknowledged is in its topic, once (idempotent producer, acks=all). */
    private void assertNothingLost() throws Exception {
        Map<String, Long> offsets = kafka.endOffsets(
                sent.keySet().stream().map(SourceType::rawTopic).toList());
        Map<String, Long> expected = new TreeMap<>();
        sent.forEach((s, n) -> expected.put(s.rawTopic(), n));
        figure("kafka records per topic: %s (sent %s)", new TreeMap<>(offsets), expected);
        assertThat(new TreeMap<>(offsets)).isEqualTo(expected);
    }

    /** Rows of each source (ODS rows + dead letters) equal the records sent, exactly: nothing lost or doubled. */
    private void awaitExactRows(String when) throws Exception {
        long t0 = System.nanoTime();
        Map<SourceType, Long> expected = new EnumMap<>(sent);
        try {
            NodeProcess.await("warehouse rows equal to the records sent", Duration.ofSeconds(240), () -> rowsPerSource()
                    .equals(expected));
        } finally {
            figure("rows %s %.1f s later: %s (sent %s)", when, seconds(t0), rowsPerSource(), expected);
        }
        assertThat(rowsPerSource()).isEqualTo(expected);
    }

    private Map<SourceType, Long> rowsPerSource() throws SQLException {
        Map<SourceType, Long> rows = new EnumMap<>(SourceType.class);
        for (SourceType s : sent.keySet()) {
            rows.put(
                    s,
                    count("SELECT COUNT(*) FROM "
                                    + SqlDialect.quote(OdsMapper.odsTable(s).name()))
                            + count("SELECT COUNT(*) FROM dlq_record WHERE source = '" + s.rawTopic() + "'"));
        }
        return rows;
    }

    private long pushedRows() throws SQLException {
        return count("SELECT COUNT(*) FROM audit_alert_push WHERE status = 'SENT'");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every analytics table's rows as text, sorted, without the computation time. */
    private Map<String, List<String>> analyticsRows() throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement()) {
            for (Table t : AnalyticsTables.ALL) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + SqlDialect.quote(t.name()))) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (!md.getColumnName(i).equals("updated_at")) {
                                row.append(rs.getString(i)).append('|');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(t.name(), rows);
            }
        }
        return out;
    }

    /** The words of a command line after the program's name. */
    private static List<String> arguments(String text) {
        List<String> words = List.of(text.strip().split("\\s+"));
        return words.subList(1, words.size());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A figure of the run, on the test's output (failsafe keeps it in the report's -output.txt). */
    private static void figure(String format, Object... args) {
        System.out.println("[cluster] " + String.format(Locale.ROOT, format, args));
    }
}

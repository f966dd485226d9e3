package org.gridgov.streaming.alerts;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridgov.common.kafka.Topics;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.simulator.score.AlertScorer;
import org.gridgov.streaming.odsloader.OdsLoaderJob;

/**
 * What {@code gridgov demo} is to do for alerts, on the test classpath: embedded Kafka and MariaDB, the demo month in
 * the raw topics, the ODS loader and then the alert job started from the shaded jar as the launcher starts them
 * (bounded; the loader publishes the dwd topics the alert job reads; alerts pushed to a local robot), then the scorer and a summary from the warehouse. Prints what the demo should print.
 * {@code java -cp target/classes:target/test-classes:<test classpath> org.gridgov.streaming.alerts.DemoRehearsal}
 */
public final class DemoRehearsal {

    static final String SALT = "gridgov-demo-salt-synthetic-data-only";

    private DemoRehearsal() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start();
                EmbeddedKafka kafka = EmbeddedKafka.start();
                RobotReceiver robot = RobotReceiver.start()) {
            kafka.createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR));
            GroundTruth truth;
            try (RawTopicPublisher publisher = new RawTopicPublisher(kafka.bootstrapServers())) {
                truth = new SyntheticDataGenerator(GeneratorSpec.demo()).generate(publisher::publish);
                publisher.flush();
            }
            Path truthFile = Files.createTempFile("ground-truth", ".json");
            truth.write(truthFile);

            Path jar = Files.list(Path.of("target"))
                    .filter(f -> f.getFileName().toString().matches("gridgov-streaming-jobs-.*\\.jar"))
                    .findFirst()
                    .orElseThrow();
            String cp = jar
                    + File.pathSeparator
                    + Files.readString(Path.of("target/engine-classpath.txt")).trim();
            // validate once (issue 15): the loader first, publishing what it accepts to the dwd topics
            List<String> loader = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-cp",
                    cp,
                    OdsLoaderJob.class.getName(),
                    "--kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                    "--warehouse.user=" + EmbeddedWarehouse.USER,
                    "--warehouse.dialect=mysql",
                    "--loader.bounded=true",
                    "--loader.parallelism=2",
                    "--loader.checkpoint-interval=2s");
            ProcessBuilder lb = new ProcessBuilder(loader).redirectError(ProcessBuilder.Redirect.INHERIT);
            lb.environment().put("GRIDGOV_PII_SALT", SALT);
            lb.environment().put("GRIDGOV_WAREHOUSE_PASSWORD", EmbeddedWarehouse.PASSWORD);
            Process lp = lb.start();
            String loaded = new String(lp.getInputStream().readAllBytes());
            if (!lp.waitFor(300, TimeUnit.SECONDS) || lp.exitValue() != 0) {
                throw new IllegalStateException("loader failed: " + loaded);
            }
            System.out.print(loaded);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-cp",
                    cp,
                    AlertJob.class.getName(),
                    "--kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                    "--warehouse.user=" + EmbeddedWarehouse.USER,
                    "--warehouse.dialect=mysql",
                    "--alerts.bounded=true",
                    "--alerts.parallelism=2",
                    "--alerts.checkpoint-interval=2s"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("GRIDGOV_PII_SALT", SALT);
            pb.environment().put("GRIDGOV_WAREHOUSE_PASSWORD", EmbeddedWarehouse.PASSWORD);
            pb.environment().put("GRIDGOV_ALERTS_WEBHOOK_URL", robot.url() + "?access_token=demo");
            pb.environment().put("GRIDGOV_ALERTS_WEBHOOK_SECRET", "SECdemo0123456789");
            long t0 = System.nanoTime();
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("alert job failed: " + out);
            }
            System.out.print(out);
            System.out.printf("(job process %.1f s)%n", (System.nanoTime() - t0) / 1e9);
            AlertScorer.run(
                    new String[] {
                        "--alerts.score.ground-truth=" + truthFile,
                        "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
                        "--warehouse.user=" + EmbeddedWarehouse.USER,
                        "--warehouse.dialect=mysql",
                        "--pii.salt=" + SALT
                    },
                    System.out,
                    System.err);
            try (Connection c = warehouse.connect();
                    Statement s = c.createStatement()) {
                print(s, "SELECT rule, level, COUNT(*) FROM ads_alert_event GROUP BY rule, level ORDER BY rule, level");
                print(
                        s,
                        "SELECT rule, level_label, subject_key, evidence_count, message FROM ads_alert_event "
                                + "WHERE rule IN ('group_petition','escalation','cross_source') ORDER BY event_time LIMIT 4");
                print(s, "SELECT status, COUNT(*) FROM audit_alert_push GROUP BY status");
                print(s, "SELECT kind, COUNT(*) FROM dlq_alert_input GROUP BY kind");
            }
            System.out.println("robot received " + robot.messages().size() + " messages naming "
                    + robot.pushedAlertIds().size() + " alerts");
            Files.deleteIfExists(truthFile);
        }
    }

    private static void print(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> v = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    v.add(rs.getString(i));
                }
                System.out.println("  " + String.join(" | ", v));
            }
        }
        System.out.println();
    }
}

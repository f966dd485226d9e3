package org.gridgov.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridgov.common.kafka.Topics;
import org.gridgov.embedded.EmbeddedKafka;
import org.gridgov.embedded.EmbeddedWarehouse;

/**
 * One MariaDB and one Kafka broker for all the service's integration tests in this JVM (Spring caches the application
 * context across test classes, so they must outlive any one class). Stopped by a shutdown hook.
 */
public final class TestStack {

    private static EmbeddedWarehouse warehouse;
    private static EmbeddedKafka kafka;
    private static Path kafkaDir;
    private static int kafkaPort;

    private TestStack() {}

    public static synchronized EmbeddedWarehouse warehouse() {
        if (warehouse == null) {
            warehouse = EmbeddedWarehouse.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> warehouse.close()));
        }
        return warehouse;
    }

    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            try {
                kafkaDir = Files.createTempDirectory("gridgov-case-kafka");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            kafka = EmbeddedKafka.start(kafkaDir, false);
            kafkaPort = kafka.port();
            kafka.createTopics(List.of(Topics.CASE_EVENTS.name(), Topics.ALERTS.name()), 2);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (kafka != null) {
                    kafka.close();
                }
            }));
        }
        return kafka;
    }

    /** Stops the broker, as an outage; {@link #restartKafka()} brings the same broker back on the same port. */
    public static synchronized void stopKafka() {
        kafka();
        kafka.close();
        kafka = null;
    }

    public static synchronized EmbeddedKafka restartKafka() {
        kafka = EmbeddedKafka.start(kafkaDir, false, kafkaPort);
        return kafka;
    }

    public static String caseDbUrl() {
        return "jdbc:mysql://127.0.0.1:" + warehouse().port() + "/gridgov_case?createDatabaseIfNotExist=true"
                + "&useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8";
    }

    public static String kafkaBootstrap() {
        kafka();
        return "127.0.0.1:" + kafkaPort;
    }
}

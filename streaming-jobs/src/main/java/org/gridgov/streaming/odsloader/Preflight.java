package org.gridgov.streaming.odsloader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Checks, before a local run submits the job, that Kafka has the raw topics and the warehouse accepts a login.
 * Without it a local run with a wrong address fails only after Flink's restarts, each waiting out the Kafka admin
 * timeout (about three minutes). Not used on a cluster, where the client may not see the data network.
 */
final class Preflight {

    private static final int TIMEOUT_MS = 10_000;

    private Preflight() {
    }

    static void check(String bootstrapServers, List<String> topics, WarehouseConnection warehouse) {
        kafka(bootstrapServers, topics);
        warehouse(warehouse);
    }

    private static void kafka(String bootstrapServers, List<String> topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS / 2));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
        try (Admin admin = Admin.create(p)) {
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT_MS + 2_000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + ": cannot read topics " + topics + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within "
                    + TIMEOUT_MS / 1000 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka", e);
        }
    }

    private static void warehouse(WarehouseConnection warehouse) {
        try (Connection c = warehouse.open()) {
            c.isValid(TIMEOUT_MS / 1000);
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse at " + warehouse.safeUrl() + ": " + e.getMessage(), e);
        }
    }
}

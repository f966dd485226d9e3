package org.gridgov.streaming.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.gridgov.streaming.alerts.fanout.Jdbc;
import org.gridgov.streaming.odsloader.WarehouseConnection;

/**
 * Checks before a local run submits the job that Kafka has the input and alerts topics and the warehouse accepts a
 * login, and creates the registry topic (compacted) when it is missing. Without it a wrong address fails only after
 * Flink's restarts, each waiting out the Kafka admin timeout.
 */
final class AlertPreflight {

    private static final int TIMEOUT_MS = 10_000;

    private AlertPreflight() {
    }

    static void check(String bootstrapServers, List<String> required, String registryTopic,
                      WarehouseConnection warehouse) {
        kafka(bootstrapServers, required, registryTopic);
        if (warehouse != null) {
            try (Connection c = Jdbc.open(warehouse)) {
                c.isValid(TIMEOUT_MS / 1000);
            } catch (SQLException e) {
                throw new IllegalStateException("warehouse at " + Jdbc.safeUrl(warehouse) + ": " + e.getMessage(), e);
            }
        }
    }

    static void kafka(String bootstrapServers, List<String> required, String registryTopic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS / 2));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_MS + 2_000L, TimeUnit.MILLISECONDS);
            List<String> missing = new ArrayList<>(required);
            missing.removeAll(existing);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Kafka at " + bootstrapServers + " has no topic " + missing
                        + " (create the platform's topics first, e.g. gridgov stack)");
            }
            if (!existing.contains(registryTopic)) {
                NewTopic t = new NewTopic(registryTopic, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(t)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within "
                    + TIMEOUT_MS / 1000 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka", e);
        }
    }
}

package org.gridgov.streaming.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.TopicProvisioner;
import org.gridgov.warehouse.WarehouseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a job's client does before it submits: creates the platform's missing topics ({@link #createTopics}, locally
 * and on a cluster) and, for a local run ({@link FlinkJobMain.Job#preflight}), checks that Kafka has the topics the job
 * reads and writes and that the warehouse accepts a login. Each failure is an IllegalStateException naming the
 * service.
 */
public final class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    public static final int TIMEOUT_MS = 10_000;

    /** More work with the same admin client once the topics are there (the alert job creates its registry topic). */
    @FunctionalInterface
    public interface AdminStep {
        void run(Admin admin, Set<String> existingTopics) throws Exception;
    }

    private Preflight() {}

    /**
     * Creates the missing ones of {@code topics} as the registry defines them, with {@code replication} copies (0: the
     * brokers' default); topics that differ from the registry are logged, not changed ({@link TopicProvisioner}).
     */
    public static void createTopics(String bootstrapServers, List<Topic<?, ?>> topics, int replication) {
        TopicProvisioner.Report r = TopicProvisioner.provision(bootstrapServers, topics, replication, TIMEOUT_MS);
        if (!r.created().isEmpty()) {
            LOG.info("created topics {} on {}", r.created(), bootstrapServers);
        }
        r.mismatches().forEach(m -> LOG.warn("topic differs from the registry: {}", m));
    }

    public static void kafka(String bootstrapServers, List<String> required) {
        kafka(bootstrapServers, required, (admin, existing) -> {});
    }

    public static void kafka(String bootstrapServers, List<String> required, AdminStep more) {
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
            more.run(admin, existing);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT_MS / 1000 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka", e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    public static void warehouse(WarehouseSettings warehouse) {
        try (Connection c = warehouse.open()) {
            c.isValid(TIMEOUT_MS / 1000);
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse at " + warehouse.safeUrl() + ": " + e.getMessage(), e);
        }
    }
}

package org.gridgov.common.kafka;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the platform's topics on a Kafka cluster as the registry ({@link Topics}) defines them: partitions, configs
 * (the compacted {@code key-persons}) and the replication asked for. Idempotent: a topic that exists is described, not
 * recreated, and what differs from the registry is reported (fewer partitions than defined, another replication
 * factor, another cleanup policy), never changed, since repartitioning moves keys and is the operator's decision.
 * One step for {@code gridgov topics create}, {@code gridgov stack} and the Flink jobs' client-side preflight, so a
 * job started on a fresh cluster finds every topic it reads, the registry included.
 */
public final class TopicProvisioner {

    /** The cluster's default replication ({@code default.replication.factor}), for {@link #provision}. */
    public static final int BROKER_DEFAULT_REPLICATION = 0;

    private final Admin admin;
    private final long timeoutMs;

    /** What became of the topics: created, already there as defined, or there but different (one line each). */
    public record Report(List<String> created, List<String> existing, List<String> mismatches) {

        public Report {
            created = List.copyOf(created);
            existing = List.copyOf(existing);
            mismatches = List.copyOf(mismatches);
        }

        /** {@code 11 topics: 9 created, 2 already there; 0 differ} and one line per mismatch. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(
                    "%d topics: %d created, %d already there; %d differ from the registry",
                    created.size() + existing.size(), created.size(), existing.size(), mismatches.size()));
            mismatches.forEach(m -> out.add("  " + m));
            return out;
        }
    }

    public TopicProvisioner(Admin admin, long timeoutMs) {
        this.admin = admin;
        this.timeoutMs = timeoutMs;
    }

    /** An admin client for {@code bootstrapServers} whose calls give up after {@code timeoutMs}. */
    public static Admin admin(String bootstrapServers, long timeoutMs) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1_000, timeoutMs / 2)));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        return Admin.create(p);
    }

    /**
     * Creates the missing ones of {@code topics} with {@code replication} copies ({@link #BROKER_DEFAULT_REPLICATION}:
     * the brokers' default) and checks the others against their definition.
     */
    public Report provision(Collection<Topic<?, ?>> topics, int replication) throws Exception {
        if (replication < 0 || replication > Short.MAX_VALUE) {
            throw new IllegalArgumentException("replication must be between 0 (the brokers' default) and "
                    + Short.MAX_VALUE + ", got " + replication);
        }
        Set<String> names = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
        List<NewTopic> fresh = new ArrayList<>();
        List<Topic<?, ?>> present = new ArrayList<>();
        for (Topic<?, ?> t : topics) {
            if (names.contains(t.name())) {
                present.add(t);
            } else {
                Optional<Short> copies =
                        replication == BROKER_DEFAULT_REPLICATION ? Optional.empty() : Optional.of((short) replication);
                fresh.add(new NewTopic(t.name(), Optional.of(t.partitions()), copies).configs(t.configs()));
            }
        }
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (NewTopic t : fresh) {
            try {
                admin.createTopics(List.of(t)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                created.add(t.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // created meanwhile by another client (a second job's preflight): check it like the others
                present.add(topics.stream()
                        .filter(x -> x.name().equals(t.name()))
                        .findFirst()
                        .orElseThrow());
            }
        }
        List<String> mismatches = new ArrayList<>();
        if (!present.isEmpty()) {
            List<String> presentNames = present.stream().map(Topic::name).toList();
            Map<String, TopicDescription> described = untilTheBrokerKnows(
                    () -> admin.describeTopics(presentNames).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS),
                    timeoutMs);
            List<ConfigResource> resources = presentNames.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                    .toList();
            Map<ConfigResource, Config> configs = untilTheBrokerKnows(
                    () -> admin.describeConfigs(resources).all().get(timeoutMs, TimeUnit.MILLISECONDS), timeoutMs);
            for (Topic<?, ?> t : present) {
                existing.add(t.name());
                mismatches.addAll(differences(
                        t,
                        described.get(t.name()),
                        configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name())),
                        replication));
            }
        }
        return new Report(created, existing, mismatches);
    }

    /**
     * Runs a describe, again while the broker answering says the topic is unknown: a topic just created (by this call,
     * an earlier {@code gridgov topics create} or another job's preflight) is listed by the controller before every
     * broker's metadata cache has it, and describeConfigs goes to whichever broker is least loaded. Seen on the
     * 3-broker ClusterIT: the second, idempotent run right after the first failed with "This server does not host this
     * topic-partition". Any other failure, or the same one after {@code timeoutMs}, is thrown as before.
     */
    static <T> T untilTheBrokerKnows(Describe<T> describe, long timeoutMs) throws Exception {
        RetryPolicy<T> policy = RetryPolicy.<T>builder()
                .handleIf(e ->
                        e instanceof ExecutionException && e.getCause() instanceof UnknownTopicOrPartitionException)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .withMaxDuration(Duration.ofMillis(timeoutMs))
                .withMaxRetries(-1)
                .build();
        try {
            return Failsafe.with(policy).get(describe::call);
        } catch (FailsafeException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** One admin call that may be retried. */
    @FunctionalInterface
    interface Describe<T> {
        T call() throws Exception;
    }

    /** What an existing topic has that its definition does not: one line each, naming the topic. */
    static List<String> differences(Topic<?, ?> t, TopicDescription d, Config config, int replication) {
        List<String> out = new ArrayList<>();
        int partitions = d.partitions().size();
        if (partitions < t.partitions()) {
            out.add(t.name() + ": " + partitions + " partitions, the registry defines " + t.partitions());
        }
        int copies =
                d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size();
        if (replication != BROKER_DEFAULT_REPLICATION && copies != replication) {
            out.add(t.name() + ": replication " + copies + ", asked for " + replication);
        }
        Map<String, String> actual = new LinkedHashMap<>();
        if (config != null) {
            for (ConfigEntry e : config.entries()) {
                actual.put(e.name(), e.value());
            }
        }
        t.configs().forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                out.add(t.name() + ": " + k + "=" + actual.get(k) + ", the registry defines " + v);
            }
        });
        return out;
    }

    /** Like {@link #provision} with a client of its own; a Kafka that does not answer is an IllegalStateException. */
    public static Report provision(
            String bootstrapServers, Collection<Topic<?, ?>> topics, int replication, long timeoutMs) {
        try (Admin admin = admin(bootstrapServers, timeoutMs)) {
            return new TopicProvisioner(admin, timeoutMs).provision(topics, replication);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrapServers + " did not answer within " + timeoutMs / 1000 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics on " + bootstrapServers, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}

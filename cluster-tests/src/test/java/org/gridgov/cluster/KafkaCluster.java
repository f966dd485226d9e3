package org.gridgov.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Three KRaft Kafka nodes, each its own JVM ({@link KafkaNode}) with a distinct node id and the same
 * {@code controller.quorum.voters}: replication factor 3, {@code min.insync.replicas=2}, so one node may die without
 * losing an acknowledged write or stopping producers that ask for {@code acks=all}.
 */
final class KafkaCluster implements AutoCloseable {

    static final int NODES = 3;

    private final String classpath;
    private final Path dir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int[] ports = new int[NODES];
    private final int[] controllerPorts = new int[NODES];
    private final NodeProcess[] nodes = new NodeProcess[NODES];

    private final Path log4j;

    KafkaCluster(String classpath, Path dir, Path log4j) {
        this.log4j = log4j;
        this.classpath = classpath;
        this.dir = dir;
        for (int i = 0; i < NODES; i++) {
            ports[i] = FreePort.pick();
            controllerPorts[i] = FreePort.pick();
        }
    }

    /** Starts every node and waits until the brokers see each other. */
    KafkaCluster start() throws Exception {
        for (int i = 0; i < NODES; i++) {
            startNode(i);
        }
        awaitBrokers(NODES, Duration.ofSeconds(120));
        return this;
    }

    private String voters() {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            v.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
        }
        return String.join(",", v);
    }

    /** Starts node {@code i} (again, after {@link #kill}: same id, ports and data, as a restarted machine). */
    void startNode(int i) {
        nodes[i] = NodeProcess.java(
                "kafka-" + (i + 1),
                classpath,
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j),
                KafkaNode.class.getName(),
                List.of(
                        String.valueOf(i + 1),
                        String.valueOf(ports[i]),
                        String.valueOf(controllerPorts[i]),
                        voters(),
                        clusterId,
                        dir.resolve("node-" + (i + 1)).toString()),
                Map.of(),
                dir.resolve("logs"));
    }

    /** {@code kill -9} of node {@code i}. */
    void kill(int i) throws InterruptedException {
        nodes[i].kill();
    }

    String bootstrapServers() {
        List<String> b = new ArrayList<>();
        for (int port : ports) {
            b.add("127.0.0.1:" + port);
        }
        return String.join(",", b);
    }

    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return Admin.create(p);
    }

    void awaitBrokers(int count, Duration timeout) throws Exception {
        try (Admin admin = admin()) {
            NodeProcess.await(
                    count + " Kafka brokers",
                    timeout,
                    () -> admin.describeCluster()
                                    .nodes()
                                    .get(10, TimeUnit.SECONDS)
                                    .size()
                            == count);
        }
    }

    /** Deletes a topic and waits until the brokers no longer list it. */
    void deleteTopic(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            NodeProcess.await(
                    "topic " + topic + " deleted",
                    Duration.ofSeconds(60),
                    () -> !admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic));
        }
    }

    /** A topic's {@code cleanup.policy}. */
    String cleanupPolicy(String topic) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                    .value();
        }
    }

    /** Records in each topic: the sum of its partitions' end offsets (nothing is ever deleted here). */
    Map<String, Long> endOffsets(List<String> topics) throws Exception {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var offsets = admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(e -> e.getValue()
                            .offset())));
        }
    }

    @Override
    public void close() {
        for (NodeProcess n : nodes) {
            if (n != null) {
                n.close();
            }
        }
    }
}

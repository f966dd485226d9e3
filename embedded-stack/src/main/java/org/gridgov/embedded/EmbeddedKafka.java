package org.gridgov.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;
import org.gridgov.common.io.Directories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) inside this JVM, on free loopback ports.
 * Replication factors are 1, which is what a single node can offer; transactions and idempotent producers work.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    /** One broker: one copy of every partition. */
    public static final short REPLICATION_FACTOR = 1;

    private final Path logDir;
    private final boolean ownsLogDir;
    private final int port;
    private final KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, boolean ownsLogDir, int port) {
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
        this.port = port;
        int controllerPort = FreePort.pick();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "2");
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", "100000");
        KafkaConfig config = KafkaConfig.fromProps(p, false);
        format(config);
        this.server = new KafkaRaftServer(config, Time.SYSTEM);
    }

    /** Starts a broker whose data lives in a temporary directory deleted on close. */
    public static EmbeddedKafka start() {
        try {
            return start(Files.createTempDirectory("gridgov-kafka"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker with its data in {@code dir}; the directory is kept on close when {@code deleteOnClose} is false. */
    public static EmbeddedKafka start(Path dir, boolean deleteOnClose) {
        return start(dir, deleteOnClose, FreePort.pick());
    }

    /**
     * Starts a broker on a given port. With the directory of a stopped broker and its port, this is the same broker
     * coming back after an outage: topics and offsets survive, and clients configured with its address reconnect.
     */
    public static EmbeddedKafka start(Path dir, boolean deleteOnClose, int port) {
        long t0 = System.nanoTime();
        EmbeddedKafka k = new EmbeddedKafka(dir, deleteOnClose, port);
        k.server.startup();
        k.awaitReady();
        LOG.info("Kafka broker ready on {} in {} ms", k.bootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
        return k;
    }

    private void format(KafkaConfig config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // a restart on the same directory: the broker keeps its cluster id, topics and offsets
        }
        try {
            new Formatter()
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                    .setIgnoreFormatted(true)
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
        }
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Kafka broker did not become ready", e);
        }
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(p);
    }

    /** Creates the topics that do not exist yet, each with {@code partitions} partitions. */
    public void createTopics(Collection<String> topics, int partitions) {
        createTopics(topics.stream()
                .map(t -> new NewTopic(t, partitions, REPLICATION_FACTOR))
                .toList());
    }

    /**
     * Creates the topics that do not exist yet as described (partitions, configs such as compaction), e.g. the
     * platform's registry: {@code createTopics(Topics.newTopics(EmbeddedKafka.REPLICATION_FACTOR))}.
     */
    public void createTopics(List<NewTopic> topics) {
        List<String> names = topics.stream().map(NewTopic::name).toList();
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> fresh =
                    topics.stream().filter(t -> !existing.contains(t.name())).toList();
            admin.createTopics(fresh).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + names, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + names, e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (ownsLogDir) {
                Directories.deleteQuietly(logDir);
            }
        }
    }
}

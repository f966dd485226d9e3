package org.gridgov.ingestion.kafka;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.model.SourceType;

/**
 * Publishes to Kafka with an idempotent producer (acks=all, retries without duplicates or reordering within a
 * partition). Two uses:
 * <ul>
 *   <li>{@link #publish}: raw records of a source to {@code raw.<source>}, keyed by whatever key the caller gives, as
 *   a stream whose first failure is rethrown on the next call or on close, never swallowed (the demo feeds the
 *   simulator's records through it with {@code publisher::publish});</li>
 *   <li>as a {@link TopicSink} ({@link #send}): the intake gateway's validated records and dead letters, each with its
 *   own acknowledgement, so a failed send is counted against its batch instead of poisoning the publisher.</li>
 * </ul>
 */
public final class RawTopicPublisher implements TopicSink {

    /** Bytes: each topic's serdes (from the registry) serialize; the generator's lines are sent as they are. */
    private final KafkaProducer<byte[], byte[]> producer;

    private final Map<SourceType, Long> sent = new EnumMap<>(SourceType.class);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public RawTopicPublisher(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // idempotence keeps order with up to 5 requests in flight per partition
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends one record to {@code raw.<source>}; throws if an earlier send of this stream failed. */
    public void publish(SourceType source, String key, String json) {
        throwIfFailed();
        producer.send(new ProducerRecord<>(source.rawTopic(), utf8(key), utf8(json)), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
        synchronized (sent) {
            sent.merge(source, 1L, Long::sum);
        }
    }

    @Override
    public <K, V> void send(Topic<K, V> topic, K key, V value, Ack ack) {
        try {
            producer.send(
                    new ProducerRecord<>(
                            topic.name(),
                            topic.keySerde().serializer().serialize(topic.name(), key),
                            topic.valueSerde().serializer().serialize(topic.name(), value)),
                    (meta, e) -> ack.done(e));
        } catch (RuntimeException e) {
            // serialization, buffer exhaustion, a closed producer: this record failed, the caller counts it
            ack.done(e);
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Waits until everything sent so far is acknowledged (or failed). */
    @Override
    public void flush() throws Exception {
        producer.flush();
        throwIfFailed();
    }

    /** Records accepted per source through {@link #publish}. */
    public Map<SourceType, Long> sentCounts() {
        synchronized (sent) {
            return new EnumMap<>(sent);
        }
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("publishing to Kafka failed", e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            flush();
        } finally {
            producer.close();
        }
    }
}

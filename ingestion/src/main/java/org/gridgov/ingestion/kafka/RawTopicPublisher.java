package org.gridgov.ingestion.kafka;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.common.model.SourceType;
import org.gridgov.ingestion.generator.RecordSink;

/**
 * Publishes raw source records to their {@code raw.<source>} topic with an idempotent producer (acks=all), keyed by
 * record id so every update of one case lands in one partition, in order. Counts what it sent per source; a send
 * failure is rethrown on the next call or on close, never swallowed.
 */
public final class RawTopicPublisher implements RecordSink, AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final Map<SourceType, Long> sent = new EnumMap<>(SourceType.class);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public RawTopicPublisher(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void accept(SourceType source, String key, String json) throws Exception {
        throwIfFailed();
        producer.send(new ProducerRecord<>(source.rawTopic(), key, json), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
        sent.merge(source, 1L, Long::sum);
    }

    /** Waits until everything sent so far is acknowledged. */
    public void flush() throws Exception {
        producer.flush();
        throwIfFailed();
    }

    public Map<SourceType, Long> sentCounts() {
        return new EnumMap<>(sent);
    }

    private void throwIfFailed() throws Exception {
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

package org.gridgov.ingestion.kafka;

import org.gridgov.common.kafka.Topic;

/**
 * Where the intake gateway publishes: Kafka through {@link RawTopicPublisher}, or a list in unit tests.
 * A send is acknowledged later, through its {@link Ack}; {@link #flush()} returns once every send so far is
 * acknowledged or failed.
 */
public interface TopicSink extends AutoCloseable {

    /** Called once per send: {@code failure} is null when the broker acknowledged the record (acks=all). */
    @FunctionalInterface
    interface Ack {
        void done(Exception failure);
    }

    /** Sends {@code value} under {@code key}, both serialized with the topic's serdes. */
    <K, V> void send(Topic<K, V> topic, K key, V value, Ack ack);

    void flush() throws Exception;

    @Override
    void close() throws Exception;
}

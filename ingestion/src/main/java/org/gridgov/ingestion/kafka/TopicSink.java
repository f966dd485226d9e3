package org.gridgov.ingestion.kafka;

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

    void send(String topic, String key, String value, Ack ack);

    void flush() throws Exception;

    @Override
    void close() throws Exception;
}

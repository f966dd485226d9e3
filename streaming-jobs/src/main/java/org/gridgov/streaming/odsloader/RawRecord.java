package org.gridgov.streaming.odsloader;

/**
 * One Kafka record as read from a raw topic, before any parsing. Public fields and a no-arg constructor make it a
 * Flink POJO, so it travels without Kryo ({@code pipeline.generic-types: false} holds).
 */
public final class RawRecord {

    public String topic;
    public int partition;
    public long offset;
    /** Kafka record timestamp (epoch millis), or -1 when the producer set none. */
    public long timestamp;

    public String key;
    /** The value decoded as UTF-8; malformed bytes are replaced (U+FFFD) and {@link #malformedUtf8} is set. */
    public String value;
    /** The value bytes were not valid UTF-8: a dead letter, whatever the replaced text looks like. */
    public boolean malformedUtf8;

    public RawRecord() {}

    public RawRecord(
            String topic, int partition, long offset, long timestamp, String key, String value, boolean malformedUtf8) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.malformedUtf8 = malformedUtf8;
    }

    /** {@code topic:partition:offset}: deterministic, so a replay overwrites the dead letter instead of adding one. */
    public String position() {
        return topic + ":" + partition + ":" + offset;
    }

    @Override
    public String toString() {
        // the value may hold PII: position only
        return "RawRecord[" + position() + "]";
    }
}

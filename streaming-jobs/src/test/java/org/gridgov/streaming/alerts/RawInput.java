package org.gridgov.streaming.alerts;

import java.nio.charset.StandardCharsets;

/** A Kafka record as a test feeds it to the alert graph without Kafka: where it sits, its key and value. */
public final class RawInput {

    public String topic;
    public int partition;
    public long offset;
    public long timestamp;
    public String key;
    public byte[] value;

    public RawInput() {}

    public RawInput(String topic, int partition, long offset, long timestamp, String key, String value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}

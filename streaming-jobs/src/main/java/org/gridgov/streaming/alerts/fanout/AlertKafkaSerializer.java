package org.gridgov.streaming.alerts.fanout;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.Topics;
import org.gridgov.streaming.alerts.AlertRecord;

/**
 * An alert on the {@code alerts} topic: key = alert id (updates of one alert land in one partition, in order, and
 * consumers dedup by it), value = the platform's {@code Alert} JSON, which {@code EventDecoder.alert} reads back.
 */
public final class AlertKafkaSerializer implements KafkaRecordSerializationSchema<AlertRecord> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public AlertKafkaSerializer() {
        this(Topics.ALERTS.name());
    }

    public AlertKafkaSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(AlertRecord a, KafkaSinkContext context, Long timestamp) {
        // no record timestamp: the producer stamps the send time, which is what latency is measured against
        return new ProducerRecord<>(topic, null, null, a.alertId.getBytes(StandardCharsets.UTF_8),
                Json.write(a.toAlert()).getBytes(StandardCharsets.UTF_8));
    }
}

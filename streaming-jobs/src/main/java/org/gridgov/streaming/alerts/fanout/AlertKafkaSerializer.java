package org.gridgov.streaming.alerts.fanout;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gridgov.common.kafka.Topics;
import org.gridgov.streaming.alerts.AlertRecord;

/**
 * An alert on the {@code alerts} topic: key = alert id (updates of one alert land in one partition, in order, and
 * consumers dedup by it), value = the platform's {@code Alert} JSON, which {@code EventDecoder.alert} reads back: both
 * through the serdes of {@link Topics#ALERTS}, reached statically (Kafka serdes do not serialize with the job graph).
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
        return new ProducerRecord<>(
                topic,
                null,
                null,
                Topics.ALERTS.keySerde().serializer().serialize(topic, a.alertId),
                Topics.ALERTS.valueSerde().serializer().serialize(topic, a.toAlert()));
    }
}

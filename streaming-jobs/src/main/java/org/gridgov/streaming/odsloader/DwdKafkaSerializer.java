package org.gridgov.streaming.odsloader;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.DwdRecord;

/**
 * A conformed record on its source's {@code dwd.<source>} topic: key = salted person key (else the record id), so one
 * person's records share a partition and keep their order; value = Avro through the topic's serde
 * ({@code DwdSerde}), reached statically (Kafka serdes do not serialise with the job graph); record timestamp = the
 * raw record's, so consumers see when the platform received it, as they did on the raw topic.
 */
public final class DwdKafkaSerializer implements KafkaRecordSerializationSchema<DwdRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DwdRecord r, KafkaSinkContext context, Long timestamp) {
        Topic<String, DwdRecord> topic = Topics.dwd(r.source());
        return new ProducerRecord<>(
                topic.name(),
                null,
                r.receivedTime() > 0 ? r.receivedTime() : null,
                topic.keySerde().serializer().serialize(topic.name(), r.kafkaKey()),
                topic.valueSerde().serializer().serialize(topic.name(), r));
    }
}

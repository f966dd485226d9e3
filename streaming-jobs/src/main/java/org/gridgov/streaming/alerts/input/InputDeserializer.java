package org.gridgov.streaming.alerts.input;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.common.kafka.Topics;

/**
 * Kafka records of the input topics → {@link InputEvent}s through {@link InputDecoder}; never throws. The job's is
 * {@link #dwd} (the loader's dwd topics); the raw-topic reading is kept for the benchmark's "before" figure.
 */
public final class InputDeserializer implements KafkaRecordDeserializationSchema<InputEvent> {

    private static final long serialVersionUID = 1L;

    private final InputDecoder decoder;
    private final boolean dwd;

    /** Reads the raw topics ({@link InputDecoder#TOPICS}): decode, validate and key every record. */
    public InputDeserializer(InputDecoder decoder) {
        this(decoder, false);
    }

    private InputDeserializer(InputDecoder decoder, boolean dwd) {
        this.decoder = Objects.requireNonNull(decoder);
        this.dwd = dwd;
    }

    /** Reads the loader's dwd topics and case events ({@link InputDecoder#DWD_TOPICS}). */
    public static InputDeserializer dwd(InputDecoder decoder) {
        return new InputDeserializer(decoder, true);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<InputEvent> out) {
        // every input topic is keyed by text; values are decoded by InputDecoder, which never throws
        String key = Topics.CASE_EVENTS.keySerde().deserializer().deserialize(record.topic(), record.key());
        out.collect(
                dwd
                        ? decoder.decodeDwd(
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                record.timestamp(),
                                key,
                                record.value())
                        : decoder.decode(
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                record.timestamp(),
                                key,
                                record.value()));
    }

    @Override
    public TypeInformation<InputEvent> getProducedType() {
        return TypeInformation.of(InputEvent.class);
    }
}

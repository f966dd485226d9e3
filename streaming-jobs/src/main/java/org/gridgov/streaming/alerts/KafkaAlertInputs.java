package org.gridgov.streaming.alerts;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.InputDeserializer;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.input.InputWatermarks;
import org.gridgov.streaming.alerts.person.KeyPersonUpdate;

/**
 * The production inputs: the loader's dwd petition, 12345 and police topics and the case-event topic in one Kafka
 * source (read inside the source, watermarks per partition), and the compacted registry topic read from its
 * beginning. Never the raw topics: validation, locating and person keys are the loader's (issue 15).
 */
public final class KafkaAlertInputs implements AlertInputs {

    private final String bootstrapServers;
    private final String groupId;
    private final boolean bounded;
    private final InputDecoder decoder;
    private final String registryTopic;
    private final long outOfOrdernessMs;
    private final long idlenessMs;

    public KafkaAlertInputs(
            String bootstrapServers,
            String groupId,
            boolean bounded,
            InputDecoder decoder,
            String registryTopic,
            long outOfOrdernessMs,
            long idlenessMs) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.bounded = bounded;
        this.decoder = decoder;
        this.registryTopic = registryTopic;
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.idlenessMs = idlenessMs;
    }

    @Override
    public DataStream<InputEvent> events(StreamExecutionEnvironment env) {
        KafkaSourceBuilder<InputEvent> b = KafkaSource.<InputEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(InputDecoder.DWD_TOPICS)
                .setGroupId(groupId)
                .setClientIdPrefix(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(InputDeserializer.dwd(decoder))
                .setProperty("isolation.level", "read_committed")
                // low latency: the broker answers a fetch as soon as one byte is there (fetch.min.bytes), and waits
                // at most 100 ms (fetch.max.wait.ms, default 500) when nothing is; Kafka's consumer configs
                .setProperty("fetch.min.bytes", "1")
                .setProperty("fetch.max.wait.ms", "100");
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        // bounded: one watermark at the end, every event applied in event-time order (InputWatermarks.atEndOfInput);
        // live: per partition, the latest event time minus the out-of-orderness, idle partitions left out
        return env.fromSource(
                        b.build(),
                        bounded
                                ? InputWatermarks.atEndOfInput()
                                : InputWatermarks.strategy(outOfOrdernessMs, idlenessMs),
                        "alert-inputs")
                .uid("alert-inputs");
    }

    @Override
    public DataStream<KeyPersonUpdate> registry(StreamExecutionEnvironment env) {
        KafkaSourceBuilder<KeyPersonUpdate> b = KafkaSource.<KeyPersonUpdate>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(registryTopic)
                .setGroupId(groupId + "-registry")
                .setClientIdPrefix(groupId + "-registry")
                // the whole registry on every fresh start; a restore continues from the checkpointed offsets
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setProperty("commit.offsets.on.checkpoint", "false")
                .setDeserializer(new RegistryDeserializer());
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        // Bounded: the registry emits no watermark until it is read to its end, so every input event waits for the
        // whole registry and a rerun decides the same way. Live: it never holds the event-time clock back; an entry
        // applies from its arrival on (and to the police incidents still in the listed person's state).
        return env.fromSource(
                        b.build(),
                        bounded ? WatermarkStrategy.noWatermarks() : InputWatermarks.<KeyPersonUpdate>neverHoldsBack(),
                        "key-person-registry")
                .uid("key-person-registry")
                .setParallelism(1);
    }

    /** Registry records → {@link KeyPersonUpdate}, never throwing. */
    static final class RegistryDeserializer implements KafkaRecordDeserializationSchema<KeyPersonUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<KeyPersonUpdate> out) {
            out.collect(KeyPersonUpdate.parse(
                    r.topic() + ":" + r.partition() + ":" + r.offset(), r.timestamp(), r.key(), r.value()));
        }

        @Override
        public TypeInformation<KeyPersonUpdate> getProducedType() {
            return TypeInformation.of(KeyPersonUpdate.class);
        }
    }
}

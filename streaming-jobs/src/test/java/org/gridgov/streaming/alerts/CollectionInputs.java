package org.gridgov.streaming.alerts;

import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.input.InputKind;
import org.gridgov.streaming.alerts.input.InputWatermarks;
import org.gridgov.streaming.alerts.person.KeyPersonUpdate;

/**
 * Inputs from lists, in list order (raw topic records, or dwd records as {@link ConformedInputs} makes them): one source subtask decodes and stamps them, so a list in event-time order gives
 * the same watermarks the per-partition Kafka source would. The registry behaves like the bounded Kafka registry.
 */
final class CollectionInputs implements AlertInputs {

    private final List<RawInput> records;
    private final List<KeyPersonUpdate> registry;
    private final InputDecoder decoder;
    private boolean watermarkPerEvent;

    CollectionInputs(List<RawInput> records, List<KeyPersonUpdate> registry, InputDecoder decoder) {
        this.records = records;
        this.registry = registry;
        this.decoder = decoder;
    }

    /**
     * The watermark follows every event (the latest event time so far) instead of the periodic one: whether a record
     * is behind it then depends on the list's order only, not on how fast the records flow past the 50 ms clock.
     */
    CollectionInputs watermarkPerEvent() {
        this.watermarkPerEvent = true;
        return this;
    }

    @Override
    public DataStream<InputEvent> events(StreamExecutionEnvironment env) {
        InputDecoder d = decoder;
        return env.fromData(records, TypeInformation.of(RawInput.class))
                .name("raw-inputs")
                .uid("raw-inputs")
                // raw topics through the full decoder (the path before issue 15), dwd topics as the job reads them
                .map(
                        r -> r.topic.startsWith("raw.")
                                ? d.decode(r.topic, r.partition, r.offset, r.timestamp, r.key, r.value)
                                : d.decodeDwd(r.topic, r.partition, r.offset, r.timestamp, r.key, r.value),
                        TypeInformation.of(InputEvent.class))
                .name("decode")
                .uid("decode")
                .setParallelism(1)
                .assignTimestampsAndWatermarks(watermarkPerEvent ? perEvent() : InputWatermarks.strategy(0, 0))
                .name("watermarks")
                .uid("watermarks")
                .setParallelism(1);
    }

    /** {@link InputWatermarks}' latest event time, emitted after each event rather than periodically. */
    private static WatermarkStrategy<InputEvent> perEvent() {
        return WatermarkStrategy.<InputEvent>forGenerator(ctx -> new WatermarkGenerator<>() {
                    private long latest = Long.MIN_VALUE;

                    @Override
                    public void onEvent(InputEvent e, long timestamp, WatermarkOutput output) {
                        if (e.kind != InputKind.REJECTED && timestamp > latest) {
                            latest = timestamp;
                            output.emitWatermark(new Watermark(latest));
                        }
                    }

                    @Override
                    public void onPeriodicEmit(WatermarkOutput output) {}
                })
                .withTimestampAssigner((e, kafkaTs) -> e.eventTime);
    }

    @Override
    public DataStream<KeyPersonUpdate> registry(StreamExecutionEnvironment env) {
        // fromData cannot emit an empty collection (Flink 1.20 fails reading element 0): filter a placeholder out
        List<KeyPersonUpdate> updates = registry.isEmpty() ? List.of(KeyPersonUpdate.remove("placeholder")) : registry;
        boolean empty = registry.isEmpty();
        return env.fromData(updates, TypeInformation.of(KeyPersonUpdate.class))
                .name("registry")
                .uid("registry")
                .filter(u -> !empty)
                .name("registry-filter")
                .uid("registry-filter")
                // as the bounded Kafka registry: no watermark before the whole registry is read
                .assignTimestampsAndWatermarks(WatermarkStrategy.<KeyPersonUpdate>noWatermarks())
                .name("registry-watermarks")
                .uid("registry-watermarks");
    }
}

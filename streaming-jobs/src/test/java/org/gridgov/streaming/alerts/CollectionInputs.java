package org.gridgov.streaming.alerts;

import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.input.InputWatermarks;
import org.gridgov.streaming.alerts.person.KeyPersonUpdate;

/**
 * Inputs from lists, in list order: one source subtask decodes and stamps them, so a list in event-time order gives
 * the same watermarks the per-partition Kafka source would. The registry behaves like the bounded Kafka registry.
 */
final class CollectionInputs implements AlertInputs {

    private final List<RawInput> records;
    private final List<KeyPersonUpdate> registry;
    private final InputDecoder decoder;

    CollectionInputs(List<RawInput> records, List<KeyPersonUpdate> registry, InputDecoder decoder) {
        this.records = records;
        this.registry = registry;
        this.decoder = decoder;
    }

    @Override
    public DataStream<InputEvent> events(StreamExecutionEnvironment env) {
        InputDecoder d = decoder;
        return env.fromData(records, TypeInformation.of(RawInput.class)).name("raw-inputs").uid("raw-inputs")
                .map(r -> d.decode(r.topic, r.partition, r.offset, r.timestamp, r.key, r.value),
                        TypeInformation.of(InputEvent.class))
                .name("decode").uid("decode").setParallelism(1)
                .assignTimestampsAndWatermarks(InputWatermarks.strategy(0, 0)).name("watermarks").uid("watermarks")
                .setParallelism(1);
    }

    @Override
    public DataStream<KeyPersonUpdate> registry(StreamExecutionEnvironment env) {
        // fromData cannot emit an empty collection (Flink 1.20 fails reading element 0): filter a placeholder out
        List<KeyPersonUpdate> updates = registry.isEmpty() ? List.of(KeyPersonUpdate.remove("placeholder")) : registry;
        boolean empty = registry.isEmpty();
        return env.fromData(updates, TypeInformation.of(KeyPersonUpdate.class)).name("registry").uid("registry")
                .filter(u -> !empty).name("registry-filter").uid("registry-filter")
                // as the bounded Kafka registry: no watermark before the whole registry is read
                .assignTimestampsAndWatermarks(WatermarkStrategy.<KeyPersonUpdate>noWatermarks())
                .name("registry-watermarks").uid("registry-watermarks");
    }
}

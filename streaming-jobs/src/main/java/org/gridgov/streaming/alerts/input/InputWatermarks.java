package org.gridgov.streaming.alerts.input;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event-time watermarks of the alert inputs, per Kafka partition when used on the Kafka source.
 *
 * <p>The watermark is the latest event time seen minus the configured out-of-orderness, without the usual extra
 * millisecond: source times have whole seconds, and waiting for the next second before releasing an event would
 * cost up to a second of latency. A straggler of the same second is applied at once as a (slightly) late event.
 * Rejected records carry their Kafka timestamp and never move the watermark.
 */
public final class InputWatermarks {

    private InputWatermarks() {}

    public static WatermarkStrategy<InputEvent> strategy(long outOfOrdernessMs, long idlenessMs) {
        WatermarkStrategy<InputEvent> s = WatermarkStrategy.<InputEvent>forGenerator(
                        ctx -> new LatestEventTime(outOfOrdernessMs))
                .withTimestampAssigner((e, kafkaTs) -> e.eventTime);
        return idlenessMs > 0 ? s.withIdleness(Duration.ofMillis(idlenessMs)) : s;
    }

    /**
     * A bounded run's: event times assigned, no watermark before the end of the input (when the source emits the
     * final one), so every rule applies its events in event-time order whatever order the topics hold them in. The
     * dwd topics are keyed by person and written by several loader subtasks, so a partition is not in event-time order
     * the way a raw partition was (its records come from every raw partition); a backfill read at full speed would
     * otherwise see records hours behind its partition's latest as late. Costs state: every event waits until the
     * end (a bounded run is a backfill or the demo, not months of live traffic).
     */
    public static WatermarkStrategy<InputEvent> atEndOfInput() {
        return WatermarkStrategy.<InputEvent>noWatermarks().withTimestampAssigner((e, kafkaTs) -> e.eventTime);
    }

    /**
     * For the key-person registry: it never holds the event-time clock back. The registry is mostly quiet, and a
     * quiet input of a two-input operator would otherwise stop its watermark (and every timer) for good.
     */
    public static <T> WatermarkStrategy<T> neverHoldsBack() {
        return WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<T>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.markIdle();
            }
        });
    }

    static final class LatestEventTime implements WatermarkGenerator<InputEvent> {
        private final long outOfOrderness;
        private long latest = Long.MIN_VALUE;

        LatestEventTime(long outOfOrderness) {
            this.outOfOrderness = outOfOrderness;
        }

        @Override
        public void onEvent(InputEvent e, long timestamp, WatermarkOutput output) {
            if (e.kind != InputKind.REJECTED && timestamp > latest) {
                latest = timestamp;
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (latest != Long.MIN_VALUE) {
                output.emitWatermark(new Watermark(latest - outOfOrderness));
            }
        }
    }
}

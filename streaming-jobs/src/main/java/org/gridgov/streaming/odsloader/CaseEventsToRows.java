package org.gridgov.streaming.odsloader;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridgov.common.district.District;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.EventDecoder;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.common.validation.Violation;
import org.gridgov.loading.OdsMapper;
import org.gridgov.loading.cases.CaseEventRows;
import org.gridgov.warehouse.TableRow;

/**
 * The loader's step for {@code case.events}, keyed by the Kafka key (the case id): each event becomes its
 * {@code ods_case_event} row, and the case's {@code dwd_case} row is rebuilt from all of its events so far
 * ({@link CaseEventRows}) and upserted; a record that cannot be read becomes one {@code dlq_record} row with its
 * reason, as in {@link RecordToRows}.
 *
 * <p>Why in the stream and not a Spark batch over ods_case_event: the row is a pure function of the <em>set</em> of
 * the case's events, which keyed state already holds, so each upsert is idempotent (a replay re-adds events by id and
 * rewrites the same row) and dwd_case is as fresh as ods_case_event, with no second scheduled job to keep in step.
 * State is the events' JSON (strings, so no Kryo), at most a few dozen per case.
 *
 * <p>Cleanup: {@link #RETENTION_MS} after 结案 the case's state is dropped. An event arriving later (a replay of an
 * old offset without its state) rebuilds nothing when the CREATED event is not among those held, so it can never
 * overwrite the full row with a partial one; it still lands in ods_case_event.
 */
public class CaseEventsToRows extends KeyedProcessFunction<String, RawRecord, TableRow> {

    private static final long serialVersionUID = 1L;

    /** How long a closed case's events stay in state (processing time), for late 督办 or a reopened case. */
    static final long RETENTION_MS = 30L * 24 * 3600 * 1000;

    public static final String VALID = "ods-loader.case-events";
    public static final String DEAD_LETTERS = "ods-loader.case-event-dead-letters";

    private transient MapState<String, String> events;
    private transient ValueState<Long> cleanupAt;
    private transient CaseEventRows rows;
    private transient LongCounter validTotal;
    private transient LongCounter invalidTotal;

    @Override
    public void open(OpenContext openContext) {
        events = getRuntimeContext().getMapState(new MapStateDescriptor<>("case-events", Types.STRING, Types.STRING));
        cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
        rows = new CaseEventRows(District.licheng());
        validTotal = new LongCounter();
        invalidTotal = new LongCounter();
        getRuntimeContext().addAccumulator(VALID, validTotal);
        getRuntimeContext().addAccumulator(DEAD_LETTERS, invalidTotal);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<TableRow> out) throws Exception {
        Decoded<CaseEvent> d = raw.malformedUtf8
                ? Decoded.rejected(
                        List.of(new Violation("$", "value is not valid UTF-8 (wrong encoding at the source?)")))
                : EventDecoder.caseEvent(raw.value);
        if (d.isValid() && !d.value().caseId().equals(raw.key)) {
            d = Decoded.rejected(List.of(new Violation("case_id", "does not match the Kafka key (the case id)")));
        }
        if (!d.isValid()) {
            out.collect(OdsMapper.deadLetter(raw.topic, raw.position(), raw.key, d, raw.value, received(raw, ctx)));
            invalidTotal.add(1L);
            return;
        }
        CaseEvent e = d.value();
        validTotal.add(1L);
        out.collect(CaseEventRows.odsRow(e));
        events.put(e.eventId(), raw.value);
        List<CaseEvent> all = new ArrayList<>();
        for (String json : events.values()) {
            all.add(EventDecoder.caseEvent(json).value());
        }
        rows.dwdCase(all).ifPresent(out::collect);
        if (e.type() == CaseEventType.CLOSED && cleanupAt.value() == null) {
            long at = ctx.timerService().currentProcessingTime() + RETENTION_MS;
            cleanupAt.update(at);
            ctx.timerService().registerProcessingTimeTimer(at);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TableRow> out) {
        events.clear();
        cleanupAt.clear();
    }

    private static LocalDateTime received(RawRecord raw, Context ctx) {
        long millis = raw.timestamp > 0 ? raw.timestamp : ctx.timerService().currentProcessingTime();
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), RecordDecoder.ZONE)
                .withNano(0);
    }
}

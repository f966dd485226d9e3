package org.gridgov.streaming.odsloader;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Gives a 12345 call's {@link DwdRecord} the master the {@link HotlineDuplicateMarker} decided for its DWD row, keyed by
 * case id: input 1 is the record (from {@code RecordToRows}' {@link RecordToRows#DWD_RECORDS}), input 2 the marker's
 * rows. The two arrive in either order (they travel different paths), so each waits in state for the other; the
 * record goes out once both are there, and again whenever the pair changes: the marker re-marks a call when an earlier
 * call of the caller arrives late, and a later export of the case is a new snapshot. A replay of the same record and
 * decision writes nothing again (the downstream dedups by record id anyway).
 *
 * <p>State per case: the latest record, the latest decision and what went out last, with the marker's TTL (window + 1
 * day after the last write) and an idle timer a window after the case's last input (processing time), like the
 * marker's own state: a call whose decision changes after that is not published again (the marker has forgotten it
 * too). Only calls of a known caller come here; the rest bypass the marker and this join.
 */
public class HotlineMasterJoin extends KeyedCoProcessFunction<String, DwdRecord, TableRow, DwdRecord> {

    private static final long serialVersionUID = 1L;

    /** The decision "a first call", distinct from "not decided yet" (null). */
    private static final String FIRST_CALL = "";

    private final Duration window;

    private transient ValueState<DwdRecord> record;
    private transient ValueState<String> decision;
    private transient ValueState<DwdRecord> published;
    private transient ValueState<Long> idleTimer;

    public HotlineMasterJoin(Duration window) {
        this.window = Objects.requireNonNull(window);
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(window.plusDays(1))
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
        record = getRuntimeContext()
                .getState(withTtl(new ValueStateDescriptor<>("dwd-call", TypeInformation.of(DwdRecord.class)), ttl));
        decision =
                getRuntimeContext().getState(withTtl(new ValueStateDescriptor<>("dwd-call-master", Types.STRING), ttl));
        published = getRuntimeContext()
                .getState(withTtl(
                        new ValueStateDescriptor<>("dwd-call-published", TypeInformation.of(DwdRecord.class)), ttl));
        idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("dwd-call-idle-timer", Types.LONG));
    }

    private static <T> ValueStateDescriptor<T> withTtl(ValueStateDescriptor<T> d, StateTtlConfig ttl) {
        d.enableTimeToLive(ttl);
        return d;
    }

    @Override
    public void processElement1(DwdRecord r, Context ctx, Collector<DwdRecord> out) throws Exception {
        record.update(r);
        emitIfChanged(out);
        rearm(ctx);
    }

    @Override
    public void processElement2(TableRow row, Context ctx, Collector<DwdRecord> out) throws Exception {
        String master = row.value(WarehouseSchema.DWD_HOTLINE_CASE, "master_case_id");
        decision.update(master == null ? FIRST_CALL : master);
        emitIfChanged(out);
        rearm(ctx);
    }

    private void emitIfChanged(Collector<DwdRecord> out) throws Exception {
        DwdRecord r = record.value();
        String d = decision.value();
        if (r == null || d == null) {
            return; // the other half has not arrived yet
        }
        DwdRecord marked = r.withMaster(FIRST_CALL.equals(d) ? null : d);
        if (!marked.equals(published.value())) {
            published.update(marked);
            out.collect(marked);
        }
    }

    /** One idle timer per case, a window after its last input. */
    private void rearm(Context ctx) throws Exception {
        Long old = idleTimer.value();
        if (old != null) {
            ctx.timerService().deleteProcessingTimeTimer(old);
        }
        long at = ctx.timerService().currentProcessingTime() + window.toMillis();
        ctx.timerService().registerProcessingTimeTimer(at);
        idleTimer.update(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DwdRecord> out) {
        record.clear();
        decision.clear();
        published.clear();
        idleTimer.clear();
    }

    /** The join key of a marked row: its case id. */
    static String caseId(TableRow row) {
        return row.value(WarehouseSchema.DWD_HOTLINE_CASE, "case_id");
    }

    /** Records the marker decides on: 12345 calls of a known caller (as {@link HotlineDuplicateMarker#marks}). */
    static boolean needsMaster(DwdRecord r) {
        return r.source() == org.gridgov.common.model.SourceType.HOTLINE
                && r.personKey() != null
                && !r.personKey().isEmpty();
    }
}

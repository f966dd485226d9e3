package org.gridgov.streaming.odsloader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.gridgov.loading.cases.HotlineDuplicates;
import org.gridgov.loading.cases.HotlineDuplicates.Seen;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 重复来电 in the stream (issue 19 part 2): keyed by caller key and category, each {@code dwd_hotline_case} row gets
 * its {@code master_case_id} from the caller's earlier open cases of that category ({@link HotlineDuplicates}); every
 * row comes out again, marked or not, so the loader's counts still reconcile (in = loaded + rejected). Masters are
 * decided in accept order over all remembered calls of the key; a call arriving after later calls of its caller
 * (raw.hotline is keyed by record id, so one caller's calls sit on several partitions) re-marks those later calls and
 * writes their rows again: the rows are a function of the set of calls, not of their arrival order, and a rerun or a
 * restore converges to the same rows (the upsert of a record id is idempotent).
 *
 * <p>State: the key's remembered records ({@link Seen}, a Java record of strings and longs, which Flink 1.19+
 * serialises as a POJO). They are not pruned by the data's own time: a replay of the key's records (offsets reset
 * with the state kept, or a restore) must find the same candidates, whatever newer record came since, to write the
 * same rows. An idle key is dropped by a processing-time timer one window after its last record: live, records arrive
 * about when they are accepted, so nothing newer can still need it. The state TTL (window + 1 day after an entry's
 * last write) bounds a key that never idles. What can go wrong: a record arriving more than that after its
 * candidates (a late export, a replay of old offsets) finds them gone and is marked as a first call (and the remembered calls
 * hold their rows, content included, for that long); a backfill of
 * months in minutes keeps every record of a caller and category until the key idles (a few per key).
 */
public class HotlineDuplicateMarker extends KeyedProcessFunction<String, TableRow, TableRow> {

    private static final long serialVersionUID = 1L;

    private final Duration window;

    private transient HotlineDuplicates duplicates;
    private transient MapState<String, Seen> seen;
    /** The latest row of each remembered call, to write it again when a late earlier call changes its master. */
    private transient MapState<String, TableRow> rows;

    private transient ValueState<Long> idleTimer;
    private transient Counter marked;

    public HotlineDuplicateMarker(Duration window) {
        this.window = window;
        new HotlineDuplicates(window); // refuses a non-positive window when the graph is built
    }

    static MapStateDescriptor<String, Seen> seenDescriptor(Duration window) {
        MapStateDescriptor<String, Seen> d =
                new MapStateDescriptor<>("hotline-seen", Types.STRING, TypeInformation.of(Seen.class));
        d.enableTimeToLive(ttl(window));
        return d;
    }

    static MapStateDescriptor<String, TableRow> rowsDescriptor(Duration window) {
        MapStateDescriptor<String, TableRow> d =
                new MapStateDescriptor<>("hotline-rows", Types.STRING, TypeInformation.of(TableRow.class));
        d.enableTimeToLive(ttl(window));
        return d;
    }

    private static StateTtlConfig ttl(Duration window) {
        return StateTtlConfig.newBuilder(window.plusDays(1))
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
    }

    @Override
    public void open(OpenContext openContext) {
        duplicates = new HotlineDuplicates(window);
        seen = getRuntimeContext().getMapState(seenDescriptor(window));
        rows = getRuntimeContext().getMapState(rowsDescriptor(window));
        idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("hotline-idle-timer", Types.LONG));
        marked = getRuntimeContext().getMetricGroup().counter("duplicateCalls");
    }

    @Override
    public void processElement(TableRow row, Context ctx, Collector<TableRow> out) throws Exception {
        Seen r = HotlineDuplicates.seen(row);
        Seen before = seen.get(r.caseId());
        rows.put(r.caseId(), row);
        seen.put(r.caseId(), before == null ? r : r.withMaster(before.master()));
        // masters in accept order over the whole remembered set: a call that arrives after later calls of its caller
        // (another partition was faster) re-marks them, so the rows depend on the set of calls, not on arrival order
        List<Seen> all = new ArrayList<>();
        seen.values().forEach(all::add);
        all.sort(HotlineDuplicates.EARLIEST);
        List<Seen> decided = new ArrayList<>();
        for (Seen s : all) {
            String master = duplicates.master(s, decided);
            Seen now = s.withMaster(master);
            decided.add(now);
            boolean changed = !Objects.equals(master, s.master());
            if (s.caseId().equals(r.caseId()) || changed) {
                if (changed) {
                    seen.put(s.caseId(), now);
                }
                if (master != null && s.caseId().equals(r.caseId())) {
                    marked.inc();
                }
                out.collect(HotlineDuplicates.mark(rows.get(s.caseId()), master));
            }
        }
        rearm(ctx);
    }

    /** One idle timer per key, a window after its last record; none once nothing is remembered. */
    private void rearm(Context ctx) throws Exception {
        Long old = idleTimer.value();
        if (old != null) {
            ctx.timerService().deleteProcessingTimeTimer(old);
        }
        if (seen.isEmpty()) {
            idleTimer.clear();
            return;
        }
        long at = ctx.timerService().currentProcessingTime() + window.toMillis();
        ctx.timerService().registerProcessingTimeTimer(at);
        idleTimer.update(at);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TableRow> out) {
        seen.clear();
        rows.clear();
        idleTimer.clear();
    }

    /** The rows this operator marks: 12345 DWD rows of a known caller; every other row bypasses it. */
    static boolean marks(TableRow row) {
        return WarehouseSchema.DWD_HOTLINE_CASE.name().equals(row.table)
                && HotlineDuplicates.key(row).isPresent();
    }

    static String key(TableRow row) {
        return HotlineDuplicates.key(row).orElseThrow();
    }
}

package org.gridgov.streaming.alerts.cases;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.alerts.AlertCounters;
import org.gridgov.streaming.alerts.AlertIds;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.PendingEvents;
import org.gridgov.streaming.alerts.RuleParams;
import org.gridgov.streaming.alerts.input.CaseSignal;
import org.gridgov.streaming.alerts.input.RejectedInput;

/**
 * Overdue cases (超期), keyed by case id, on event-time timers: {@code case_due_soon} (蓝) when the configured
 * fraction of the time limit has passed, {@code case_overdue} (黄) at the deadline, {@code case_overdue_escalated}
 * (橙, 督办) a further period later, each only if the case is still open (not closed, not paused) at that moment.
 * Closing a case (or converting it to a dispute) cancels its timers and clears its state; pausing cancels them,
 * resuming moves the deadline by the paused time.
 *
 * <p>接诉即办 (issue 19): a case-service case also has a response deadline (first contact due); {@code
 * case_response_overdue} (黄) is raised there if the case is open and has not responded (RESPONDED cancels it).
 * MERGED stops timing the case (a linked duplicate is handled by its master): its timers go and only its track waits,
 * without alerts, {@link #MERGED_RETENTION_MS} of event time for an UNMERGED, which re-arms the case with the
 * deadlines the UNMERGED event states (or the ones it had); after that the track is dropped.
 *
 * <p>Inputs: 12345 snapshots (the case as its platform exports it, reply and close times included as far as they
 * happened) are merged into the state when they arrive; lifecycle events of {@code case.events} wait for the
 * watermark and apply in event-time order. Lifecycle events later than the allowed lateness go to {@link #LATE}.
 *
 * <p>End of input is not the passage of time: when a bounded run ends, Flink fires every timer with the final
 * watermark. A timer fired that way raises its alert only if the case's own records prove time reached it (a reply
 * or close after the moment) — the rule the warehouse loader applies to {@code is_overdue}. A case still open
 * before its deadline at the end of the input is therefore not reported overdue. In a bounded run
 * ({@link RuleParams#boundedInput()}) the proof is required for every moment: how far the watermark got before
 * the end depends on the order partitions were read in, and a rerun must raise the same alerts.
 *
 * <p>Timers (issue 15): a case holds at most two, its next deadline moment ({@link CaseTrack#nextTimer}) and one
 * wake-up for its waiting lifecycle events ({@link PendingEvents}, at the earliest of them). When either fires, the
 * case walks through everything the watermark has passed in time order, as a timer per event and per moment did:
 * the events of one millisecond (by record id), then the moments up to it, then the next millisecond or moment.
 */
public class CaseDeadlineTimers extends KeyedProcessFunction<String, CaseSignal, AlertRecord> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<RejectedInput> LATE = new OutputTag<>("late-case-events") {};

    static final ValueStateDescriptor<CaseTrack> STATE =
            new ValueStateDescriptor<>("case", TypeInformation.of(CaseTrack.class));
    static final ListStateDescriptor<CaseSignal> PENDING =
            new ListStateDescriptor<>("pending-case-events", TypeInformation.of(CaseSignal.class));
    /** The case's one wake-up timer for its waiting lifecycle events ({@link PendingEvents#drain}). */
    static final ValueStateDescriptor<Long> WAKE = new ValueStateDescriptor<>("pending-case-events-wake", Types.LONG);

    /** How long (event time) a merged case's track waits for an UNMERGED before it is dropped. */
    static final long MERGED_RETENTION_MS = 30L * 24 * 3600 * 1000;

    private final RuleParams p;

    private transient ValueState<CaseTrack> state;
    private transient PendingEvents<CaseSignal> pending;
    private transient AlertCounters counters;

    public CaseDeadlineTimers(RuleParams params) {
        this.p = params;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(STATE);
        pending = new PendingEvents<>(
                getRuntimeContext().getListState(PENDING),
                getRuntimeContext().getState(WAKE),
                s -> s.time,
                Comparator.comparing((CaseSignal s) -> s.recordId == null ? "" : s.recordId));
        counters = new AlertCounters(getRuntimeContext());
    }

    @Override
    public void processElement(CaseSignal s, Context ctx, Collector<AlertRecord> out) throws Exception {
        long wm = ctx.timerService().currentWatermark();
        if (s.type == CaseSignal.Type.SNAPSHOT) {
            // a snapshot is state, not a step: its past times only move timers, which then fire at the next watermark
            CaseTrack t = track(s.caseId, s.origin);
            t.evidenceId = s.recordId;
            t.acceptTime = s.acceptTime;
            t.deadline = s.deadline;
            t.closeAt = s.closeTime;
            t.latestKnown = Math.max(t.latestKnown, s.latestKnown());
            settle(
                    t,
                    ctx.timerService(),
                    Long.MIN_VALUE,
                    Long.MIN_VALUE,
                    nextMoment(t, Long.MIN_VALUE),
                    !pending.isEmpty());
        } else if (s.time > wm) {
            CaseTrack t = state.value();
            long deadlineTimer = t == null ? EventTimes.NONE : t.nextTimer;
            // the wake-up may share the deadline timer's timestamp (one timer per key and time): never delete that
            pending.add(s, ctx.timerService(), () -> deadlineTimer);
            if (t != null) {
                t.latestKnown = Math.max(t.latestKnown, s.time);
                state.update(t);
            }
        } else if (PendingEvents.tooLate(s.time, wm, p.allowedLatenessMs())) {
            counters.late();
            ctx.output(
                    LATE,
                    RejectedInput.late(
                            s.inputId,
                            "case-event",
                            s.topic,
                            s.recordId,
                            s.time,
                            wm,
                            s.receivedTime,
                            p.allowedLatenessMs()));
        } else {
            CaseTrack t = apply(s, track(s.caseId, s.origin));
            settle(
                    t,
                    ctx.timerService(),
                    Long.MIN_VALUE,
                    Long.MIN_VALUE,
                    nextMoment(t, Long.MIN_VALUE),
                    !pending.isEmpty());
        }
    }

    /**
     * Whichever of the case's timers fires, everything up to the watermark happens now, step by step as a timer per
     * waiting event and per moment made it happen: at each step's time the events up to it apply, then the moments
     * up to it are checked; the next step is the earlier of the next waiting event and the next moment. A timer of
     * this case firing later in the same watermark finds nothing left to do.
     */
    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<AlertRecord> out) throws Exception {
        TimerService timers = ctx.timerService();
        long wm = timers.currentWatermark();
        PendingEvents<CaseSignal>.Taken taken = pending.drain(wm, timers);
        List<CaseSignal> due = taken.due;
        long restLatest = taken.restLatest();
        // live, the watermark passing a moment is the proof; in a bounded run only the case's own records are
        boolean proofRequired = p.boundedInput() || wm == Long.MAX_VALUE;
        CaseTrack t = state.value();
        int i = 0;
        long now = ts;
        long next = EventTimes.NONE;
        while (true) {
            for (; i < due.size() && due.get(i).time <= now; i++) {
                CaseSignal s = due.get(i);
                t = apply(s, t == null ? track(s.caseId, s.origin) : t);
            }
            if (t != null) {
                // the events still waiting after this step: the rest of the due ones (in time order) and the later
                long waiting = i < due.size() ? Math.max(restLatest, due.get(due.size() - 1).time) : restLatest;
                check(t, now, Math.max(t.latestKnown, waiting), proofRequired, out);
                next = nextMoment(t, now);
            }
            long following = i < due.size() ? due.get(i).time : EventTimes.NONE;
            if (next != EventTimes.NONE && (following == EventTimes.NONE || next < following)) {
                following = next;
            }
            if (following == EventTimes.NONE || following > wm || following <= now) {
                break;
            }
            now = following;
        }
        if (t == null) {
            return; // a timer of a case already forgotten
        }
        settle(t, timers, ts, now, next, !taken.rest.isEmpty());
    }

    /** Raises the alerts of the moments up to {@code now} not settled yet (each settles with it). */
    private void check(CaseTrack t, long now, long latest, boolean proofRequired, Collector<AlertRecord> out) {
        boolean timed = t.pausedAt == EventTimes.NONE && t.mergedAt == EventTimes.NONE;
        if (timed
                && t.responseDeadline != EventTimes.NONE
                && t.responseDeadline <= now
                && t.responseOverdueFor != t.responseDeadline) {
            long due = t.responseDeadline;
            t.responseOverdueFor = due;
            if (openAt(t, due) && !respondedBy(t, due) && (!proofRequired || latest > due)) {
                raise(
                        out,
                        t,
                        AlertRule.CASE_RESPONSE_OVERDUE,
                        AlertLevel.YELLOW,
                        due,
                        due,
                        "事件 " + t.caseId + " 已超过响应时限 " + EventTimes.text(due) + ", 尚未首次响应");
            }
        }
        if (timed && t.deadline != EventTimes.NONE) {
            long warn = warnAt(t);
            if (warn != EventTimes.NONE && warn <= now && t.warnedFor != t.deadline) {
                t.warnedFor = t.deadline;
                if (openAt(t, warn) && (!proofRequired || latest > warn)) {
                    raise(
                            out,
                            t,
                            AlertRule.CASE_DUE_SOON,
                            AlertLevel.BLUE,
                            warn,
                            "工单 " + t.caseId + " 已用去办理时限的 " + Math.round(p.warnFraction() * 100) + "%, 将于 "
                                    + EventTimes.text(t.deadline) + " 到期, 尚未办结");
                }
            }
            if (t.deadline <= now && t.overdueFor != t.deadline) {
                t.overdueFor = t.deadline;
                if (openAt(t, t.deadline) && (!proofRequired || latest > t.deadline)) {
                    raise(
                            out,
                            t,
                            AlertRule.CASE_OVERDUE,
                            AlertLevel.YELLOW,
                            t.deadline,
                            "工单 " + t.caseId + " 已超过办理时限 " + EventTimes.text(t.deadline) + ", 仍未办结");
                }
            }
            long escalate = t.deadline + p.escalateAfterMs();
            if (escalate <= now && t.escalatedFor != t.deadline) {
                t.escalatedFor = t.deadline;
                if (openAt(t, escalate) && (!proofRequired || latest > escalate)) {
                    raise(
                            out,
                            t,
                            AlertRule.CASE_OVERDUE_ESCALATED,
                            AlertLevel.ORANGE,
                            escalate,
                            "工单 " + t.caseId + " 超期 " + p.escalateAfterMs() / 3_600_000L + " 小时仍未办结 (时限 "
                                    + EventTimes.text(t.deadline) + "), 请督办");
                }
            }
        }
    }

    /** Applies one lifecycle step (in event-time order). */
    private CaseTrack apply(CaseSignal s, CaseTrack t) {
        t.latestKnown = Math.max(t.latestKnown, s.time);
        switch (s.type) {
            case CREATED -> {
                t.evidenceId = s.recordId;
                t.acceptTime = s.time;
                t.deadline = s.deadline;
                t.responseDeadline = s.responseDeadline;
            }
            case RESPONDED -> {
                if (t.respondedAt == EventTimes.NONE || s.time < t.respondedAt) {
                    t.respondedAt = s.time;
                }
            }
            case MERGED -> {
                if (t.mergedAt == EventTimes.NONE) {
                    t.mergedAt = s.time;
                }
            }
            case UNMERGED -> {
                t.mergedAt = EventTimes.NONE;
                // the case service states the deadlines the case is timed against again; without them, the old ones
                if (s.deadline != EventTimes.NONE) {
                    t.deadline = s.deadline;
                }
                if (s.responseDeadline != EventTimes.NONE) {
                    t.responseDeadline = s.responseDeadline;
                }
            }
            case CLOSED -> t.closeAt = s.time;
            case PAUSED -> {
                if (t.pausedAt == EventTimes.NONE) {
                    t.pausedAt = s.time;
                }
            }
            case RESUMED -> {
                if (t.pausedAt != EventTimes.NONE) {
                    long paused = Math.max(0, s.time - t.pausedAt);
                    if (t.deadline != EventTimes.NONE) {
                        t.deadline += paused;
                    }
                    if (t.acceptTime != EventTimes.NONE) {
                        t.acceptTime += paused;
                    }
                    if (t.responseDeadline != EventTimes.NONE) {
                        t.responseDeadline += paused;
                    }
                    t.pausedAt = EventTimes.NONE;
                }
            }
            default -> {
                // assigned, processed, reviewed, approved, rejected: the clock keeps running
            }
        }
        return t;
    }

    /**
     * The earliest moment of the case still to check after {@code now}, {@link EventTimes#NONE} when none: closed,
     * paused, every moment of the current deadline settled, or closing before any of them; a merged case only waits
     * for its drop. {@code now} is a step's time, or {@code Long.MIN_VALUE} outside a timer: moments behind the
     * watermark are then returned anyway and fire with the next watermark.
     */
    private long nextMoment(CaseTrack t, long now) {
        boolean closed = t.closeAt != EventTimes.NONE && t.closeAt <= now;
        if (t.mergedAt != EventTimes.NONE) {
            // not timed: the only moment left is when the track stops waiting for an UNMERGED
            long drop = t.mergedAt + MERGED_RETENTION_MS;
            return t.closeAt != EventTimes.NONE || drop <= now ? EventTimes.NONE : drop;
        }
        if (t.pausedAt != EventTimes.NONE || closed) {
            return EventTimes.NONE;
        }
        long response = responseNeeded(t);
        if (t.deadline == EventTimes.NONE) {
            return response;
        }
        return earliest(
                needed(t, warnAt(t), t.warnedFor),
                needed(t, t.deadline, t.overdueFor),
                needed(t, t.deadline + p.escalateAfterMs(), t.escalatedFor),
                response);
    }

    /**
     * Keeps the case's deadline timer at {@code next} (registers it, deletes the one it no longer needs) and stores
     * the track, or clears it when nothing is left to wait for (a case closed on time never holds state or timers).
     * {@code firedAt}: the firing timer's time, or {@code Long.MIN_VALUE} outside a timer (a registered timer after
     * it is still pending); {@code now}: the last step's time ({@code Long.MIN_VALUE} outside a timer);
     * {@code eventsWait}: lifecycle events of the case wait for the watermark, and need the track.
     */
    private void settle(CaseTrack t, TimerService timers, long firedAt, long now, long next, boolean eventsWait)
            throws Exception {
        long old = t.nextTimer;
        boolean oldPending = old != EventTimes.NONE && old > firedAt;
        if (oldPending && old != next && old != pending.wakeAt()) {
            // Flink keeps one timer per key and timestamp: the wake-up of the waiting events may share it
            timers.deleteEventTimeTimer(old);
        }
        if (next != EventTimes.NONE && !(oldPending && old == next)) {
            timers.registerEventTimeTimer(next);
        }
        t.nextTimer = next;
        if (next == EventTimes.NONE
                && !eventsWait
                && (t.pausedAt == EventTimes.NONE
                        || t.closeAt != EventTimes.NONE && t.closeAt <= now
                        || t.mergedAt != EventTimes.NONE)) {
            state.clear();
            return;
        }
        // a paused case keeps its state (no timer) until it is resumed or closed
        state.update(t);
    }

    private static long earliest(long... moments) {
        long e = EventTimes.NONE;
        for (long m : moments) {
            if (m != EventTimes.NONE && (e == EventTimes.NONE || m < e)) {
                e = m;
            }
        }
        return e;
    }

    /** The moment if it still has to be checked: not settled for this deadline, case not closed by then. */
    private static long needed(CaseTrack t, long moment, long settledFor) {
        boolean wanted = moment != EventTimes.NONE
                && settledFor != t.deadline
                && (t.closeAt == EventTimes.NONE || t.closeAt > moment);
        return wanted ? moment : EventTimes.NONE;
    }

    /** The response deadline if it still has to be checked: not settled, not responded or closed by then. */
    private static long responseNeeded(CaseTrack t) {
        long due = t.responseDeadline;
        boolean wanted = due != EventTimes.NONE
                && t.responseOverdueFor != due
                && !respondedBy(t, due)
                && (t.closeAt == EventTimes.NONE || t.closeAt > due);
        return wanted ? due : EventTimes.NONE;
    }

    private static boolean respondedBy(CaseTrack t, long moment) {
        return t.respondedAt != EventTimes.NONE && t.respondedAt <= moment;
    }

    private static boolean openAt(CaseTrack t, long moment) {
        return t.closeAt == EventTimes.NONE || t.closeAt > moment;
    }

    private long warnAt(CaseTrack t) {
        if (t.acceptTime == EventTimes.NONE || t.deadline <= t.acceptTime) {
            return EventTimes.NONE;
        }
        return t.acceptTime + (long) (p.warnFraction() * (t.deadline - t.acceptTime));
    }

    private CaseTrack track(String caseId, String origin) throws Exception {
        CaseTrack t = state.value();
        if (t == null) {
            t = new CaseTrack();
            t.caseId = caseId;
            t.origin = origin;
            t.evidenceId = caseId;
        }
        return t;
    }

    private void raise(
            Collector<AlertRecord> out, CaseTrack t, AlertRule rule, AlertLevel level, long at, String message) {
        raise(out, t, rule, level, at, t.deadline, message);
    }

    /** The alert id names the deadline it is about, so a re-raise after a restart is the same alert. */
    private void raise(
            Collector<AlertRecord> out,
            CaseTrack t,
            AlertRule rule,
            AlertLevel level,
            long at,
            long deadline,
            String message) {
        String[] evidence = t.evidenceId == null || t.evidenceId.equals(t.caseId)
                ? new String[] {t.caseId}
                : new String[] {t.caseId, t.evidenceId};
        AlertRecord a = new AlertRecord(
                AlertIds.of(rule, t.caseId, Long.toString(deadline)),
                rule,
                level,
                t.caseId,
                evidence,
                message,
                at,
                at,
                1);
        out.collect(a);
        counters.emitted(a);
    }
}

package org.gridgov.streaming.alerts.person;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.gridgov.streaming.alerts.input.PersonEvent;
import org.gridgov.streaming.alerts.input.RejectedInput;

/**
 * Group petitions (集访), keyed by the company the petitions name: when the petitions of the last window (6 hours)
 * about one company come from at least M distinct persons, every petition of that window is evidence of one
 * {@code group_petition} alert (橙; 红 from 2M persons). Petitions of later windows that still reach M and overlap
 * the episode extend it (same alert id, next version).
 *
 * <p>A keyed function rather than Flink CEP: the condition is a count of <em>distinct</em> persons over a sliding
 * time span, which CEP expresses only with iterative conditions and reports as one match per combination of
 * petitions (a 7-person group gives many overlapping matches of 5); here one episode collects all of them, and the
 * evidence equals the definition "all petitions in any 6-hour window with ≥ 5 persons" exactly: a qualifying window
 * lies inside the window that ends at its last petition, which is checked when that petition arrives.
 *
 * <p>Events are applied in event-time order (see {@link PendingEvents}); state is cleared a window after the last
 * petition (rounded up to the minute; one cleanup timer per company, moved lazily: {@link CleanupTimer}).
 */
public class GroupPetitionRule extends KeyedProcessFunction<String, PersonEvent, AlertRecord> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<RejectedInput> LATE = new OutputTag<>("late-company-petitions") {};

    static final ValueStateDescriptor<GroupState> STATE =
            new ValueStateDescriptor<>("company", TypeInformation.of(GroupState.class));
    static final ListStateDescriptor<PersonEvent> PENDING =
            new ListStateDescriptor<>("pending-company-petitions", TypeInformation.of(PersonEvent.class));
    /** The key's one wake-up timer for its waiting events ({@link PendingEvents#drain}). */
    static final ValueStateDescriptor<Long> WAKE =
            new ValueStateDescriptor<>("pending-company-petitions-wake", Types.LONG);

    private final RuleParams p;

    private transient ValueState<GroupState> state;
    private transient PendingEvents<PersonEvent> pending;
    private transient AlertCounters counters;

    public GroupPetitionRule(RuleParams params) {
        this.p = params;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(STATE);
        pending = new PendingEvents<>(
                getRuntimeContext().getListState(PENDING),
                getRuntimeContext().getState(WAKE),
                e -> e.time,
                Comparator.comparing((PersonEvent e) -> e.recordId));
        counters = new AlertCounters(getRuntimeContext());
    }

    @Override
    public void processElement(PersonEvent e, Context ctx, Collector<AlertRecord> out) throws Exception {
        long wm = ctx.timerService().currentWatermark();
        if (e.time > wm) {
            pending.add(e, ctx.timerService(), this::cleanupTimer);
        } else if (PendingEvents.tooLate(e.time, wm, p.allowedLatenessMs())) {
            counters.late();
            ctx.output(
                    LATE,
                    RejectedInput.late(
                            e.inputId,
                            "company-petition",
                            e.topic,
                            e.recordId,
                            e.time,
                            wm,
                            e.receivedTime,
                            p.allowedLatenessMs()));
        } else {
            apply(List.of(e), ctx.getCurrentKey(), ctx.timerService(), out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertRecord> out) throws Exception {
        PendingEvents<PersonEvent>.Taken taken =
                pending.drain(ctx.timerService().currentWatermark(), ctx.timerService());
        GroupState s =
                taken.due.isEmpty() ? state.value() : apply(taken.due, ctx.getCurrentKey(), ctx.timerService(), out);
        // the company's cleanup timer, moved lazily (CleanupTimer)
        CleanupTimer.afterTimer(timestamp, s, !taken.rest.isEmpty(), state, ctx.timerService());
    }

    /** The key's registered cleanup timer (NONE when none), which a moved wake-up timer must not delete. */
    private long cleanupTimer() throws Exception {
        GroupState s = state.value();
        return s == null ? EventTimes.NONE : s.cleanupTimer;
    }

    private GroupState apply(List<PersonEvent> events, String company, TimerService timers, Collector<AlertRecord> out)
            throws Exception {
        GroupState s = state.value();
        if (s == null) {
            s = new GroupState();
        }
        for (PersonEvent e : events) {
            long from = e.time - p.groupWindowMs();
            s.petitions = Evidences.keep(s.petitions, x -> x.time >= from);
            if (s.episode != null && s.episode.last < from) {
                s.episode = null;
                s.episodePersons = new String[0];
            }
            if (Evidences.contains(s.petitions, e.recordId)) {
                continue;
            }
            s.petitions = Evidences.append(s.petitions, new Evidence(e.recordId, e.time, e.personKey));
            List<Evidence> window = Evidences.window(s.petitions, from, e.time, x -> true);
            Set<String> persons = new LinkedHashSet<>();
            window.forEach(x -> persons.add(x.group));
            if (persons.size() < p.groupPersons()) {
                continue;
            }
            Episode ep = s.episode;
            if (ep == null) {
                ep = new Episode(AlertIds.of(AlertRule.GROUP_PETITION, company, window.get(0).id), null, e.time);
                s.episode = ep;
            }
            boolean added = ep.addAll(window);
            Set<String> all = new LinkedHashSet<>(Arrays.asList(s.episodePersons));
            all.addAll(persons);
            s.episodePersons = all.toArray(new String[0]);
            AlertLevel level = all.size() >= 2 * p.groupPersons() ? AlertLevel.RED : AlertLevel.ORANGE;
            if (added || level != ep.level) {
                ep.level = level;
                ep.version++;
                AlertRecord a = new AlertRecord(
                        ep.alertId,
                        AlertRule.GROUP_PETITION,
                        level,
                        subjectKey(company),
                        ep.evidence.clone(),
                        "集体访: " + all.size() + " 人 " + ep.evidence.length + " 件信访反映 " + company + ", "
                                + EventTimes.text(ep.first) + " 至 " + EventTimes.text(ep.last),
                        ep.raisedAt,
                        ep.last,
                        ep.version);
                out.collect(a);
                counters.emitted(a);
            }
        }
        long cleanup = Evidences.maxTime(s.petitions, p.groupWindowMs(), EventTimes.NONE);
        if (s.episode != null) {
            cleanup = Math.max(cleanup, s.episode.last + p.groupWindowMs());
        }
        s.cleanupAt = CleanupTimer.roundUp(cleanup + 1);
        s.cleanupTimer = CleanupTimer.ensure(s.cleanupAt, s.cleanupTimer, timers);
        state.update(s);
        return s;
    }

    /** The company name, shortened with a hash suffix when it exceeds the 64 characters of a subject key. */
    static String subjectKey(String company) {
        return company.length() <= 64 ? company : company.substring(0, 55) + "#" + AlertIds.shortHash(company);
    }
}

package org.gridgov.streaming.alerts.person;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
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
 * The key-person rules, keyed by salted person key, with the key-person registry as broadcast input:
 * <ul>
 *   <li>{@code repeat_petition}: at least N petitions within the window (黄, 橙 from N+2). The person becomes a
 *       (detected) key person until {@code keyPersonTtl} after the petition.</li>
 *   <li>{@code repeat_call}: at least N 12345 calls about distinct problems on one category within the window (蓝,
 *       黄 from N+2); a repeat call of an open problem (the loader's {@code master_case_id}) does not count again and
 *       is no evidence of its own.</li>
 *   <li>{@code cross_source}: a key person (detected, or listed in the registry) in a police incident (橙, or the
 *       level the registry gives). Incidents up to the lookback before the episode that made the person key are
 *       raised when the person becomes key, or when the registry lists them.</li>
 *   <li>{@code key_person_petition}: a registry-listed person petitioning, before repeat petitions make them a
 *       detected key person (橙, or the registry's level).</li>
 *   <li>{@code escalation}: when alerts of two or more of these rules stand for one person within the petition
 *       window, one alert a level above the highest of them (红 at most) per combination.</li>
 * </ul>
 *
 * <p>Events wait in {@link PendingEvents} until the watermark passes them, so rules see each person's events in
 * event-time order although the person's petitions sit in different Kafka partitions: that order, and ids built
 * from the first evidence, make every alert id and version the same on a replay. Events behind the watermark but
 * within the allowed lateness are applied at once; later ones go to {@link #LATE}.
 *
 * <p>State per person is cleared by a timer once every record, episode and key-person status in it has expired
 * (one cleanup timer per person, moved lazily: {@link CleanupTimer}); what can leak is only a registry entry
 * (broadcast state), which lives until the registry removes it.
 */
public class KeyPersonRules extends KeyedBroadcastProcessFunction<String, PersonEvent, KeyPersonUpdate, AlertRecord> {

    private static final long serialVersionUID = 1L;

    public static final MapStateDescriptor<String, KeyPersonUpdate> REGISTRY =
            new MapStateDescriptor<>("key-person-registry", Types.STRING, TypeInformation.of(KeyPersonUpdate.class));
    public static final OutputTag<RejectedInput> LATE = new OutputTag<>("late-person-events") {};
    public static final OutputTag<RejectedInput> REGISTRY_REJECTS = new OutputTag<>("rejected-registry-records") {};

    static final ValueStateDescriptor<PersonState> STATE =
            new ValueStateDescriptor<>("person", TypeInformation.of(PersonState.class));
    static final ListStateDescriptor<PersonEvent> PENDING =
            new ListStateDescriptor<>("pending-person-events", TypeInformation.of(PersonEvent.class));
    /** The key's one wake-up timer for its waiting events ({@link PendingEvents#drain}). */
    static final ValueStateDescriptor<Long> WAKE = new ValueStateDescriptor<>("pending-person-events-wake", Types.LONG);

    private final RuleParams p;

    private transient ValueState<PersonState> state;
    private transient PendingEvents<PersonEvent> pending;
    private transient AlertCounters counters;

    public KeyPersonRules(RuleParams params) {
        this.p = params;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(STATE);
        pending = new PendingEvents<>(
                getRuntimeContext().getListState(PENDING),
                getRuntimeContext().getState(WAKE),
                e -> e.time,
                Comparator.comparing((PersonEvent e) -> e.recordId).thenComparing(e -> e.kind));
        counters = new AlertCounters(getRuntimeContext());
    }

    @Override
    public void processElement(PersonEvent e, ReadOnlyContext ctx, Collector<AlertRecord> out) throws Exception {
        long wm = ctx.timerService().currentWatermark();
        if (e.time > wm) {
            pending.add(e, ctx.timerService(), this::cleanupTimer);
        } else if (PendingEvents.tooLate(e.time, wm, p.allowedLatenessMs())) {
            counters.late();
            ctx.output(
                    LATE,
                    RejectedInput.late(
                            e.inputId,
                            e.kind.name().toLowerCase(),
                            e.topic,
                            e.recordId,
                            e.time,
                            wm,
                            e.receivedTime,
                            p.allowedLatenessMs()));
        } else {
            apply(List.of(e), ctx.getCurrentKey(), ctx.getBroadcastState(REGISTRY), ctx.timerService(), out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertRecord> out) throws Exception {
        PendingEvents<PersonEvent>.Taken taken =
                pending.drain(ctx.timerService().currentWatermark(), ctx.timerService());
        PersonState s = taken.due.isEmpty()
                ? state.value()
                : apply(taken.due, ctx.getCurrentKey(), ctx.getBroadcastState(REGISTRY), ctx.timerService(), out);
        // the cleanup timer: it was left where it was while later events moved the cleanup time (CleanupTimer)
        CleanupTimer.afterTimer(timestamp, s, !taken.rest.isEmpty(), state, ctx.timerService());
    }

    @Override
    public void processBroadcastElement(KeyPersonUpdate u, Context ctx, Collector<AlertRecord> out) throws Exception {
        if (u.invalidReason != null) {
            RejectedInput r = new RejectedInput();
            r.inputId = u.inputId;
            r.kind = RejectedInput.INVALID;
            r.topic = u.inputId == null ? "registry" : u.inputId.substring(0, Math.max(0, u.inputId.indexOf(':')));
            r.recordKey = u.personKey;
            r.reason = u.invalidReason;
            r.receivedTime = u.receivedTime;
            ctx.output(REGISTRY_REJECTS, r);
            return;
        }
        BroadcastState<String, KeyPersonUpdate> registry = ctx.getBroadcastState(REGISTRY);
        if (!u.isAdd()) {
            registry.remove(u.personKey);
            return;
        }
        boolean listedBefore = registry.contains(u.personKey);
        registry.put(u.personKey, u);
        if (listedBefore) {
            return;
        }
        // newly listed: police incidents already in the person's state are hits too. The registry changes
        // rarely, which is what makes a walk over all keys of this subtask affordable.
        long wm = ctx.currentWatermark();
        long from = wm == Long.MIN_VALUE ? Long.MIN_VALUE : wm - p.crossSourceLookbackMs();
        ctx.applyToKeyedState(STATE, (key, st) -> {
            if (!key.equals(u.personKey)) {
                return;
            }
            PersonState s = st.value();
            if (s == null) {
                return;
            }
            for (Evidence inc : s.incidents) {
                if (!inc.alerted && inc.time >= from) {
                    // stamped with the incident's time, as if the listing had been there when it was processed
                    crossSource(s, key, inc, AlertRule.CROSS_SOURCE, u, inc.time, out);
                }
            }
            st.update(s);
        });
    }

    /** Applies events in order and stores the state, which it returns. */
    /** The key's registered cleanup timer (NONE when none), which a moved wake-up timer must not delete. */
    private long cleanupTimer() throws Exception {
        PersonState s = state.value();
        return s == null ? EventTimes.NONE : s.cleanupTimer;
    }

    private PersonState apply(
            List<PersonEvent> events,
            String key,
            ReadOnlyBroadcastState<String, KeyPersonUpdate> registry,
            TimerService timers,
            Collector<AlertRecord> out)
            throws Exception {
        PersonState s = state.value();
        if (s == null) {
            s = new PersonState();
        }
        for (PersonEvent e : events) {
            prune(s, e.time);
            KeyPersonUpdate listed = registry.get(key);
            switch (e.kind) {
                case PETITION -> petition(s, key, e, listed, out);
                case CALL -> call(s, key, e, out);
                case POLICE -> police(s, key, e, listed, out);
                default -> throw new IllegalStateException("unknown person event " + e.kind);
            }
        }
        s.cleanupAt = CleanupTimer.roundUp(cleanupTime(s));
        s.cleanupTimer = CleanupTimer.ensure(s.cleanupAt, s.cleanupTimer, timers);
        state.update(s);
        return s;
    }

    // ---- repeat petitions ------------------------------------------------------------------------------------

    private void petition(
            PersonState s, String key, PersonEvent e, KeyPersonUpdate listed, Collector<AlertRecord> out) {
        if (Evidences.contains(s.petitions, e.recordId)) {
            return; // the same petition delivered again
        }
        Evidence petition = new Evidence(e.recordId, e.time, e.categoryCode);
        s.petitions = Evidences.append(s.petitions, petition);
        List<Evidence> window = Evidences.window(s.petitions, e.time - p.petitionWindowMs(), e.time, x -> true);
        if (window.size() >= p.petitionCount()) {
            Episode ep = s.petitionEpisode;
            if (ep == null || ep.last < e.time - p.petitionWindowMs()) {
                ep = new Episode(AlertIds.of(AlertRule.REPEAT_PETITION, key, window.get(0).id), null, e.time);
                s.petitionEpisode = ep;
            }
            boolean added = ep.addAll(window);
            AlertLevel level = ep.evidence.length >= p.petitionCount() + 2 ? AlertLevel.ORANGE : AlertLevel.YELLOW;
            if (added || level != ep.level) {
                ep.level = level;
                ep.version++;
                AlertRecord a = new AlertRecord(
                        ep.alertId,
                        AlertRule.REPEAT_PETITION,
                        level,
                        key,
                        ep.evidence.clone(),
                        "重复信访: " + ep.evidence.length + " 次信访, " + EventTimes.text(ep.first) + " 至 "
                                + EventTimes.text(ep.last) + " (" + p.petitionCount() + " 次/"
                                + p.petitionWindowMs() / RuleDays.DAY + " 天即预警), 列为重点人员",
                        ep.raisedAt,
                        ep.last,
                        ep.version);
                emit(out, a);
                fired(s, key, a, e.time, out);
            }
            if (!s.isKeyPerson(e.time)) {
                s.keySince = e.time;
            }
            s.keyUntil = Math.max(s.keyUntil, e.time + p.keyPersonTtlMs());
            // police incidents shortly before the petitions that made the person key are hits now
            for (Evidence inc : s.incidents) {
                if (!inc.alerted && inc.time >= ep.first - p.crossSourceLookbackMs()) {
                    crossSource(s, key, inc, AlertRule.CROSS_SOURCE, listed, e.time, out);
                }
            }
        }
        if (listed != null && !s.isKeyPerson(e.time)) {
            // a registry-listed person petitioning is a hit in itself
            crossSource(s, key, petition, AlertRule.KEY_PERSON_PETITION, listed, e.time, out);
        }
    }

    // ---- repeat calls ------------------------------------------------------------------------------------------

    private void call(PersonState s, String key, PersonEvent e, Collector<AlertRecord> out) {
        if (Evidences.contains(s.calls, e.recordId)) {
            return;
        }
        String category = e.categoryCode;
        Evidence call = new Evidence(e.recordId, e.time, category);
        // the loader's 重复来电 marking: a repeat call of an open problem stands for that problem
        call.problem = e.problemId == null || e.problemId.equals(e.recordId) ? null : e.problemId;
        s.calls = Evidences.append(s.calls, call);
        // problems, not calls: the first call of each problem in the window counts, repeat calls of it do not
        List<Evidence> window = Evidences.firstPerProblem(
                Evidences.window(s.calls, e.time - p.callWindowMs(), e.time, x -> x.group.equals(category)));
        if (window.size() < p.callCount()) {
            return;
        }
        Episode ep = null;
        int at = -1;
        for (int i = 0; i < s.callEpisodes.length; i++) {
            if (s.callEpisodes[i].group.equals(category)) {
                ep = s.callEpisodes[i];
                at = i;
            }
        }
        if (ep == null || ep.last < e.time - p.callWindowMs()) {
            ep = new Episode(AlertIds.of(AlertRule.REPEAT_CALL, key, category, window.get(0).id), category, e.time);
            if (at >= 0) {
                s.callEpisodes[at] = ep;
            } else {
                s.callEpisodes = Arrays.copyOf(s.callEpisodes, s.callEpisodes.length + 1);
                s.callEpisodes[s.callEpisodes.length - 1] = ep;
            }
        }
        boolean added = ep.addAll(window);
        AlertLevel level = ep.evidence.length >= p.callCount() + 2 ? AlertLevel.YELLOW : AlertLevel.BLUE;
        if (added || level != ep.level) {
            ep.level = level;
            ep.version++;
            AlertRecord a = new AlertRecord(
                    ep.alertId,
                    AlertRule.REPEAT_CALL,
                    level,
                    key,
                    ep.evidence.clone(),
                    "12345重复来电: 同一诉求 (分类 " + category + ") " + ep.evidence.length + " 次, " + EventTimes.text(ep.first)
                            + " 至 " + EventTimes.text(ep.last),
                    ep.raisedAt,
                    ep.last,
                    ep.version);
            emit(out, a);
            fired(s, key, a, e.time, out);
        }
    }

    // ---- cross-source ------------------------------------------------------------------------------------------

    private void police(PersonState s, String key, PersonEvent e, KeyPersonUpdate listed, Collector<AlertRecord> out) {
        if (Evidences.contains(s.incidents, e.recordId)) {
            return;
        }
        Evidence inc = new Evidence(e.recordId, e.time, null);
        s.incidents = Evidences.append(s.incidents, inc);
        if (s.isKeyPerson(e.time) || listed != null) {
            crossSource(s, key, inc, AlertRule.CROSS_SOURCE, listed, e.time, out);
        }
    }

    private void crossSource(
            PersonState s,
            String key,
            Evidence record,
            AlertRule rule,
            KeyPersonUpdate listed,
            long now,
            Collector<AlertRecord> out) {
        String where = rule == AlertRule.CROSS_SOURCE ? "警情" : "信访";
        record.alerted = true;
        boolean detected = s.isKeyPerson(now);
        AlertLevel level = AlertLevel.ORANGE;
        if (listed != null && listed.level != null) {
            level = AlertRule.max(level, listed.level);
        }
        String[] evidence = new String[] {record.id};
        if (detected && s.petitionEpisode != null) {
            evidence = Evidences.union(evidence, s.petitionEpisode.evidence);
        }
        String why = detected
                ? "重复信访 " + (s.petitionEpisode == null ? "" : s.petitionEpisode.evidence.length + " 次")
                : "重点人员名单" + (listed != null && listed.reason != null ? " (" + listed.reason + ")" : "");
        AlertRecord a = new AlertRecord(
                AlertIds.of(rule, key, record.id),
                rule,
                level,
                key,
                evidence,
                "重点人员 (" + why + ") 出现在" + where + " " + record.id + " (" + EventTimes.text(record.time) + ")",
                now,
                Math.max(now, record.time),
                1);
        emit(out, a);
        fired(s, key, a, now, out);
    }

    // ---- escalation --------------------------------------------------------------------------------------------

    private void fired(PersonState s, String key, AlertRecord a, long now, Collector<AlertRecord> out) {
        boolean known = false;
        for (Fired f : s.fired) {
            if (f.alertId.equals(a.alertId)) {
                f.level = a.level;
                f.evidence = a.evidenceIds;
                known = true;
            }
        }
        if (!known) {
            s.fired = Arrays.copyOf(s.fired, s.fired.length + 1);
            s.fired[s.fired.length - 1] = new Fired(a.rule, a.alertId, a.level, now, a.evidenceIds);
        }
        // the earliest standing alert of each rule
        Map<AlertRule, Fired> byRule = new EnumMap<>(AlertRule.class);
        for (Fired f : s.fired) {
            Fired seen = byRule.get(f.rule);
            if (seen == null || f.time < seen.time) {
                byRule.put(f.rule, f);
            }
        }
        if (byRule.size() < 2) {
            return;
        }
        List<String> ids = new ArrayList<>();
        AlertLevel highest = AlertLevel.BLUE;
        String[] evidence = new String[0];
        StringBuilder combo = new StringBuilder();
        for (Fired f : byRule.values()) {
            ids.add(f.alertId);
            highest = AlertRule.max(highest, f.level);
            evidence = Evidences.union(evidence, f.evidence);
            combo.append(combo.length() == 0 ? "" : " + ")
                    .append(f.rule.label())
                    .append('(')
                    .append(f.level.label())
                    .append(')');
        }
        ids.sort(null);
        String id = AlertIds.of(AlertRule.ESCALATION, key, String.join(",", ids));
        for (String done : s.escalations) {
            if (done.equals(id)) {
                return;
            }
        }
        s.escalations = Arrays.copyOf(s.escalations, s.escalations.length + 1);
        s.escalations[s.escalations.length - 1] = id;
        AlertLevel level = AlertRule.raise(highest);
        emit(
                out,
                new AlertRecord(
                        id,
                        AlertRule.ESCALATION,
                        level,
                        key,
                        evidence,
                        "多重预警升级: " + combo + " → " + level.label() + "; 关联预警 " + String.join(", ", ids),
                        now,
                        now,
                        1));
    }

    // ---- state expiry ------------------------------------------------------------------------------------------

    private void prune(PersonState s, long now) {
        s.petitions = Evidences.keep(s.petitions, x -> x.time >= now - p.petitionWindowMs());
        s.calls = Evidences.keep(s.calls, x -> x.time >= now - p.callWindowMs());
        s.incidents =
                Evidences.keep(s.incidents, x -> x.time >= now - p.petitionWindowMs() - p.crossSourceLookbackMs());
        if (s.petitionEpisode != null && s.petitionEpisode.last < now - p.petitionWindowMs()) {
            s.petitionEpisode = null;
        }
        int live = 0;
        for (Episode ep : s.callEpisodes) {
            if (ep.last >= now - p.callWindowMs()) {
                live++;
            }
        }
        if (live < s.callEpisodes.length) {
            s.callEpisodes = Arrays.stream(s.callEpisodes)
                    .filter(ep -> ep.last >= now - p.callWindowMs())
                    .toArray(Episode[]::new);
        }
        if (s.keyUntil != EventTimes.NONE && s.keyUntil < now) {
            s.keySince = EventTimes.NONE;
            s.keyUntil = EventTimes.NONE;
        }
        long firedFrom = now - p.petitionWindowMs();
        int standing = 0;
        for (Fired f : s.fired) {
            if (f.time >= firedFrom) {
                standing++;
            }
        }
        if (standing < s.fired.length) {
            s.fired = Arrays.stream(s.fired).filter(f -> f.time >= firedFrom).toArray(Fired[]::new);
        }
        if (s.fired.length == 0) {
            s.escalations = new String[0];
        }
    }

    /** When everything in the state has expired. */
    private long cleanupTime(PersonState s) {
        long t = EventTimes.NONE;
        t = Evidences.maxTime(s.petitions, p.petitionWindowMs(), t);
        t = Evidences.maxTime(s.calls, p.callWindowMs(), t);
        t = Evidences.maxTime(s.incidents, p.petitionWindowMs() + p.crossSourceLookbackMs(), t);
        if (s.petitionEpisode != null) {
            t = Math.max(t, s.petitionEpisode.last + p.petitionWindowMs());
        }
        for (Episode ep : s.callEpisodes) {
            t = Math.max(t, ep.last + p.callWindowMs());
        }
        t = Math.max(t, s.keyUntil);
        for (Fired f : s.fired) {
            t = Math.max(t, f.time + p.petitionWindowMs());
        }
        return t + 1;
    }

    private void emit(Collector<AlertRecord> out, AlertRecord a) {
        out.collect(a);
        counters.emitted(a);
    }

    /** Milliseconds per day, for messages. */
    static final class RuleDays {
        static final long DAY = 86_400_000L;

        private RuleDays() {}
    }
}

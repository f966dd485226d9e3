package org.gridgov.streaming.alerts.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.RuleParams;
import org.gridgov.streaming.alerts.input.CaseSignal;
import org.junit.jupiter.api.Test;

/**
 * The overdue-case rule's waiting lifecycle events (issue 15): one wake-up timer per case for all of them, beside the
 * case's one deadline timer, so a case never holds more than two timers however many of its events wait; and steps
 * and deadline moments still apply in time order (events by time then record id, a moment before the events after
 * it), whatever order the events arrived in and however far one watermark jumps.
 */
class CaseWaitingEventsTimerTest {

    static final String[] CASES = {"CS-1", "CS-2", "CS-3"};
    /** A case holds at most its wake-up timer and its deadline timer. */
    static final int TIMERS_PER_CASE = 2;
    /** Past every moment of the generated cases (the merged retention included): all of them are passed live. */
    static final long AFTER_ALL = CaseDeadlineTimersTest.at(400);

    private static final CaseSignal.Type[] STEPS = {
        CaseSignal.Type.RESPONDED,
        CaseSignal.Type.PAUSED,
        CaseSignal.Type.RESUMED,
        CaseSignal.Type.MERGED,
        CaseSignal.Type.UNMERGED,
        CaseSignal.Type.OTHER
    };

    private static KeyedOneInputStreamOperatorTestHarness<String, CaseSignal, AlertRecord> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CaseDeadlineTimers(RuleParams.defaults()), s -> s.caseId, Types.STRING);
    }

    /**
     * Seeded lifecycles of three cases on a half-day grid, so steps share a millisecond (their order is then the record
     * id's, which is not the generation order): each case is created, then paused, resumed, merged, unmerged (some
     * with new deadlines) and answered at random in the four days before its earliest deadline, and closed at some
     * point after them, so nothing has to stay at the end. Steps come before the first deadline moment could settle
     * the case: a case whose moments are all settled is forgotten unless events of it wait, so a step after that
     * would find a fresh track in one arrival order and the old one in another.
     */
    static List<CaseSignal> events(long seed, int stepsPerCase) {
        Random r = new Random(seed);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, r);
        int nextId = 0;
        List<CaseSignal> events = new ArrayList<>();
        for (String c : CASES) {
            double created = r.nextInt(4) / 2.0;
            events.add(step(
                    c,
                    CaseSignal.Type.CREATED,
                    ids.get(nextId++),
                    created,
                    created + 4 + r.nextInt(8),
                    r.nextBoolean() ? created + 1 : -1));
            for (int k = 0; k < stepsPerCase; k++) {
                CaseSignal.Type type = STEPS[r.nextInt(STEPS.length)];
                double day = created + r.nextInt(8) / 2.0;
                boolean restates = type == CaseSignal.Type.UNMERGED && r.nextBoolean();
                events.add(step(
                        c,
                        type,
                        ids.get(nextId++),
                        day,
                        restates ? day + 2 + r.nextInt(6) : -1,
                        restates ? day + 0.5 : -1));
            }
            events.add(step(c, CaseSignal.Type.CLOSED, ids.get(nextId++), created + 4 + r.nextInt(30) / 2.0, -1, -1));
        }
        return events;
    }

    private static CaseSignal step(
            String caseId, CaseSignal.Type type, int id, double day, double deadlineDay, double responseDay) {
        CaseSignal s = CaseDeadlineTimersTest.jsjb(type, String.format("E%03d", id), day, deadlineDay, responseDay);
        s.caseId = caseId;
        s.inputId = "case.events:0:" + s.recordId;
        return s;
    }

    /** Alerts per case, in the order they were raised. */
    private static Map<String, List<AlertRecord>> byCase(List<AlertRecord> alerts) {
        Map<String, List<AlertRecord>> m = new LinkedHashMap<>();
        for (AlertRecord a : alerts) {
            m.computeIfAbsent(a.subjectKey, k -> new ArrayList<>()).add(a);
        }
        return m;
    }

    /** The reference: the events of each millisecond in record-id order, then the watermark to that millisecond. */
    private static Map<String, List<AlertRecord>> inOrder(List<CaseSignal> events) throws Exception {
        var h = harness();
        List<CaseSignal> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong((CaseSignal s) -> s.time).thenComparing(s -> s.recordId));
        for (int i = 0; i < sorted.size(); i++) {
            CaseSignal s = sorted.get(i);
            h.processElement(s, s.time);
            if (i + 1 == sorted.size() || sorted.get(i + 1).time != s.time) {
                h.processWatermark(s.time);
            }
        }
        h.processWatermark(AFTER_ALL);
        h.processWatermark(Long.MAX_VALUE);
        return byCase(h.extractOutputValues());
    }

    @Test
    void shuffledArrivalAndJumpingWatermarksRaiseWhatTimeOrderRaisesWithAtMostTwoTimersPerCase() throws Exception {
        Set<AlertRule> raised = EnumSet.noneOf(AlertRule.class);
        for (long seed = 1; seed <= 40; seed++) {
            List<CaseSignal> events = events(seed, 8);
            Map<String, List<AlertRecord>> expected = inOrder(events);
            expected.values().forEach(l -> l.forEach(a -> raised.add(a.rule)));

            List<CaseSignal> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed * 31));
            var h = harness();
            Random r = new Random(seed * 17);
            long wm = Long.MIN_VALUE;
            for (int i = 0; i < shuffled.size(); i++) {
                CaseSignal s = shuffled.get(i);
                h.processElement(s, s.time);
                assertThat(h.numEventTimeTimers())
                        .as("timers after an event, seed %d", seed)
                        .isLessThanOrEqualTo(TIMERS_PER_CASE * CASES.length);
                if (r.nextInt(6) == 0) {
                    // the watermark jumps up to the earliest event still to come (nothing is late)
                    long next = shuffled.subList(i + 1, shuffled.size()).stream()
                            .mapToLong(x -> x.time)
                            .min()
                            .orElse(AFTER_ALL + 1);
                    wm = Math.max(wm, next - 1);
                    h.processWatermark(wm);
                    assertThat(h.numEventTimeTimers())
                            .as("timers after a watermark, seed %d", seed)
                            .isLessThanOrEqualTo(TIMERS_PER_CASE * CASES.length);
                }
            }
            h.processWatermark(AFTER_ALL);
            h.processWatermark(Long.MAX_VALUE);
            assertThat(byCase(h.extractOutputValues())).as("seed %d", seed).isEqualTo(expected);
            assertThat(h.numEventTimeTimers())
                    .as("timers at the end, seed %d", seed)
                    .isZero();
            assertThat(h.numKeyedStateEntries())
                    .as("keyed state at the end, seed %d", seed)
                    .isZero();
        }
        // the seeds reach every deadline the rule times, so the comparison covers each of them
        assertThat(raised)
                .contains(
                        AlertRule.CASE_RESPONSE_OVERDUE,
                        AlertRule.CASE_DUE_SOON,
                        AlertRule.CASE_OVERDUE,
                        AlertRule.CASE_OVERDUE_ESCALATED);
    }

    @Test
    void aCaseWithManyWaitingStepsHoldsOneWakeUpAtTheEarliest() throws Exception {
        var h = harness();
        h.processElement(step("CS-1", CaseSignal.Type.CREATED, 1, 0, 10, 1), CaseDeadlineTimersTest.at(0));
        h.processWatermark(CaseDeadlineTimersTest.at(0));
        assertThat(h.numEventTimeTimers()).as("the response deadline").isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            double day = 6 - i * 0.5;
            h.processElement(step("CS-1", CaseSignal.Type.OTHER, 10 + i, day, -1, -1), CaseDeadlineTimersTest.at(day));
        }
        // ten steps wait: one wake-up at the earliest (day 1.5) beside the response deadline (day 1)
        assertThat(h.numEventTimeTimers()).isEqualTo(2);
        h.processWatermark(CaseDeadlineTimersTest.at(3));
        // the response alert raised at day 1; steps up to day 3 applied; the wake-up moved to day 3.5, the next
        // deadline moment is the due-soon warning at day 8
        assertThat(h.extractOutputValues()).extracting(a -> a.rule).containsExactly(AlertRule.CASE_RESPONSE_OVERDUE);
        assertThat(h.numEventTimeTimers()).isEqualTo(2);
        h.processElement(step("CS-1", CaseSignal.Type.CLOSED, 99, 7, -1, -1), CaseDeadlineTimersTest.at(7));
        h.processWatermark(CaseDeadlineTimersTest.at(7));
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numKeyedStateEntries()).isZero();
    }
}

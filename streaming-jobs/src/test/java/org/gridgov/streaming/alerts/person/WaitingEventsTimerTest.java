package org.gridgov.streaming.alerts.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.Harnesses;
import org.gridgov.streaming.alerts.RuleParams;
import org.gridgov.streaming.alerts.input.PersonEvent;
import org.junit.jupiter.api.Test;

/**
 * The key-person rules' waiting events (issue 15): one wake-up timer per person for all of them, beside the lazy
 * cleanup timer, so a person never holds more than two timers; and the events are applied in the order a timer per
 * event gave (time, then record id, then source), whatever order the sources delivered them in.
 */
class WaitingEventsTimerTest {

    static final String[] PERSONS = {
        KeyPersonRulesTest.ZHANG, KeyPersonRulesTest.WANG, "00000000000000000000000000000001"
    };
    /** A person holds at most its wake-up timer and its cleanup timer. */
    static final int TIMERS_PER_PERSON = 2;

    private static KeyedBroadcastOperatorTestHarness<String, PersonEvent, KeyPersonUpdate, AlertRecord> harness()
            throws Exception {
        KeyedBroadcastOperatorTestHarness<String, PersonEvent, KeyPersonUpdate, AlertRecord> h =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new KeyPersonRules(RuleParams.defaults()),
                        e -> e.personKey,
                        Types.STRING,
                        KeyPersonRules.REGISTRY);
        h.processBroadcastWatermark(Long.MAX_VALUE);
        return h;
    }

    /**
     * Seeded events of three persons from all three sources on a coarse grid of days, so many share a millisecond
     * (ties across sources and within one); record ids are not in time order.
     */
    static List<PersonEvent> events(long seed, int n) {
        Random r = new Random(seed);
        List<PersonEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String person = PERSONS[r.nextInt(PERSONS.length)];
            double day = r.nextInt(40) / 2.0;
            String id = String.format("R%03d", r.nextInt(1000));
            events.add(
                    switch (r.nextInt(3)) {
                        case 0 -> KeyPersonRulesTest.petition(person, "P" + id, day);
                        case 1 -> KeyPersonRulesTest.call(person, "H" + id, day, "C010" + r.nextInt(2));
                        default -> KeyPersonRulesTest.incident(person, "J" + id, day);
                    });
        }
        return events;
    }

    /** Alerts per person, in the order they were raised. */
    private static Map<String, List<AlertRecord>> byPerson(List<AlertRecord> alerts) {
        Map<String, List<AlertRecord>> m = new LinkedHashMap<>();
        for (AlertRecord a : alerts) {
            m.computeIfAbsent(a.subjectKey, k -> new ArrayList<>()).add(a);
        }
        return m;
    }

    /** The reference: events one at a time in (time, record id, source) order, each applied before the next. */
    private static Map<String, List<AlertRecord>> inOrder(List<PersonEvent> events) throws Exception {
        var h = harness();
        List<PersonEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong((PersonEvent e) -> e.time)
                .thenComparing(e -> e.recordId)
                .thenComparing(e -> e.kind));
        for (PersonEvent e : sorted) {
            h.processElement(e, e.time);
            h.processWatermark(e.time);
        }
        h.processWatermark(Long.MAX_VALUE);
        return byPerson(h.extractOutputValues());
    }

    @Test
    void shuffledArrivalWithTiesAcrossSourcesRaisesWhatTimeOrderRaisesWithAtMostTwoTimersPerPerson() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            List<PersonEvent> events = events(seed, 60);
            Map<String, List<AlertRecord>> expected = inOrder(events);
            assertThat(expected).as("seed %d raises alerts", seed).isNotEmpty();

            List<PersonEvent> shuffled = new ArrayList<>(events);
            java.util.Collections.shuffle(shuffled, new Random(seed * 31));
            var h = harness();
            long wm = Long.MIN_VALUE;
            Random r = new Random(seed * 17);
            for (PersonEvent e : shuffled) {
                h.processElement(e, e.time);
                assertThat(h.numEventTimeTimers())
                        .as("timers after an event, seed %d", seed)
                        .isLessThanOrEqualTo(TIMERS_PER_PERSON * PERSONS.length);
                if (r.nextInt(8) == 0) {
                    // the watermark moves up to the earliest event still to come (nothing is late)
                    long next = shuffled.subList(shuffled.indexOf(e) + 1, shuffled.size()).stream()
                            .mapToLong(x -> x.time)
                            .min()
                            .orElse(Long.MAX_VALUE);
                    wm = Math.max(wm, next - 1);
                    h.processWatermark(wm);
                    assertThat(h.numEventTimeTimers())
                            .as("timers after a watermark, seed %d", seed)
                            .isLessThanOrEqualTo(TIMERS_PER_PERSON * PERSONS.length);
                }
            }
            h.processWatermark(Long.MAX_VALUE);
            assertThat(byPerson(h.extractOutputValues())).as("seed %d", seed).isEqualTo(expected);
            assertThat(h.numEventTimeTimers()).as("timers at the end").isZero();
            assertThat(Harnesses.keyedStateEntries(h))
                    .as("keyed state at the end")
                    .isZero();
        }
    }

    @Test
    void aPersonWaitingForTheClockHoldsOneTimerMovedToTheEarliestEvent() throws Exception {
        var h = harness();
        String z = KeyPersonRulesTest.ZHANG;
        h.processElement(KeyPersonRulesTest.petition(z, "P3", 20), KeyPersonRulesTest.at(20));
        h.processElement(KeyPersonRulesTest.incident(z, "J1", 20), KeyPersonRulesTest.at(20));
        h.processElement(KeyPersonRulesTest.call(z, "H1", 5, "C0101"), KeyPersonRulesTest.at(5));
        h.processElement(KeyPersonRulesTest.petition(z, "P1", 0), KeyPersonRulesTest.at(0));
        assertThat(h.numEventTimeTimers()).as("one wake-up, at day 0").isEqualTo(1);
        h.processWatermark(KeyPersonRulesTest.at(10));
        // P1 and H1 applied: the cleanup timer (day 35) and the wake-up moved to day 20
        assertThat(h.numEventTimeTimers()).isEqualTo(2);
        h.processWatermark(KeyPersonRulesTest.at(20));
        // nothing waits: only the cleanup timer is left
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processWatermark(KeyPersonRulesTest.at(400));
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(Harnesses.keyedStateEntries(h)).isZero();
    }
}

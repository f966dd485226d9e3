package org.gridgov.streaming.alerts.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.alerts.AlertIds;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.Harnesses;
import org.gridgov.streaming.alerts.RuleParams;
import org.gridgov.streaming.alerts.input.PersonEvent;
import org.gridgov.streaming.alerts.input.RejectedInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key-person rules on Flink's operator harness, with named times; every test ends with the state cleared. */
class KeyPersonRulesTest {

    static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 3, 9, 0);
    static final String ZHANG = "0123456789abcdef0123456789abcdef";
    static final String WANG = "fedcba9876543210fedcba9876543210";
    static final long DAY = Duration.ofDays(1).toMillis();

    private KeyedBroadcastOperatorTestHarness<String, PersonEvent, KeyPersonUpdate, AlertRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new KeyPersonRules(RuleParams.defaults()), e -> e.personKey, Types.STRING, KeyPersonRules.REGISTRY);
        // the registry input never holds the watermark back (as InputWatermarks.neverHoldsBack in the job)
        harness.processBroadcastWatermark(Long.MAX_VALUE);
    }

    static long at(double days) {
        return EventTimes.millis(T0) + (long) (days * DAY);
    }

    static PersonEvent petition(String person, String id, double day) {
        return new PersonEvent(person, PersonEvent.Kind.PETITION, id, at(day), "C0701", null);
    }

    static PersonEvent call(String person, String id, double day, String category) {
        return new PersonEvent(person, PersonEvent.Kind.CALL, id, at(day), category, null);
    }

    /** A call the loader marked as repeating the open problem of case {@code master} (its master_case_id). */
    static PersonEvent repeatCall(String person, String id, double day, String category, String master) {
        PersonEvent e = call(person, id, day, category);
        e.problemId = master;
        return e;
    }

    static PersonEvent incident(String person, String id, double day) {
        return new PersonEvent(person, PersonEvent.Kind.POLICE, id, at(day), null, null);
    }

    private void send(PersonEvent e) throws Exception {
        harness.processElement(e, e.time);
    }

    private List<AlertRecord> alerts() {
        return harness.extractOutputValues();
    }

    private List<AlertRecord> alerts(AlertRule rule) {
        return alerts().stream().filter(a -> a.rule == rule).toList();
    }

    private void expireEverything() throws Exception {
        harness.processWatermark(at(400));
        assertThat(harness.numEventTimeTimers()).as("timers").isZero();
        assertThat(Harnesses.keyedStateEntries(harness)).as("keyed state").isZero();
    }

    @Test
    void threePetitionsWithin30DaysRaiseARepeatPetitionAlertThatGrowsWithLaterOnes() throws Exception {
        send(petition(ZHANG, "P1", 0));
        send(petition(ZHANG, "P2", 10));
        harness.processWatermark(at(10));
        assertThat(alerts()).isEmpty();

        send(petition(ZHANG, "P3", 20));
        harness.processWatermark(at(20));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.alertId).isEqualTo(AlertIds.of(AlertRule.REPEAT_PETITION, ZHANG, "P1"));
            assertThat(a.rule).isEqualTo(AlertRule.REPEAT_PETITION);
            assertThat(a.level).isEqualTo(AlertLevel.YELLOW);
            assertThat(a.subjectKey).isEqualTo(ZHANG);
            assertThat(a.evidenceIds).containsExactly("P1", "P2", "P3");
            assertThat(a.version).isEqualTo(1);
            assertThat(a.eventTime).isEqualTo(at(20));
        });

        send(petition(ZHANG, "P4", 25));
        send(petition(ZHANG, "P5", 26));
        harness.processWatermark(at(26));
        List<AlertRecord> petitions = alerts(AlertRule.REPEAT_PETITION);
        assertThat(petitions).hasSize(3).allSatisfy(a -> assertThat(a.alertId).isEqualTo(petitions.get(0).alertId));
        assertThat(petitions.get(2).version).isEqualTo(3);
        assertThat(petitions.get(2).level).isEqualTo(AlertLevel.ORANGE);
        assertThat(petitions.get(2).evidenceIds).containsExactly("P1", "P2", "P3", "P4", "P5");
        expireEverything();
    }

    @Test
    void petitionsSpreadOverMoreThanTheWindowRaiseNothing() throws Exception {
        send(petition(ZHANG, "P1", 0));
        send(petition(ZHANG, "P2", 16));
        send(petition(ZHANG, "P3", 31));
        harness.processWatermark(at(31));
        assertThat(alerts()).isEmpty();
        expireEverything();
    }

    @Test
    void theOrderOfArrivalBeforeTheWatermarkDoesNotMatter() throws Exception {
        send(petition(ZHANG, "P3", 20));
        send(petition(ZHANG, "P1", 0));
        send(petition(ZHANG, "P2", 10));
        // one wake-up timer for the person's waiting events, moved to the earliest (day 0) when P1 arrived
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(at(20));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.alertId).isEqualTo(AlertIds.of(AlertRule.REPEAT_PETITION, ZHANG, "P1"));
            assertThat(a.evidenceIds).containsExactly("P1", "P2", "P3");
        });
        expireEverything();
    }

    @Test
    void theSamePetitionDeliveredTwiceCountsOnce() throws Exception {
        send(petition(ZHANG, "P1", 0));
        send(petition(ZHANG, "P1", 0));
        send(petition(ZHANG, "P2", 5));
        harness.processWatermark(at(5));
        send(petition(ZHANG, "P2", 5));
        harness.processWatermark(at(6));
        assertThat(alerts()).isEmpty();
        expireEverything();
    }

    @Test
    void anEventLaterThanTheAllowedLatenessGoesToTheSideOutput() throws Exception {
        harness.processWatermark(at(40));
        PersonEvent late = petition(ZHANG, "P-late", 39.99);
        late.inputId = "raw.petition:0:7";
        late.topic = "raw.petition";
        send(late);
        send(petition(ZHANG, "P-in-time", 39.9999));

        assertThat(harness.getSideOutput(KeyPersonRules.LATE))
                .extracting(StreamRecord::getValue)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.inputId).isEqualTo("raw.petition:0:7/petition");
                    assertThat(r.kind).isEqualTo(RejectedInput.LATE);
                    assertThat(r.reason).contains("allowed lateness");
                    assertThat(r.watermark).isEqualTo(at(40));
                });
        expireEverything();
    }

    @Test
    void aRepeatPetitionerSeenByThePoliceIsACrossSourceHitAndEscalatesToRed() throws Exception {
        // an incident a few days before the petitions that make the person a key person, and one after
        send(incident(ZHANG, "J1", 0));
        send(petition(ZHANG, "P1", 3));
        send(petition(ZHANG, "P2", 12));
        send(petition(ZHANG, "P3", 28));
        harness.processWatermark(at(28));
        assertThat(alerts(AlertRule.CROSS_SOURCE)).singleElement().satisfies(a -> {
            assertThat(a.alertId).isEqualTo(AlertIds.of(AlertRule.CROSS_SOURCE, ZHANG, "J1"));
            assertThat(a.level).isEqualTo(AlertLevel.ORANGE);
            assertThat(a.evidenceIds).containsExactly("J1", "P1", "P2", "P3");
        });
        assertThat(alerts(AlertRule.ESCALATION)).singleElement().satisfies(a -> {
            assertThat(a.level).isEqualTo(AlertLevel.RED);
            assertThat(a.message).contains("重复信访", "重点人员涉警");
        });

        send(incident(ZHANG, "J2", 40));
        send(incident(WANG, "J3", 40));
        harness.processWatermark(at(40));
        assertThat(alerts(AlertRule.CROSS_SOURCE))
                .extracting(a -> a.evidenceIds[0])
                .containsExactly("J1", "J2");
        // the same combination is escalated once
        assertThat(alerts(AlertRule.ESCALATION)).hasSize(1);
        expireEverything();
    }

    @Test
    void anIncidentLongBeforeThePetitionsIsNoHit() throws Exception {
        send(incident(ZHANG, "J1", 0));
        send(petition(ZHANG, "P1", 35));
        send(petition(ZHANG, "P2", 40));
        send(petition(ZHANG, "P3", 45));
        harness.processWatermark(at(45));
        assertThat(alerts(AlertRule.REPEAT_PETITION)).hasSize(1);
        assertThat(alerts(AlertRule.CROSS_SOURCE)).isEmpty();
        expireEverything();
    }

    @Test
    void aRegistryListedPersonIsAHitInIncidentsAndPetitionsAlsoRetroactively() throws Exception {
        send(incident(WANG, "J1", 1));
        harness.processWatermark(at(2));
        assertThat(alerts()).isEmpty();

        harness.processBroadcastElement(KeyPersonUpdate.add(WANG, AlertLevel.RED, "在册重点人员"), at(2));
        assertThat(alerts(AlertRule.CROSS_SOURCE)).singleElement().satisfies(a -> {
            assertThat(a.evidenceIds).containsExactly("J1");
            assertThat(a.level).isEqualTo(AlertLevel.RED);
            assertThat(a.eventTime).as("stamped with the incident's time").isEqualTo(at(1));
            assertThat(a.message).contains("在册重点人员", "警情");
        });

        send(petition(WANG, "P9", 3));
        harness.processWatermark(at(3));
        assertThat(alerts(AlertRule.KEY_PERSON_PETITION)).singleElement().satisfies(a -> {
            assertThat(a.evidenceIds).containsExactly("P9");
            assertThat(a.message).contains("信访");
        });
        // two rules for one person: escalated
        assertThat(alerts(AlertRule.ESCALATION)).singleElement().satisfies(a -> assertThat(a.evidenceIds)
                .containsExactly("J1", "P9"));

        harness.processBroadcastElement(KeyPersonUpdate.remove(WANG), at(3));
        send(incident(WANG, "J2", 4));
        harness.processWatermark(at(4));
        assertThat(alerts(AlertRule.CROSS_SOURCE)).hasSize(1);
        expireEverything();
    }

    @Test
    void anUnreadableRegistryRecordIsRejectedNotApplied() throws Exception {
        KeyPersonUpdate bad = KeyPersonUpdate.parse(
                "key-persons:0:5", 0, null, "{\"person_key\":\"370112195203011234\",\"action\":\"ADD\"}".getBytes());
        harness.processBroadcastElement(bad, 0);
        assertThat(harness.getSideOutput(KeyPersonRules.REGISTRY_REJECTS))
                .extracting(StreamRecord::getValue)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.reason).contains("salted person key");
                    assertThat(r.recordKey).isNull();
                    assertThat(r.topic).isEqualTo("key-persons");
                });
        assertThat(harness.getBroadcastState(KeyPersonRules.REGISTRY).entries()).isEmpty();
    }

    @Test
    void repeatCallsCountPerCategory() throws Exception {
        send(call(ZHANG, "H1", 0, "C0101"));
        send(call(ZHANG, "H2", 1, "C0202"));
        send(call(ZHANG, "H3", 2, "C0303"));
        send(call(WANG, "H4", 0, "C0101"));
        send(call(WANG, "H5", 5, "C0101"));
        send(call(WANG, "H6", 29, "C0101"));
        harness.processWatermark(at(29));

        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.rule).isEqualTo(AlertRule.REPEAT_CALL);
            assertThat(a.subjectKey).isEqualTo(WANG);
            assertThat(a.level).isEqualTo(AlertLevel.BLUE);
            assertThat(a.evidenceIds).containsExactly("H4", "H5", "H6");
            assertThat(a.alertId).isEqualTo(AlertIds.of(AlertRule.REPEAT_CALL, WANG, "C0101", "H4"));
        });
        expireEverything();
    }

    @Test
    void repeatCallsCountDistinctProblemsNotCalls() throws Exception {
        // 王: five calls about one problem (the loader marked H2..H5 as repeats of the open case H1): no alert
        send(call(WANG, "H1", 0, "C0101"));
        send(repeatCall(WANG, "H2", 1, "C0101", "H1"));
        send(repeatCall(WANG, "H3", 2, "C0101", "H1"));
        send(repeatCall(WANG, "H4", 3, "C0101", "H1"));
        send(repeatCall(WANG, "H5", 4, "C0101", "H1"));
        // 张: three distinct problems, one of them called about twice (Z2b repeats Z2)
        send(call(ZHANG, "Z1", 0, "C0101"));
        send(call(ZHANG, "Z2", 3, "C0101"));
        send(repeatCall(ZHANG, "Z2b", 4, "C0101", "Z2"));
        harness.processWatermark(at(4));
        assertThat(alerts())
                .as("5 calls of one problem, 2 problems of 张 so far")
                .isEmpty();

        send(call(ZHANG, "Z3", 6, "C0101"));
        harness.processWatermark(at(6));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.rule).isEqualTo(AlertRule.REPEAT_CALL);
            assertThat(a.subjectKey).isEqualTo(ZHANG);
            assertThat(a.level).isEqualTo(AlertLevel.BLUE);
            assertThat(a.evidenceIds).as("one call per problem").containsExactly("Z1", "Z2", "Z3");
            assertThat(a.alertId).isEqualTo(AlertIds.of(AlertRule.REPEAT_CALL, ZHANG, "C0101", "Z1"));
        });

        // another repeat call of a counted problem changes nothing; a fourth problem is a new version
        send(repeatCall(ZHANG, "Z3b", 7, "C0101", "Z3"));
        harness.processWatermark(at(7));
        assertThat(alerts()).hasSize(1);
        send(call(ZHANG, "Z4", 8, "C0101"));
        harness.processWatermark(at(8));
        assertThat(alerts()).hasSize(2).last().satisfies(a -> {
            assertThat(a.version).isEqualTo(2);
            assertThat(a.evidenceIds).containsExactly("Z1", "Z2", "Z3", "Z4");
        });
        expireEverything();
    }

    @Test
    void stateOfAnOrdinaryPersonIsGoneAfterTheRetentionPeriod() throws Exception {
        send(call(ZHANG, "H1", 0, "C0101"));
        send(incident(ZHANG, "J1", 1));
        harness.processWatermark(at(1));
        assertThat(Harnesses.keyedStateEntries(harness)).isPositive();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        // incidents are kept for the petition window plus the lookback (60 days), calls for 30
        harness.processWatermark(at(61));
        assertThat(Harnesses.keyedStateEntries(harness)).isPositive();
        harness.processWatermark(at(61.01));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(Harnesses.keyedStateEntries(harness)).isZero();
    }

    @Test
    void aPersonHoldsOneCleanupTimerMovedWhenItFiresAndIsForgottenAfterTheLastEventExpires() throws Exception {
        // ten calls on ten days, each on another category: no alert, every call moves the cleanup time
        for (int d = 0; d < 10; d++) {
            send(call(ZHANG, "H" + d, d, "C01" + d));
        }
        harness.processWatermark(at(9));
        // the calls' own timers fired; one cleanup timer is left, still at the first call's expiry (day 30)
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(at(31));
        // it fired and moved to the last call's expiry (day 39): the person is still known
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(Harnesses.keyedStateEntries(harness)).isPositive();
        harness.processWatermark(at(39.01));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(Harnesses.keyedStateEntries(harness)).isZero();
        assertThat(alerts()).isEmpty();
    }
}

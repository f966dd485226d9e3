package org.gridgov.streaming.alerts.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.alerts.AlertIds;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.RuleParams;
import org.gridgov.streaming.alerts.input.PersonEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupPetitionRuleTest {

    static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 9, 8, 30);
    static final String COMPANY = "历城区鑫源建筑工程有限公司";

    private KeyedOneInputStreamOperatorTestHarness<String, PersonEvent, AlertRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new GroupPetitionRule(RuleParams.defaults()), e -> e.companyName, Types.STRING);
    }

    static long at(double hours) {
        return EventTimes.millis(T0) + (long) (hours * Duration.ofHours(1).toMillis());
    }

    private void petition(String id, String person, double hours) throws Exception {
        PersonEvent e = new PersonEvent(person, PersonEvent.Kind.PETITION, id, at(hours), "C0402", COMPANY);
        harness.processElement(e, e.time);
    }

    private List<AlertRecord> alerts() {
        return harness.extractOutputValues();
    }

    private void expireEverything() throws Exception {
        harness.processWatermark(at(24 * 30));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void fiveDistinctPersonsWithinSixHoursAreAGroupPetition() throws Exception {
        for (int i = 1; i <= 5; i++) {
            petition("G" + i, "person-" + i, i);
        }
        harness.processWatermark(at(5));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.rule).isEqualTo(AlertRule.GROUP_PETITION);
            assertThat(a.alertId).isEqualTo(AlertIds.of(AlertRule.GROUP_PETITION, COMPANY, "G1"));
            assertThat(a.subjectKey).isEqualTo(COMPANY);
            assertThat(a.level).isEqualTo(AlertLevel.ORANGE);
            assertThat(a.evidenceIds).containsExactly("G1", "G2", "G3", "G4", "G5");
            assertThat(a.message).contains("5 人", COMPANY);
        });

        // a sixth within the window joins the same alert
        petition("G6", "person-6", 5.5);
        harness.processWatermark(at(5.5));
        assertThat(alerts()).hasSize(2).last().satisfies(a -> {
            assertThat(a.version).isEqualTo(2);
            assertThat(a.evidenceIds).hasSize(6);
        });
        expireEverything();
    }

    @Test
    void onePersonPetitioningFiveTimesIsNoGroup() throws Exception {
        for (int i = 1; i <= 5; i++) {
            petition("G" + i, "person-1", i * 0.5);
        }
        harness.processWatermark(at(3));
        assertThat(alerts()).isEmpty();
        expireEverything();
    }

    @Test
    void fivePersonsSpreadOverMoreThanSixHoursAreNoGroup() throws Exception {
        for (int i = 1; i <= 5; i++) {
            petition("G" + i, "person-" + i, i * 1.6);
        }
        harness.processWatermark(at(8));
        assertThat(alerts()).isEmpty();
        expireEverything();
    }

    @Test
    void tenPersonsAreRed() throws Exception {
        for (int i = 1; i <= 10; i++) {
            petition("G" + i, "person-" + i, i * 0.4);
        }
        harness.processWatermark(at(4));
        assertThat(alerts().get(alerts().size() - 1).level).isEqualTo(AlertLevel.RED);
        assertThat(alerts())
                .extracting(a -> a.alertId)
                .containsOnly(AlertIds.of(AlertRule.GROUP_PETITION, COMPANY, "G1"));
        expireEverything();
    }

    @Test
    void aGroupTheNextDayIsANewAlert() throws Exception {
        for (int i = 1; i <= 5; i++) {
            petition("A" + i, "person-" + i, i * 0.5);
        }
        for (int i = 1; i <= 5; i++) {
            petition("B" + i, "person-" + (10 + i), 24 + i * 0.5);
        }
        harness.processWatermark(at(27));
        assertThat(alerts()).extracting(a -> a.evidenceIds[0]).containsExactly("A1", "B1");
        expireEverything();
    }

    @Test
    void aCompanyHoldsOneCleanupTimerMovedWhenItFiresAndIsForgottenAWindowAfterItsLastPetition() throws Exception {
        for (int i = 0; i < 8; i++) {
            petition("G" + i, "person-1", i * 0.5);
        }
        harness.processWatermark(at(3.5));
        // the petitions' own timers fired; one cleanup timer is left, still at the first petition's expiry (6 h)
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(at(7));
        // it fired (at 6 h plus the minute it is rounded to) and moved to the last petition's expiry, 9.5 h
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(at(9.52));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}

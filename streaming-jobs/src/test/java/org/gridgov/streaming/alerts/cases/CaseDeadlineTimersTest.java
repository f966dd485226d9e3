package org.gridgov.streaming.alerts.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.alerts.AlertIds;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.RuleParams;
import org.gridgov.streaming.alerts.input.CaseSignal;
import org.gridgov.streaming.alerts.input.RejectedInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Overdue-case timers on the harness. A case accepted at T0 with a deadline 10 days later: due-soon at day 8 (80 %),
 * overdue at day 10, escalation 24 hours after the deadline.
 */
class CaseDeadlineTimersTest {

    static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 2, 9, 0);
    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long DAY = Duration.ofDays(1).toMillis();
    static final String CASE = "RX20240102-0000001";

    private KeyedOneInputStreamOperatorTestHarness<String, CaseSignal, AlertRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CaseDeadlineTimers(RuleParams.defaults()), s -> s.caseId, Types.STRING);
    }

    static long at(double days) {
        return EventTimes.millis(T0) + (long) (days * DAY);
    }

    static CaseSignal snapshot(double replyDay, double closeDay) {
        CaseSignal s = new CaseSignal();
        s.caseId = CASE;
        s.origin = "hotline";
        s.type = CaseSignal.Type.SNAPSHOT;
        s.time = at(0);
        s.acceptTime = at(0);
        s.deadline = at(10);
        s.replyTime = replyDay < 0 ? EventTimes.NONE : at(replyDay);
        s.closeTime = closeDay < 0 ? EventTimes.NONE : at(closeDay);
        s.recordId = CASE;
        return s;
    }

    static CaseSignal event(CaseSignal.Type type, String id, double day) {
        CaseSignal s = new CaseSignal();
        s.caseId = "CS-1";
        s.origin = "case-service";
        s.type = type;
        s.time = at(day);
        s.deadline = type == CaseSignal.Type.CREATED ? at(day + 10) : EventTimes.NONE;
        s.recordId = id;
        s.inputId = "case.events:0:" + id;
        s.topic = "case.events";
        return s;
    }

    private void send(CaseSignal s) throws Exception {
        harness.processElement(s, s.time);
    }

    private List<AlertRecord> alerts() {
        return harness.extractOutputValues();
    }

    private void assertCleared() {
        assertThat(harness.numEventTimeTimers()).as("timers").isZero();
        assertThat(harness.numKeyedStateEntries()).as("keyed state").isZero();
    }

    @Test
    void aCaseClosedBeforeTheWarningNeedsNoStateAtAll() throws Exception {
        send(snapshot(2, 5));
        // closed before any of its moments: nothing to wait for
        assertCleared();
        harness.processWatermark(at(30));
        assertThat(alerts()).isEmpty();
    }

    @Test
    void aCaseWaitsWithOneTimerForItsNextMoment() throws Exception {
        send(snapshot(3, 10.5));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(at(8));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void aCaseClosedLateIsOverdueAtItsDeadlineButNotEscalated() throws Exception {
        send(snapshot(3, 10.5));
        harness.processWatermark(at(8));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.rule).isEqualTo(AlertRule.CASE_DUE_SOON);
            assertThat(a.level).isEqualTo(AlertLevel.BLUE);
            assertThat(a.eventTime).isEqualTo(at(8));
        });
        harness.processWatermark(at(10));
        assertThat(alerts()).hasSize(2).last().satisfies(a -> {
            assertThat(a.rule).isEqualTo(AlertRule.CASE_OVERDUE);
            assertThat(a.alertId).isEqualTo(AlertIds.of(AlertRule.CASE_OVERDUE, CASE, Long.toString(at(10))));
            assertThat(a.level).isEqualTo(AlertLevel.YELLOW);
            assertThat(a.subjectKey).isEqualTo(CASE);
            assertThat(a.evidenceIds).containsExactly(CASE);
            assertThat(a.eventTime).isEqualTo(at(10));
        });
        harness.processWatermark(at(10.5));
        assertCleared();
        harness.processWatermark(at(30));
        assertThat(alerts()).hasSize(2);
    }

    @Test
    void aCaseStillOpenADayAfterItsDeadlineIsEscalated() throws Exception {
        send(snapshot(-1, -1));
        harness.processWatermark(at(12));
        assertThat(alerts())
                .extracting(a -> a.rule)
                .containsExactly(AlertRule.CASE_DUE_SOON, AlertRule.CASE_OVERDUE, AlertRule.CASE_OVERDUE_ESCALATED);
        assertThat(alerts().get(2).level).isEqualTo(AlertLevel.ORANGE);
        assertThat(alerts().get(2).eventTime).isEqualTo(at(10) + 24 * HOUR);
        assertCleared();
    }

    @Test
    void theEndOfABoundedInputIsNotThePassageOfTime() throws Exception {
        // open and due after the last input: nothing is known to be late
        send(snapshot(-1, -1));
        harness.processWatermark(at(5));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(alerts()).isEmpty();
        assertCleared();
    }

    @Test
    void aReplyAfterTheDeadlineProvesItOverdueEvenAtTheEndOfInput() throws Exception {
        send(snapshot(10.2, -1));
        harness.processWatermark(at(5));
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(alerts()).extracting(a -> a.rule).containsExactly(AlertRule.CASE_DUE_SOON, AlertRule.CASE_OVERDUE);
        assertCleared();
    }

    @Test
    void aBoundedRunTrustsOnlyTheCasesOwnRecords() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CaseDeadlineTimers(RuleParams.defaults().withBoundedInput(true)), s -> s.caseId, Types.STRING);
        send(snapshot(-1, -1));
        CaseSignal repliedLate = snapshot(10.5, -1);
        repliedLate.caseId = "RX-2";
        repliedLate.recordId = "RX-2";
        send(repliedLate);
        harness.processWatermark(at(12));
        // the open case may be overdue, but nothing in its records says so; the late reply does
        assertThat(alerts())
                .allSatisfy(a -> assertThat(a.subjectKey).isEqualTo("RX-2"))
                .extracting(a -> a.rule)
                .containsExactly(AlertRule.CASE_DUE_SOON, AlertRule.CASE_OVERDUE);
        assertCleared();
    }

    @Test
    void theSameSnapshotTwiceRaisesEachAlertOnce() throws Exception {
        send(snapshot(3, 10.5));
        send(snapshot(3, 10.5));
        harness.processWatermark(at(11));
        assertThat(alerts()).extracting(a -> a.rule).containsExactly(AlertRule.CASE_DUE_SOON, AlertRule.CASE_OVERDUE);
        assertCleared();
    }

    @Test
    void pausingCancelsTheTimersAndResumingMovesTheDeadline() throws Exception {
        send(event(CaseSignal.Type.CREATED, "E1", 0));
        harness.processWatermark(at(0));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        send(event(CaseSignal.Type.PAUSED, "E2", 2));
        harness.processWatermark(at(2));
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(at(20));
        assertThat(alerts()).isEmpty();

        send(event(CaseSignal.Type.RESUMED, "E3", 20));
        harness.processWatermark(at(20));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        // 18 days paused: the deadline moves from day 10 to day 28
        harness.processWatermark(at(28));
        assertThat(alerts()).extracting(a -> a.rule).containsExactly(AlertRule.CASE_DUE_SOON, AlertRule.CASE_OVERDUE);
        assertThat(alerts().get(1).eventTime).isEqualTo(at(28));
        assertThat(alerts().get(1).alertId)
                .isEqualTo(AlertIds.of(AlertRule.CASE_OVERDUE, "CS-1", Long.toString(at(28))));
        assertThat(alerts().get(1).evidenceIds).containsExactly("CS-1", "E1");

        send(event(CaseSignal.Type.CLOSED, "E4", 28.5));
        harness.processWatermark(at(28.5));
        assertThat(alerts()).hasSize(2);
        assertCleared();
    }

    @Test
    void closingCancelsTheTimers() throws Exception {
        send(event(CaseSignal.Type.CREATED, "E1", 0));
        send(event(CaseSignal.Type.CLOSED, "E2", 3));
        harness.processWatermark(at(3));
        assertThat(alerts()).isEmpty();
        assertCleared();
    }

    @Test
    void aLifecycleEventLaterThanTheAllowedLatenessIsKeptAside() throws Exception {
        send(event(CaseSignal.Type.CREATED, "E1", 0));
        harness.processWatermark(at(9));
        send(event(CaseSignal.Type.CLOSED, "E2", 7));
        assertThat(harness.getSideOutput(CaseDeadlineTimers.LATE))
                .extracting(StreamRecord::getValue)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.kind).isEqualTo(RejectedInput.LATE);
                    assertThat(r.inputId).isEqualTo("case.events:0:E2/case-event");
                });
        harness.processWatermark(at(12));
        assertThat(alerts())
                .extracting(a -> a.rule)
                .containsExactly(AlertRule.CASE_DUE_SOON, AlertRule.CASE_OVERDUE, AlertRule.CASE_OVERDUE_ESCALATED);
        assertCleared();
    }

    // ---- 接诉即办 response deadline, merges (issue 19) ------------------------------------------------------------

    /** A case-service event with deadlines: CREATED at day 0 due at day 10, first response due at day 1. */
    static CaseSignal jsjb(CaseSignal.Type type, String id, double day, double deadlineDay, double responseDay) {
        CaseSignal s = event(type, id, day);
        s.deadline = deadlineDay < 0 ? EventTimes.NONE : at(deadlineDay);
        s.responseDeadline = responseDay < 0 ? EventTimes.NONE : at(responseDay);
        return s;
    }

    @Test
    void noFirstResponseByTheResponseDeadlineRaisesTheResponseAlertOnce() throws Exception {
        send(jsjb(CaseSignal.Type.CREATED, "E1", 0, 10, 1));
        harness.processWatermark(at(0));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(at(1.5));
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.rule).isEqualTo(AlertRule.CASE_RESPONSE_OVERDUE);
            assertThat(a.level).isEqualTo(AlertLevel.YELLOW);
            assertThat(a.eventTime).isEqualTo(at(1));
            assertThat(a.alertId).isEqualTo(AlertIds.of(AlertRule.CASE_RESPONSE_OVERDUE, "CS-1", Long.toString(at(1))));
        });
        // the resolution deadline is still timed; a late response raises nothing more
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        send(jsjb(CaseSignal.Type.RESPONDED, "E2", 2, 10, 1));
        send(event(CaseSignal.Type.CLOSED, "E3", 3));
        harness.processWatermark(at(3));
        assertThat(alerts()).hasSize(1);
        assertCleared();
    }

    @Test
    void aResponseInTimeCancelsTheResponseTimer() throws Exception {
        send(jsjb(CaseSignal.Type.CREATED, "E1", 0, 10, 1));
        send(jsjb(CaseSignal.Type.RESPONDED, "E2", 0.5, 10, 1));
        harness.processWatermark(at(0.5));
        // one timer left: the due-soon warning at day 8
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(at(2));
        assertThat(alerts()).isEmpty();
        send(event(CaseSignal.Type.CLOSED, "E3", 3));
        harness.processWatermark(at(3));
        assertThat(alerts()).isEmpty();
        assertCleared();
    }

    @Test
    void aMergedCaseIsNotTimedAndItsTrackIsDroppedAfterTheRetention() throws Exception {
        send(jsjb(CaseSignal.Type.CREATED, "E1", 0, 10, 1));
        send(jsjb(CaseSignal.Type.MERGED, "E2", 0.5, 10, 1));
        harness.processWatermark(at(0.5));
        assertThat(harness.numEventTimeTimers()).as("only the drop timer").isEqualTo(1);
        harness.processWatermark(at(20));
        assertThat(alerts()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(at(0.5) + CaseDeadlineTimers.MERGED_RETENTION_MS);
        assertThat(alerts()).isEmpty();
        assertCleared();
    }

    @Test
    void aMergedCaseClosedWithItsMasterLeavesNothing() throws Exception {
        send(jsjb(CaseSignal.Type.CREATED, "E1", 0, 10, 1));
        send(jsjb(CaseSignal.Type.MERGED, "E2", 0.5, 10, 1));
        send(event(CaseSignal.Type.CLOSED, "E3", 4));
        harness.processWatermark(at(4));
        assertThat(alerts()).isEmpty();
        assertCleared();
    }

    @Test
    void unmergingReArmsTheCaseWithTheDeadlinesTheEventStates() throws Exception {
        send(jsjb(CaseSignal.Type.CREATED, "E1", 0, 10, 1));
        send(jsjb(CaseSignal.Type.MERGED, "E2", 0.2, 10, 1));
        // merged past both original moments: nothing raised for them
        send(jsjb(CaseSignal.Type.UNMERGED, "E3", 3, 13, 3.5));
        harness.processWatermark(at(3));
        assertThat(alerts()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(at(13.5));
        assertThat(alerts())
                .extracting(a -> a.rule)
                .containsExactly(AlertRule.CASE_RESPONSE_OVERDUE, AlertRule.CASE_DUE_SOON, AlertRule.CASE_OVERDUE);
        assertThat(alerts().get(0).eventTime).isEqualTo(at(3.5));
        assertThat(alerts().get(2).eventTime).isEqualTo(at(13));
        send(event(CaseSignal.Type.CLOSED, "E4", 13.6));
        harness.processWatermark(at(13.6));
        assertThat(alerts()).hasSize(3);
        assertCleared();
    }
}

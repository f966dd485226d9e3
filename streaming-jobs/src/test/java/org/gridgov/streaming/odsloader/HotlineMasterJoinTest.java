package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.loading.OdsMapper;
import org.gridgov.loading.RawRecordMapper;
import org.gridgov.loading.cases.HotlineDuplicates;
import org.gridgov.streaming.alerts.Harnesses;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The join of a call's dwd record with the marker's decision, on the harness: either may come first, the record goes
 * out once both are there and again only when the decision or the snapshot changes; state and the idle timer go.
 */
class HotlineMasterJoinTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 15, 9, 0);
    private static final Duration WINDOW = Duration.ofDays(7);

    private final OdsMapper mapper = RawRecordMapper.standardOdsMapper(new PiiProtector(TestRecords.SALT));
    private KeyedTwoInputStreamOperatorTestHarness<String, DwdRecord, TableRow, DwdRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new HotlineMasterJoin(WINDOW), DwdRecord::recordId, HotlineMasterJoin::caseId, Types.STRING);
        harness.setProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** The rows of a call (ODS, DWD), as the conform step makes them. */
    private List<TableRow> rows(String id, LocalDateTime closed) {
        SampleRecords.HotlineBuilder b =
                SampleRecords.hotlineBuilder().caseId(id).acceptTime(T0).deadline(T0.plusDays(3));
        b = closed == null
                ? b.status(CaseStatus.ACCEPTED).replyTime(null).closeTime(null)
                : b.status(CaseStatus.CLOSED).replyTime(closed).closeTime(closed);
        return mapper.rows(b.build());
    }

    private DwdRecord record(String id, LocalDateTime closed, int offset) {
        return DwdRecords.of(SourceType.HOTLINE, rows(id, closed), "raw.hotline:0:" + offset, 1_700_000_000_000L)
                .orElseThrow();
    }

    private TableRow marked(String id, LocalDateTime closed, String master) {
        return HotlineDuplicates.mark(rows(id, closed).get(1), master);
    }

    private List<DwdRecord> out() {
        return harness.extractOutputValues();
    }

    @Test
    void theRecordWaitsForTheMarkersDecisionAndTheDecisionForTheRecord() throws Exception {
        harness.processElement1(record("RX1", null, 1), 0);
        assertThat(out()).as("no decision yet").isEmpty();
        harness.processElement2(marked("RX1", null, "RX0"), 0);
        assertThat(out()).singleElement().satisfies(r -> {
            assertThat(r.recordId()).isEqualTo("RX1");
            assertThat(r.masterCaseId()).isEqualTo("RX0");
            assertThat(r.duplicate()).isTrue();
        });

        // the other order: decision first (a first call), then the record
        harness.processElement2(marked("RX2", null, null), 0);
        harness.processElement1(record("RX2", null, 2), 0);
        assertThat(out()).hasSize(2).last().satisfies(r -> assertThat(r.masterCaseId())
                .isNull());
    }

    @Test
    void aReplayWritesNothingAgainButAReMarkingOrANewSnapshotDoes() throws Exception {
        harness.processElement1(record("RX1", null, 1), 0);
        harness.processElement2(marked("RX1", null, null), 0);
        // the same record and decision again (a replay): nothing new
        harness.processElement1(record("RX1", null, 1), 0);
        harness.processElement2(marked("RX1", null, null), 0);
        assertThat(out()).hasSize(1);
        // an earlier call of the caller arrived late: the marker re-marks RX1
        harness.processElement2(marked("RX1", null, "RX0"), 0);
        assertThat(out()).hasSize(2).last().satisfies(r -> assertThat(r.masterCaseId())
                .isEqualTo("RX0"));
        // a later export of the case, now closed
        harness.processElement1(record("RX1", T0.plusDays(1), 9), 0);
        assertThat(out()).hasSize(3).last().satisfies(r -> {
            assertThat(r.closeTime()).isNotNull();
            assertThat(r.masterCaseId()).isEqualTo("RX0");
            assertThat(r.position()).isEqualTo("raw.hotline:0:9");
        });
    }

    @Test
    void stateAndTheIdleTimerAreGoneAWindowAfterTheLastInput() throws Exception {
        harness.processElement1(record("RX1", null, 1), 0);
        harness.processElement2(marked("RX1", null, null), 0);
        harness.processElement1(record("RX2", null, 2), 0);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);
        assertThat(Harnesses.keyedStateEntries(harness)).isPositive();

        harness.setProcessingTime(WINDOW.toMillis() + 1);
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(Harnesses.keyedStateEntries(harness)).isZero();
    }

    @Test
    void aWaitingRecordItsLastOutputAndTheIdleTimerSurviveARestore() throws Exception {
        harness.processElement1(record("RX1", null, 1), 0);
        harness.processElement1(record("RX2", null, 2), 0);
        harness.processElement2(marked("RX2", null, null), 0);
        assertThat(out()).hasSize(1);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 0);
        harness.close();

        // built by hand: ProcessFunctionTestHarnesses opens the harness, and state is restored before open
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new HotlineMasterJoin(WINDOW)),
                DwdRecord::recordId,
                HotlineMasterJoin::caseId,
                Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        assertThat(harness.numProcessingTimeTimers())
                .as("both cases' idle timers")
                .isEqualTo(2);

        // RX1's decision arrives after the restore: the record that waited in state goes out with it
        harness.processElement2(marked("RX1", null, "RX0"), 0);
        assertThat(out()).singleElement().satisfies(r -> {
            assertThat(r.recordId()).isEqualTo("RX1");
            assertThat(r.masterCaseId()).isEqualTo("RX0");
            assertThat(r.position()).isEqualTo("raw.hotline:0:1");
        });
        // RX2 went out before the snapshot: its replay writes nothing again
        harness.processElement1(record("RX2", null, 2), 0);
        harness.processElement2(marked("RX2", null, null), 0);
        assertThat(out()).hasSize(1);

        harness.setProcessingTime(WINDOW.toMillis() + 1);
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(Harnesses.keyedStateEntries(harness)).isZero();
    }

    @Test
    void onlyCallsOfAKnownCallerWaitForTheMarker() {
        DwdRecord call = record("RX1", null, 1);
        assertThat(HotlineMasterJoin.needsMaster(call)).isTrue();
        assertThat(HotlineMasterJoin.needsMaster(call.withMaster(null))).isTrue();
        DwdRecord anonymous = new DwdRecord(
                SourceType.HOTLINE,
                "RX9",
                "raw.hotline:0:9",
                1L,
                1L,
                null,
                "C0101",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(HotlineMasterJoin.needsMaster(anonymous)).isFalse();
        DwdRecord petition = new DwdRecord(
                SourceType.PETITION,
                "XF1",
                "raw.petition:0:1",
                1L,
                1L,
                "k",
                "C0701",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(HotlineMasterJoin.needsMaster(petition)).isFalse();
        assertThat(WarehouseSchema.DWD_HOTLINE_CASE.name())
                .isEqualTo(rows("RX1", null).get(1).table);
    }
}

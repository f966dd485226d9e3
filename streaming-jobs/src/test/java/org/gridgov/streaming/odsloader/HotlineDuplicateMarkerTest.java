package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.loading.OdsMapper;
import org.gridgov.loading.RawRecordMapper;
import org.gridgov.loading.cases.HotlineDuplicates;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 重复来电 on the harness: a caller's second call about a case still open is marked with the chain's first case, a
 * call after the first was closed or outside the window is not; replays write the same rows; state and the idle
 * timer go.
 */
class HotlineDuplicateMarkerTest {

    private static final Table DWD = WarehouseSchema.DWD_HOTLINE_CASE;
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 15, 9, 0);
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final String CARD_B = SampleRecords.idCardEndingInX("370112", java.time.LocalDate.of(1980, 5, 1), 7);

    private final OdsMapper mapper = RawRecordMapper.standardOdsMapper(new PiiProtector(TestRecords.SALT));
    private KeyedOneInputStreamOperatorTestHarness<String, TableRow, TableRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new HotlineDuplicateMarker(WINDOW), HotlineDuplicateMarker::key, Types.STRING);
        harness.setProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** The dwd_hotline_case row of a call by the sample caller (or {@code card}) about {@code category}. */
    private TableRow call(String id, String card, String category, LocalDateTime accepted, LocalDateTime closed) {
        SampleRecords.HotlineBuilder b = SampleRecords.hotlineBuilder()
                .caseId(id)
                .callerIdCard(card)
                .categoryCode(category)
                .acceptTime(accepted)
                .deadline(accepted.plusDays(3));
        b = closed == null
                ? b.status(CaseStatus.ACCEPTED).replyTime(null).closeTime(null)
                : b.status(CaseStatus.CLOSED).replyTime(closed).closeTime(closed);
        return mapper.rows(b.build()).stream()
                .filter(r -> r.table.equals(DWD.name()))
                .findFirst()
                .orElseThrow();
    }

    private TableRow call(String id, LocalDateTime accepted, LocalDateTime closed) {
        return call(id, SampleRecords.CALLER_ID_CARD, "C0101", accepted, closed);
    }

    private List<TableRow> feed(List<TableRow> rows) throws Exception {
        harness.getOutput().clear();
        for (TableRow r : rows) {
            harness.processElement(r, 0);
        }
        return harness.extractOutputValues();
    }

    private static String master(TableRow r) {
        return r.value(DWD, "master_case_id");
    }

    /**
     * RX1 open for 5 days; RX2 (day 1) and RX3 (day 4) repeat it; RX4 (day 6) comes after RX1 closed but while RX2 is
     * open: it belongs to the chain RX1 began. RX5 (day 20): everything before it is outside the window.
     */
    private List<TableRow> chain() {
        return List.of(
                call("RX1", T0, T0.plusDays(5)),
                call("RX2", T0.plusDays(1), T0.plusDays(8)),
                call("RX3", T0.plusDays(4), T0.plusDays(4).plusHours(2)),
                call("RX4", T0.plusDays(6), null),
                call("RX5", T0.plusDays(20), null));
    }

    @Test
    void repeatsOfAnOpenCaseGetTheEarliestRecordOfTheChainAndEveryRowComesOut() throws Exception {
        List<TableRow> out = feed(chain());
        assertThat(out).hasSize(5);
        assertThat(out).extracting(HotlineDuplicateMarkerTest::master).containsExactly(null, "RX1", "RX1", "RX1", null);
        assertThat(out).extracting(r -> r.value(DWD, "is_duplicate")).containsExactly("0", "1", "1", "1", "0");
        // nothing else in the row changes
        for (int i = 0; i < out.size(); i++) {
            assertThat(HotlineDuplicates.mark(chain().get(i), master(out.get(i))))
                    .isEqualTo(out.get(i));
        }
        assertThat(out.get(3).value(DWD, "close_time")).isNull();
        assertThat(out.get(0).value(DWD, "close_time")).isEqualTo("2024-01-20 09:00:00");
    }

    @Test
    void aCallAfterTheCaseClosedOrAboutAnotherCategoryOrByAnotherCallerIsNoRepeat() throws Exception {
        List<TableRow> out = feed(List.of(
                call("RX1", T0, T0.plusHours(5)),
                call("RX2", T0.plusHours(6), null),
                call("RX3", SampleRecords.CALLER_ID_CARD, "C0201", T0.plusHours(7), null),
                call("RX4", CARD_B, "C0101", T0.plusHours(8), null),
                call("RX5", CARD_B, "C0101", T0.plusHours(9), null)));
        // RX2 came after RX1 closed: a new problem, and RX5 repeats RX4 of the other caller only
        assertThat(out).extracting(HotlineDuplicateMarkerTest::master).containsExactly(null, null, null, null, "RX4");
    }

    @Test
    void aReplayWritesTheSameRowsAndALaterVersionOfTheMasterMovesNothingBack() throws Exception {
        List<TableRow> first = feed(chain());
        int entries = harness.numKeyedStateEntries();
        assertThat(feed(chain())).isEqualTo(first);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(entries);
        // the same input on a fresh operator gives the same rows: the marking depends on the records, not the run
        close();
        open();
        assertThat(feed(chain())).isEqualTo(first);
    }

    @Test
    void aNewerRecordForgetsNothingAndTheIdleTimerClearsTheKey() throws Exception {
        feed(chain());
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        // RX5, 20 days on, does not make RX3 forget its chain: a replay of RX3 finds RX1 again
        assertThat(master(feed(chain().subList(2, 3)).get(0))).isEqualTo("RX1");
        harness.setProcessingTime(WINDOW.toMillis() - 1);
        assertThat(harness.numKeyedStateEntries()).isGreaterThan(0);
        harness.setProcessingTime(WINDOW.toMillis());
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void eachRecordMovesTheKeysOneIdleTimer() throws Exception {
        List<TableRow> rows = new ArrayList<>(chain().subList(0, 2));
        feed(rows.subList(0, 1));
        harness.setProcessingTime(1000);
        feed(rows.subList(1, 2));
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        harness.setProcessingTime(WINDOW.toMillis());
        assertThat(harness.numKeyedStateEntries())
                .as("the first timer was deleted")
                .isGreaterThan(0);
        harness.setProcessingTime(WINDOW.toMillis() + 1000);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void rowsWithoutACallerBypassTheMarkerAndTheStateTypeIsAPojo() {
        TableRow anonymous = call("RX9", T0, null).with(DWD, "caller_key", null);
        assertThat(HotlineDuplicateMarker.marks(anonymous)).isFalse();
        assertThat(HotlineDuplicateMarker.marks(call("RX9", T0, null))).isTrue();
        // with generic types off (the loader's setting) a Kryo fallback would fail the job at start
        TypeInformation<HotlineDuplicates.Seen> type = TypeInformation.of(HotlineDuplicates.Seen.class);
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<HotlineDuplicates.Seen> pojo = (PojoTypeInfo<HotlineDuplicates.Seen>) type;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getPojoFieldAt(i).getTypeInformation())
                    .as(pojo.getPojoFieldAt(i).getField().getName())
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
        assertThatThrownBy(() -> new HotlineDuplicateMarker(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    @Test
    void anEarlierCallArrivingLateReMarksTheLaterCallsSoTheRowsDoNotDependOnArrivalOrder() throws Exception {
        List<TableRow> inOrder = feed(chain());
        close();
        open();
        List<TableRow> c = chain();
        // RX3, RX4, RX2 first (other partitions were faster), then RX1, then RX5
        List<TableRow> out = feed(List.of(c.get(2), c.get(3), c.get(1), c.get(0), c.get(4)));
        java.util.Map<String, TableRow> last = new java.util.LinkedHashMap<>();
        out.forEach(r -> last.put(r.value(DWD, "case_id"), r));
        assertThat(last.values()).containsExactlyInAnyOrderElementsOf(inOrder);
        // RX2 re-marked RX3 and RX4 (to RX2), then RX1 re-marked RX2, RX3 and RX4: 5 records, 10 rows
        assertThat(out).hasSize(10);
        assertThat(out.subList(3, 5))
                .extracting(HotlineDuplicateMarkerTest::master)
                .containsExactly("RX2", "RX2");
        assertThat(out.subList(5, 9))
                .extracting(r -> r.value(DWD, "case_id") + ">" + master(r))
                .containsExactly("RX1>null", "RX2>RX1", "RX3>RX1", "RX4>RX1");
    }
}

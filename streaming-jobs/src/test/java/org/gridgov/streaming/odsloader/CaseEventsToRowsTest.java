package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** case.events on the harness: ODS and DWD rows per event, dead letters with reasons, state dropped after 结案. */
class CaseEventsToRowsTest {

    private KeyedOneInputStreamOperatorTestHarness<String, RawRecord, TableRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CaseEventsToRows(), r -> r.key == null ? "" : r.key, Types.STRING);
        harness.setProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<TableRow> feed(List<RawRecord> records) throws Exception {
        for (RawRecord r : records) {
            harness.processElement(r, 0);
        }
        return harness.extractOutputValues();
    }

    private static List<TableRow> of(List<TableRow> rows, String table) {
        return rows.stream().filter(r -> r.table.equals(table)).toList();
    }

    @Test
    void everyEventLandsInOdsAndTheCaseRowIsRebuiltWithTheFinalDurations() throws Exception {
        List<TableRow> out = feed(CaseWalks.records(1, 0));
        assertThat(of(out, "ods_case_event")).hasSize(CaseWalks.EVENTS_PER_CASE);
        List<TableRow> dwd = of(out, "dwd_case");
        assertThat(dwd).hasSize(CaseWalks.EVENTS_PER_CASE);
        TableRow last = dwd.get(dwd.size() - 1);
        assertThat(last.value(CaseTables.DWD_CASE, "handle_minutes")).isEqualTo("450");
        assertThat(last.value(CaseTables.DWD_CASE, "verify_minutes")).isEqualTo("120");
        assertThat(last.value(CaseTables.DWD_CASE, "rejected_cnt")).isEqualTo("1");
        assertThat(last.value(CaseTables.DWD_CASE, "supervised_cnt")).isEqualTo("2");
        assertThat(last.value(CaseTables.DWD_CASE, "is_closed")).isEqualTo("1");
    }

    @Test
    void aReplayedEventRewritesTheSameRows() throws Exception {
        List<RawRecord> records = CaseWalks.records(2, 0);
        List<TableRow> first = feed(records);
        TableRow finalRow = first.get(first.size() - 1);
        harness.getOutput().clear();
        List<TableRow> again = feed(records.subList(3, 5));
        assertThat(of(again, "dwd_case")).containsOnly(finalRow);
        assertThat(of(again, "ods_case_event"))
                .containsExactlyElementsOf(of(first, "ods_case_event").subList(3, 5));
    }

    @Test
    void unreadableOrMisKeyedEventsBecomeDeadLettersWithReasons() throws Exception {
        RawRecord broken = new RawRecord(CaseWalks.TOPIC, 1, 7, 1_700_000_000_000L, "CS-X", "{\"case_id\":1", false);
        RawRecord good = CaseWalks.records(3, 0).get(0);
        RawRecord misKeyed = new RawRecord(good.topic, 1, 8, good.timestamp, "CS-OTHER", good.value, false);
        List<TableRow> out = feed(List.of(broken, misKeyed));
        assertThat(out).extracting(r -> r.table).containsOnly("dlq_record");
        assertThat(out)
                .extracting(r -> r.value(WarehouseSchema.DLQ_RECORD, "dlq_id"))
                .containsExactly("case.events:1:7", "case.events:1:8");
        assertThat(out.get(0).value(WarehouseSchema.DLQ_RECORD, "reason")).contains("not valid JSON");
        assertThat(out.get(1).value(WarehouseSchema.DLQ_RECORD, "error_field")).isEqualTo("case_id");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aClosedCaseLeavesStateAfterTheRetentionAndALateEventThenRebuildsNothing() throws Exception {
        List<RawRecord> records = CaseWalks.records(4, 0);
        feed(records);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isGreaterThan(0);
        harness.setProcessingTime(CaseEventsToRows.RETENTION_MS);
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
        harness.getOutput().clear();
        List<TableRow> late = feed(records.subList(9, 10));
        assertThat(late).extracting(r -> r.table).containsExactly("ods_case_event");
    }
}

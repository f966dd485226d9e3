package org.gridgov.streaming.odsloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.gridgov.common.district.District;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordToRowsTest {

    private static final long KAFKA_TS = 1_731_630_600_000L; // 2024-11-15 08:30 +08:00

    private OneInputStreamOperatorTestHarness<RawRecord, TableRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new RecordToRows(new PiiProtector(TestRecords.SALT)));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<TableRow> process(RawRecord raw) throws Exception {
        int before = harness.extractOutputValues().size();
        harness.processElement(raw, 0L);
        List<TableRow> all = harness.extractOutputValues();
        return new ArrayList<>(all.subList(before, all.size()));
    }

    private static RawRecord raw(SourceType s, int partition, long offset, String key, String json) {
        return new RawRecord(s.rawTopic(), partition, offset, KAFKA_TS, key, json, false);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void validRecordBecomesItsTables(SourceType source) throws Exception {
        List<TableRow> rows = process(raw(source, 0, 7, TestRecords.recordId(source, 4), TestRecords.valid(source, 4)));

        // record 4 of the grid source is a version 1 PATROL without a track: no dwd_grid_patrol row
        List<String> expected = source == SourceType.HOTLINE
                ? List.of("ods_hotline_case", "dwd_hotline_case")
                : List.of(org.gridgov.loading.OdsMapper.odsTable(source).name());
        assertThat(rows).extracting(r -> r.table).containsExactlyElementsOf(expected);
        for (TableRow row : rows) {
            Table t = WarehouseSchema.table(row.table);
            assertThat(row.values[0]).as(row.table + " key").isEqualTo(TestRecords.recordId(source, 4));
            assertThat(row.values).hasSize(t.columns().size());
        }
    }

    @Test
    void hotlineDwdRowIsConformedToGridAndCategory() throws Exception {
        HotlineCase c = (HotlineCase) TestRecords.record(SourceType.HOTLINE, 3);
        List<TableRow> rows = process(raw(SourceType.HOTLINE, 0, 1, c.caseId(), Json.write(c)));

        TableRow dwd = rows.get(1);
        String grid = District.licheng()
                .locate(c.latitude(), c.longitude())
                .orElseThrow()
                .code();
        assertThat(dwd.value(WarehouseSchema.DWD_HOTLINE_CASE, "grid_code")).isEqualTo(grid);
        assertThat(dwd.value(WarehouseSchema.DWD_HOTLINE_CASE, "category_code")).isEqualTo(c.categoryCode());
        assertThat(dwd.value(WarehouseSchema.DWD_HOTLINE_CASE, "caller_key"))
                .hasSize(32)
                .isEqualTo(rows.get(0).value(WarehouseSchema.ODS_HOTLINE_CASE, "caller_key"));
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void eachKindOfInvalidRecordBecomesExactlyOneDeadLetter(SourceType source) throws Exception {
        long offset = 100;
        for (TestRecords.Invalid bad : TestRecords.invalid(source, 2)) {
            String json = new String(bad.value(), java.nio.charset.StandardCharsets.UTF_8);
            List<TableRow> rows = process(raw(source, 1, offset, bad.key(), json));

            assertThat(rows).as(bad.reasonFragment()).hasSize(1);
            TableRow dlq = rows.get(0);
            assertThat(dlq.table).isEqualTo("dlq_record");
            assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "dlq_id")).isEqualTo(source.rawTopic() + ":1:" + offset);
            assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "source")).isEqualTo(source.rawTopic());
            assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "record_key")).isEqualTo(bad.key());
            assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "reason")).contains(bad.reasonFragment());
            assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "received_time")).isEqualTo("2024-11-15 08:30:00");
            offset++;
        }
    }

    @Test
    void missingFieldNamesTheFieldAndKeepsTheRedactedPayload() throws Exception {
        TestRecords.Invalid missing =
                TestRecords.invalid(SourceType.PETITION, 5).get(1);
        String json = new String(missing.value(), java.nio.charset.StandardCharsets.UTF_8);

        TableRow dlq = process(raw(SourceType.PETITION, 0, 9, null, json)).get(0);

        assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "error_field")).isEqualTo("petition_id");
        assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "reason")).isEqualTo("petition_id: required field is missing");
        assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "record_key")).isNull();
        assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "payload"))
                .contains("反映拖欠工程款问题")
                .doesNotContain(TestRecords.idCard(5))
                .contains(PiiProtector.maskIdCard(TestRecords.idCard(5)));
    }

    @Test
    void replayingARejectedRecordGivesTheSameDeadLetterRow() throws Exception {
        RawRecord bad = raw(SourceType.GRID, 1, 77, "k", "{oops");
        assertThat(process(bad)).isEqualTo(process(bad));
    }

    @Test
    void bytesThatWereNotUtf8AreADeadLetterEvenIfTheTextParses() throws Exception {
        byte[] gbk = TestRecords.gbk(1);
        assertThat(RawRecordDeserializer.isUtf8(gbk)).isFalse();
        RawRecord raw =
                new RawRecord("raw.hotline", 0, 3, KAFKA_TS, "RX00000001", RawRecordDeserializer.text(gbk), true);

        List<TableRow> rows = process(raw);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.table).isEqualTo("dlq_record");
            assertThat(r.value(WarehouseSchema.DLQ_RECORD, "reason")).contains("not valid UTF-8");
        });
    }

    @Test
    void nullValueAndUnknownTopicAreDeadLettersNotFailures() throws Exception {
        assertThat(process(raw(SourceType.POLICE, 0, 1, "tombstone", null)))
                .singleElement()
                .satisfies(r -> assertThat(r.value(WarehouseSchema.DLQ_RECORD, "reason"))
                        .contains("expected a JSON object"));
        assertThat(process(new RawRecord("raw.unknown", 0, 1, KAFKA_TS, null, "{}", false)))
                .singleElement()
                .satisfies(r -> assertThat(r.value(WarehouseSchema.DLQ_RECORD, "reason"))
                        .contains("not a raw topic"));
    }

    @Test
    void recordThatPassesValidationButCannotBeMappedIsADeadLetter() throws Exception {
        // OdsMapper throws e.g. for a valid place that lies in no grid; the real layout has no such place today
        RecordToRows failingMapper = new RecordToRows(new PiiProtector(TestRecords.SALT)) {
            @Override
            List<TableRow> rows(SourceRecord record) {
                throw new IllegalArgumentException(
                        "case " + record.recordId() + " passed validation but lies in no grid");
            }
        };
        try (OneInputStreamOperatorTestHarness<RawRecord, TableRow> h =
                ProcessFunctionTestHarnesses.forProcessFunction(failingMapper)) {
            h.processElement(raw(SourceType.HOTLINE, 0, 5, "RX00000008", TestRecords.valid(SourceType.HOTLINE, 8)), 0L);

            assertThat(h.extractOutputValues()).singleElement().satisfies(r -> {
                assertThat(r.table).isEqualTo("dlq_record");
                assertThat(r.value(WarehouseSchema.DLQ_RECORD, "dlq_id")).isEqualTo("raw.hotline:0:5");
                assertThat(r.value(WarehouseSchema.DLQ_RECORD, "reason"))
                        .isEqualTo("$: mapping failed: case RX00000008 passed validation but lies in no grid");
            });
        }
    }

    @Test
    void noClearIdCardOrMobileLeavesTheFunction() throws Exception {
        List<String> clear = new ArrayList<>();
        long offset = 0;
        for (SourceType s : SourceType.values()) {
            for (int i = 0; i < 12; i++) {
                clear.add(TestRecords.idCard(i));
                clear.add(TestRecords.mobile(i));
                process(raw(s, 0, offset++, TestRecords.recordId(s, i), TestRecords.valid(s, i)));
            }
            for (TestRecords.Invalid bad : TestRecords.invalid(s, 3)) {
                process(raw(
                        s, 0, offset++, bad.key(), new String(bad.value(), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        PiiScan scan = new PiiScan(clear);
        List<TableRow> out = harness.extractOutputValues();
        assertThat(out).hasSizeGreaterThan(5 * 12 + 25);
        for (TableRow row : out) {
            assertThat(scan.problems(WarehouseSchema.table(row.table), row.values))
                    .as(row.table)
                    .isEmpty();
        }
    }

    @Test
    void countsLoadedAndDeadLetteredRecords() throws Exception {
        process(raw(SourceType.HOTLINE, 0, 1, null, TestRecords.valid(SourceType.HOTLINE, 1)));
        process(raw(SourceType.GRID, 0, 2, null, TestRecords.valid(SourceType.GRID, 2)));
        process(raw(SourceType.GRID, 0, 3, null, "[]"));

        var accumulators = harness.getEnvironment().getAccumulatorRegistry().getUserMap();
        assertThat(accumulators.get(RecordToRows.VALID).getLocalValue()).isEqualTo(2L);
        assertThat(accumulators.get(RecordToRows.DEAD_LETTERS).getLocalValue()).isEqualTo(1L);
    }

    @Test
    void functionIsStatelessSoItNeedsNoKeyByAndNoCleanup() throws Exception {
        for (int i = 0; i < 5; i++) {
            process(raw(SourceType.ARREARS, 0, i, null, TestRecords.valid(SourceType.ARREARS, i)));
        }
        process(raw(SourceType.ARREARS, 0, 99, null, "not json"));

        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);

        // the harness is not keyed: running at all shows no keyed state is needed
        assertThat(snapshot.getManagedKeyedState()).isEmpty();
        assertThat(snapshot.getRawKeyedState()).isEmpty();
        assertThat(snapshot.getManagedOperatorState()).isEmpty();
        assertThat(snapshot.getRawOperatorState()).isEmpty();
    }
}

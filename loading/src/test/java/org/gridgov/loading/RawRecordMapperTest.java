package org.gridgov.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.common.validation.Violation;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one validate → protect → map step both loading paths call; the paths' own tests cover their additions. */
class RawRecordMapperTest {

    private static final LocalDateTime RECEIVED = LocalDateTime.of(2024, 1, 31, 18, 0, 2);
    private final RawRecordMapper mapper = RawRecordMapper.standard(SampleRecords.pii());

    private static RecordOrigin origin(String position, String key, String payload) {
        return new RecordOrigin("hotline-20240131.csv", position, key, payload, RECEIVED);
    }

    private static String dlq(LoadOutcome o, String column) {
        return o.deadLetter().value(WarehouseSchema.DLQ_RECORD, column);
    }

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void validRecordBecomesItsRowsKeyedByItsOdsKey(SourceType source) {
        LoadOutcome o = mapper.map(source, SampleRecords.json(source), origin("f:2", "k", "line"));

        assertThat(o.accepted()).isTrue();
        assertThat(o.output()).isEqualTo(o.rows());
        TableRow ods = o.rows().get(0);
        assertThat(ods.table).isEqualTo(OdsMapper.odsTable(source).name());
        assertThat(o.key()).startsWith(ods.values[0] + "\u0001");
    }

    @Test
    void invalidRecordIsOneDeadLetterWithItsOriginAndARedactedPayload() {
        String payload = "{\"case_id\":\"RX1\",\"caller_id_card\":\"" + SampleRecords.CALLER_ID_CARD + "\"}";
        LoadOutcome o = mapper.map(SourceType.HOTLINE, payload, origin("hotline-20240131.csv:7", "RX1", payload));

        assertThat(o.accepted()).isFalse();
        assertThat(o.output()).containsExactly(o.deadLetter());
        assertThat(o.key()).isEqualTo("hotline-20240131.csv:7");
        assertThat(dlq(o, "dlq_id")).isEqualTo("hotline-20240131.csv:7");
        assertThat(dlq(o, "source")).isEqualTo("hotline-20240131.csv");
        assertThat(dlq(o, "record_key")).isEqualTo("RX1");
        assertThat(dlq(o, "received_time")).isEqualTo("2024-01-31 18:00:02");
        assertThat(dlq(o, "payload")).doesNotContain(SampleRecords.CALLER_ID_CARD);
    }

    @Test
    void earlierProblemsComeFirstAndReplaceTheDecodersComplaintAboutTheSameField() {
        LoadOutcome o = mapper.map(
                SourceType.HOTLINE,
                "{}",
                List.of(new Violation("accept_time", "expected a time like 'yyyy/MM/dd', got '2024/13/45'")),
                origin("f:3", null, "line"));

        assertThat(dlq(o, "error_field")).isEqualTo("accept_time");
        assertThat(dlq(o, "reason"))
                .startsWith("accept_time: expected a time like")
                .doesNotContain("accept_time: required field is missing");
    }

    @Test
    void aMappingFailureAfterValidationIsADeadLetterNotAnException() {
        RawRecordMapper failing = new RawRecordMapper(RecordDecoder.standard(), r -> {
            throw new IllegalArgumentException("case " + r.recordId() + " passed validation but lies in no grid");
        });
        LoadOutcome o = failing.map(SourceType.HOTLINE, SampleRecords.hotlineJson(), origin("f:4", "RX", "line"));

        assertThat(dlq(o, "reason"))
                .isEqualTo("$: mapping failed: case " + SampleRecords.hotline().caseId()
                        + " passed validation but lies in no grid");
        assertThat(dlq(o, "record_key")).isEqualTo("RX");
    }

    @Test
    void theRecordDoneHookRunsAfterEachValidRecordAlsoWhenItsMappingFails() {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        RawRecordMapper failing = new RawRecordMapper(
                RecordDecoder.standard(),
                r -> {
                    throw new IllegalArgumentException("lies in no grid");
                },
                r -> List.of(),
                done::incrementAndGet);
        RawRecordMapper mapping = new RawRecordMapper(
                RecordDecoder.standard(),
                RawRecordMapper.standardOdsMapper(SampleRecords.pii())::rows,
                r -> List.of(),
                done::incrementAndGet);

        failing.map(SourceType.HOTLINE, SampleRecords.hotlineJson(), origin("f:5", "RX", "line"));
        LoadOutcome ok = mapping.map(SourceType.HOTLINE, SampleRecords.hotlineJson(), origin("f:6", "RX", "line"));

        assertThat(ok.accepted()).isTrue();
        assertThat(done.get()).isEqualTo(2);
    }

    @Test
    void aRecordRejectedBeforeDecodingNamesTheFieldAndReason() {
        LoadOutcome o = RawRecordMapper.reject(origin("raw.x:0:1", null, "{}"), "$", "not a raw topic: raw.x");
        assertThat(dlq(o, "reason")).isEqualTo("$: not a raw topic: raw.x");
        assertThat(o.rows()).isEmpty();
    }
}

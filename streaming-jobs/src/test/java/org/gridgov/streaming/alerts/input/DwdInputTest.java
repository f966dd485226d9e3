package org.gridgov.streaming.alerts.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.loading.LoadOutcome;
import org.gridgov.loading.RawRecordMapper;
import org.gridgov.loading.RecordOrigin;
import org.gridgov.streaming.odsloader.DwdRecords;
import org.junit.jupiter.api.Test;

/**
 * Validate once (issue 15): a record read from its dwd topic (the loader's conformed record, Avro) is the same
 * {@link InputEvent} the alert job made of the raw record before, field for field, without decoding JSON, validating,
 * locating or hashing; plus the loader's 重复来电 marking.
 */
class DwdInputTest {

    private static final long KAFKA_TS = 1_700_000_000_000L;

    private final InputDecoder decoder = new InputDecoder(SampleRecords.pii(), SampleRecords.CLOCK);
    private final RawRecordMapper loader =
            new RawRecordMapper(SampleRecords.decoder(), RawRecordMapper.standardOdsMapper(SampleRecords.pii())::rows);

    /** The raw record through the loader's conform step and the dwd topic's serde, read as the alert job reads it. */
    private InputEvent viaDwd(SourceType s, String json, String master) {
        String position = s.rawTopic() + ":1:42";
        LoadOutcome o = loader.map(
                s,
                json,
                new RecordOrigin(s.rawTopic(), position, "key-1", json, LocalDateTime.of(2023, 11, 15, 6, 13, 20)));
        assertThat(o.accepted()).as(s.name()).isTrue();
        DwdRecord r =
                DwdRecords.of(s, o.rows(), position, KAFKA_TS).orElseThrow().withMaster(master);
        byte[] bytes = Topics.dwd(s).valueSerde().serializer().serialize(s.dwdTopic(), r);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .doesNotContain(SampleRecords.clearPii().toArray(String[]::new));
        return decoder.decodeDwd(s.dwdTopic(), 0, 7, KAFKA_TS + 5, r.kafkaKey(), bytes);
    }

    private InputEvent viaRaw(SourceType s, String json) {
        return decoder.decode(s.rawTopic(), 1, 42, KAFKA_TS, "key-1", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void petitionsCallsAndIncidentsReadFromDwdAreTheEventsTheRawPathMade() {
        for (SourceType s : new SourceType[] {SourceType.PETITION, SourceType.HOTLINE, SourceType.POLICE}) {
            String json = SampleRecords.json(s);
            InputEvent raw = viaRaw(s, json);
            InputEvent dwd = viaDwd(s, json, null);
            assertThat(raw.kind).as(s.name()).isNotEqualTo(InputKind.REJECTED);
            // the input id is the raw record's position, so dead-letter and late rows keep their ids
            assertThat(dwd).as(s.name()).usingRecursiveComparison().isEqualTo(raw);
        }
    }

    @Test
    void aCompanyIsReadInTheCanonicalFormTheRawPathComputed() {
        String json = SampleRecords.json(
                SampleRecords.petitionBuilder().companyName("历城 建设(集团)有限公司").build());
        assertThat(viaDwd(SourceType.PETITION, json, null).companyName)
                .isEqualTo(viaRaw(SourceType.PETITION, json).companyName)
                .doesNotContain(" ", "(");
    }

    @Test
    void aRepeatCallCarriesItsMasterIntoTheCallsProblem() {
        InputEvent e = viaDwd(SourceType.HOTLINE, SampleRecords.hotlineJson(), "RX-MASTER-1");
        assertThat(e.masterCaseId).isEqualTo("RX-MASTER-1");
        assertThat(PersonEvent.of(e, PersonEvent.Kind.CALL).problemId).isEqualTo("RX-MASTER-1");
        InputEvent first = viaDwd(SourceType.HOTLINE, SampleRecords.hotlineJson(), null);
        assertThat(PersonEvent.of(first, PersonEvent.Kind.CALL).problemId).isEqualTo(first.recordId);
    }

    @Test
    void bytesThatAreNoDwdRecordAreRejectedWithTheReasonNotDropped() {
        InputEvent e = decoder.decodeDwd(
                SourceType.PETITION.dwdTopic(),
                1,
                3,
                KAFKA_TS,
                "k",
                SampleRecords.petitionJson().getBytes(StandardCharsets.UTF_8));
        assertThat(e.kind).isEqualTo(InputKind.REJECTED);
        assertThat(e.inputId).isEqualTo("dwd.petition:1:3");
        assertThat(e.reason).contains("not a dwd record");
        assertThat(decoder.decodeDwd(SourceType.ARREARS.dwdTopic(), 0, 0, KAFKA_TS, "k", new byte[] {1}).reason)
                .contains("not an input topic");
        assertThat(decoder.decodeDwd(SourceType.HOTLINE.dwdTopic(), 0, 0, KAFKA_TS, "k", null).reason)
                .contains("tombstone");
    }
}

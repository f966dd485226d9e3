package org.gridgov.streaming.alerts.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.streaming.alerts.EventTimes;
import org.junit.jupiter.api.Test;

class InputDecoderTest {

    private final InputDecoder decoder = new InputDecoder(SampleRecords.pii(), SampleRecords.CLOCK);

    private InputEvent decode(String topic, String json) {
        return decoder.decode(
                topic, 1, 42, 1_700_000_000_000L, "key-1", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void petitionBecomesAPersonEventWithTheSaltedKeyOnly() {
        InputEvent e = decode(SourceType.PETITION.rawTopic(), SampleRecords.petitionJson());

        assertThat(e.kind).isEqualTo(InputKind.PETITION);
        assertThat(e.inputId).isEqualTo("raw.petition:1:42");
        assertThat(e.recordId).isEqualTo(SampleRecords.petition().petitionId());
        assertThat(e.personKey)
                .isEqualTo(SampleRecords.pii().idCardKey(SampleRecords.PETITIONER_ID_CARD))
                .hasSize(32);
        assertThat(e.eventTime).isEqualTo(EventTimes.millis(SampleRecords.PETITION_TIME));
        assertThat(e.categoryCode).isEqualTo(SampleRecords.petition().categoryCode());
        assertThat(e.toString()).doesNotContain(e.personKey);
        assertThat(Json.write(e)).doesNotContain(SampleRecords.PETITIONER_ID_CARD, SampleRecords.PETITIONER_PHONE);
    }

    @Test
    void hotlineCaseCarriesTheCallerAndTheCaseTimes() {
        InputEvent e = decode(SourceType.HOTLINE.rawTopic(), SampleRecords.hotlineJson());

        assertThat(e.kind).isEqualTo(InputKind.HOTLINE);
        assertThat(e.personKey)
                .isEqualTo(SampleRecords.pii().personKey(SampleRecords.CALLER_ID_CARD, SampleRecords.CALLER_PHONE));
        assertThat(e.acceptTime)
                .isEqualTo(EventTimes.millis(SampleRecords.HOTLINE_ACCEPT))
                .isEqualTo(e.eventTime);
        assertThat(e.deadline).isEqualTo(EventTimes.millis(SampleRecords.HOTLINE_DEADLINE));
        assertThat(e.replyTime).isEqualTo(EventTimes.millis(SampleRecords.HOTLINE_REPLY));
        assertThat(e.closeTime).isEqualTo(EventTimes.millis(SampleRecords.HOTLINE_CLOSE));
        assertThat(Json.write(e)).doesNotContain(SampleRecords.CALLER_ID_CARD, SampleRecords.CALLER_PHONE);
    }

    @Test
    void anonymousCallerHasNoPersonKey() {
        String json = SampleRecords.json(SampleRecords.hotlineBuilder()
                .callerIdCard(null)
                .callerPhone(null)
                .callerName(null)
                .build());
        InputEvent e = decode(SourceType.HOTLINE.rawTopic(), json);

        assertThat(e.kind).isEqualTo(InputKind.HOTLINE);
        assertThat(e.personKey).isNull();
    }

    @Test
    void aGenuineReplacementCharacterIsTextNotAnEncodingError() {
        String json = SampleRecords.json(
                SampleRecords.petitionBuilder().content("反映\uFFFD问题").build());
        assertThat(decode(SourceType.PETITION.rawTopic(), json).kind).isEqualTo(InputKind.PETITION);
    }

    @Test
    void policeIncidentAndCaseEvent() {
        InputEvent police = decode(SourceType.POLICE.rawTopic(), SampleRecords.policeJson());
        assertThat(police.kind).isEqualTo(InputKind.POLICE);
        assertThat(police.personKey).isEqualTo(SampleRecords.pii().idCardKey(SampleRecords.POLICE_PERSON_ID_CARD));

        CaseEvent created = new CaseEvent(
                1,
                "EV-1",
                "CS-7",
                "case-service",
                CaseEventType.CREATED,
                SampleRecords.HOTLINE_DEADLINE,
                SampleRecords.HOTLINE_ACCEPT,
                "网格员",
                "上报");
        InputEvent ev = decode(Topics.CASE_EVENTS.name(), Json.write(created));
        assertThat(ev.kind).isEqualTo(InputKind.CASE_EVENT);
        assertThat(ev.caseId).isEqualTo("CS-7");
        assertThat(ev.recordId).isEqualTo("EV-1");
        assertThat(ev.caseEventType).isEqualTo("CREATED");
        assertThat(ev.deadline).isEqualTo(EventTimes.millis(SampleRecords.HOTLINE_DEADLINE));
        assertThat(ev.eventTime).isEqualTo(EventTimes.millis(SampleRecords.HOTLINE_ACCEPT));
    }

    @Test
    void badRecordsAreRejectedWithAReasonAndNoClearPii() {
        String broken =
                SampleRecords.tree(SourceType.PETITION).put("latitude", "abc").toString();
        InputEvent invalid = decode(SourceType.PETITION.rawTopic(), broken);
        assertThat(invalid.kind).isEqualTo(InputKind.REJECTED);
        assertThat(invalid.reason).contains("latitude");
        assertThat(invalid.eventTime).isEqualTo(1_700_000_000_000L);

        String withId = SampleRecords.tree(SourceType.PETITION)
                .put("person_id_card", "37011219520301123Y")
                .toString();
        assertThat(decode(SourceType.PETITION.rawTopic(), withId).reason).doesNotContain("37011219520301123");

        assertThat(decode(SourceType.PETITION.rawTopic(), "{not json").reason).contains("not valid JSON");
        assertThat(decode(SourceType.PETITION.rawTopic(), null).reason).contains("tombstone");
        byte[] gbk = "{\"content\":\"拖欠工资\"}".getBytes(Charset.forName("GBK"));
        assertThat(decoder.decode(SourceType.PETITION.rawTopic(), 0, 0, 0, null, gbk).reason)
                .contains("UTF-8");
        assertThat(decode(SourceType.GRID.rawTopic(), SampleRecords.gridRecordJson()).reason)
                .contains("no alert rule reads raw.grid");
        assertThat(decode(Topics.CASE_EVENTS.name(), "{\"schema_version\":1}").kind)
                .isEqualTo(InputKind.REJECTED);
    }
}

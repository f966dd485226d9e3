package org.gridgov.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.junit.jupiter.api.Test;

class EventDecoderTest {

    private static final LocalDateTime T = LocalDateTime.of(2024, 1, 15, 9, 30);

    @Test
    void caseEventRoundTrips() {
        CaseEvent e = new CaseEvent(
                1, "E1", "RX20240115-0000001", "hotline", CaseEventType.CREATED, T.plusDays(5), T, "指挥中心", "市民反映暖气不热");
        assertThat(EventDecoder.caseEvent(Json.write(e)).value()).isEqualTo(e);
    }

    @Test
    void caseServiceFactsRoundTripAndAFlagMustBeBoolean() {
        CaseEvent e = new CaseEvent(
                1,
                "C1-2-ASSIGNED",
                "C1",
                "case-service",
                CaseEventType.ASSIGNED,
                T.plusDays(3),
                T,
                "指挥中心",
                null,
                "GRID_APP",
                "C0101",
                "G010101",
                "S01",
                "D03",
                "HANDLE",
                false,
                true);
        assertThat(EventDecoder.caseEvent(Json.write(e)).value()).isEqualTo(e);
        String json = Json.write(e).replace("\"self_handled\":false", "\"self_handled\":\"是\"");
        assertThat(EventDecoder.caseEvent(json).violations())
                .containsExactly(new Violation("self_handled", "expected true or false, got '是'"));
    }

    @Test
    void createdEventNeedsADeadlineAfterItsTime() {
        CaseEvent noDeadline = new CaseEvent(1, "E1", "C1", "case-service", CaseEventType.CREATED, null, T, null, null);
        assertThat(EventDecoder.caseEvent(Json.write(noDeadline)).violations())
                .containsExactly(new Violation("deadline", "required field is missing"));
        CaseEvent early =
                new CaseEvent(1, "E1", "C1", "case-service", CaseEventType.CREATED, T.minusDays(1), T, null, null);
        assertThat(EventDecoder.caseEvent(Json.write(early)).firstField()).isEqualTo("deadline");
    }

    @Test
    void chineseEventTypeLabelIsAccepted() {
        String json = "{\"schema_version\":1,\"event_id\":\"E2\",\"case_id\":\"C1\",\"origin\":\"case-service\","
                + "\"type\":\"结案\",\"event_time\":\"2024-01-20 10:00:00\"}";
        assertThat(EventDecoder.caseEvent(json).value().type()).isEqualTo(CaseEventType.CLOSED);
    }

    @Test
    void alertRoundTripsAndNeedsEvidence() {
        Alert a = new Alert(
                1, "A1", "repeat-petition", AlertLevel.ORANGE, "9f2c", List.of("XF1", "XF2", "XF3"), "30 天内信访 3 次", T);
        assertThat(EventDecoder.alert(Json.write(a)).value()).isEqualTo(a);

        Alert none = new Alert(1, "A1", "repeat-petition", AlertLevel.ORANGE, "9f2c", List.of(), "x", T);
        assertThat(EventDecoder.alert(Json.write(none)).violations())
                .extracting(Violation::field)
                .containsExactly("evidence_ids");
        String wrongType = Json.write(a).replace("[\"XF1\",\"XF2\",\"XF3\"]", "\"XF1\"");
        assertThat(EventDecoder.alert(wrongType).reason()).contains("evidence_ids: expected a list");
    }

    @Test
    void unknownLevelAndBadJsonAreRejectedWithTheField() {
        String json = Json.write(new Alert(1, "A1", "r", AlertLevel.RED, "k", List.of("X"), "m", T))
                .replace("RED", "紫");
        assertThat(EventDecoder.alert(json).reason()).startsWith("level: '紫' is not one of");
        assertThat(EventDecoder.caseEvent("{oops").firstField()).isEqualTo("$");
    }
}

package org.gridgov.ingestion.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridgov.common.json.Json;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

/** A dead-letter document of the gateway as the dlq_record row the archiver writes. */
class DeadLetterArchiverTest {

    @Test
    void aDeadLetterBecomesADlqRecordRowWithItsReasonAndAMaskedPayload() throws Exception {
        JsonNode doc = Json.mapper()
                .readTree("{\"source\":\"hotline\","
                        + "\"position\":\"http-12345-platform-20240131-1:7\","
                        + "\"record_key\":\"RX-7\",\"error_field\":\"caller_id_card\",\"reason\":\"caller_id_card: invalid\","
                        + "\"received_time\":\"2024-01-31 18:00:02\",\"payload\":\"{\\\"caller_phone\\\":\\\"13912345678\\\","
                        + "\\\"caller_id_card\\\":\\\"370112199001011234\\\"}\"}");
        TableRow row = DeadLetterArchiver.row("dlq.hotline", 1, 42, doc);
        assertThat(row.value(WarehouseSchema.DLQ_RECORD, "dlq_id")).isEqualTo("http-12345-platform-20240131-1:7");
        assertThat(row.value(WarehouseSchema.DLQ_RECORD, "source")).isEqualTo("dlq.hotline");
        assertThat(row.value(WarehouseSchema.DLQ_RECORD, "error_field")).isEqualTo("caller_id_card");
        assertThat(row.value(WarehouseSchema.DLQ_RECORD, "reason")).isEqualTo("caller_id_card: invalid");
        assertThat(row.value(WarehouseSchema.DLQ_RECORD, "received_time")).isEqualTo("2024-01-31 18:00:02");
        assertThat(row.value(WarehouseSchema.DLQ_RECORD, "payload"))
                .doesNotContain("13912345678", "370112199001011234")
                .contains("139****5678");
    }

    @Test
    void aLetterWithoutPositionIsIdentifiedByItsOffsetAndLongIdsStayDistinct() throws Exception {
        JsonNode bare = Json.mapper().readTree("{\"payload\":\"x\"}");
        TableRow row = DeadLetterArchiver.row("dlq.police", 0, 9, bare);
        assertThat(row.value(WarehouseSchema.DLQ_RECORD, "dlq_id")).isEqualTo("dlq.police:0:9");
        assertThat(row.value(WarehouseSchema.DLQ_RECORD, "error_field")).isEqualTo("$");
        JsonNode a = Json.mapper().readTree("{\"position\":\"" + "p".repeat(80) + ":1\"}");
        JsonNode b = Json.mapper().readTree("{\"position\":\"" + "p".repeat(80) + ":2\"}");
        String idA = DeadLetterArchiver.row("dlq.grid", 0, 1, a).value(WarehouseSchema.DLQ_RECORD, "dlq_id");
        String idB = DeadLetterArchiver.row("dlq.grid", 0, 2, b).value(WarehouseSchema.DLQ_RECORD, "dlq_id");
        assertThat(idA).hasSizeLessThanOrEqualTo(64).isNotEqualTo(idB);
    }
}

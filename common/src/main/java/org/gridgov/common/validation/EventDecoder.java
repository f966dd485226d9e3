package org.gridgov.common.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.model.SourceRecord;

/** Reads and checks the platform's own messages: case lifecycle events and alerts. Stateless and thread-safe. */
public final class EventDecoder {

    private EventDecoder() {}

    public static Decoded<CaseEvent> caseEvent(String json) {
        return decode(json, r -> {
            int v = version(r);
            String eventId = r.text("event_id", true, RecordDecoder.MAX_ID);
            String caseId = r.text("case_id", true, RecordDecoder.MAX_ID);
            String origin = r.text("origin", true, 32);
            CaseEventType type = r.enumValue("type", CaseEventType.class, true);
            var deadline = r.time("deadline", type == CaseEventType.CREATED);
            var time = r.time("event_time", true);
            String actor = r.text("actor", false, RecordDecoder.MAX_NAME);
            String note = r.text("note", false, RecordDecoder.MAX_TEXT);
            if (deadline != null && time != null && deadline.isBefore(time) && type == CaseEventType.CREATED) {
                r.reject("deadline", "is before the event time " + Json.time(time));
            }
            String channel = r.text("channel", false, 32);
            String category = r.text("category_code", false, 32);
            String grid = r.text("grid_code", false, 32);
            String street = r.text("street_code", false, 32);
            String department = r.text("department_code", false, 32);
            String step = r.text("step", false, 32);
            Boolean selfHandled = r.flag("self_handled", false);
            Boolean dispute = r.flag("dispute", false);
            String responseLevel = r.text("response_level", false, 32);
            var responseDeadline = r.time("response_deadline", false);
            String satisfaction = r.text("satisfaction", type == CaseEventType.RETURN_VISITED, 32);
            String master = r.text("master_case_id", type == CaseEventType.MERGED, RecordDecoder.MAX_ID);
            return new CaseEvent(
                    v,
                    eventId,
                    caseId,
                    origin,
                    type,
                    deadline,
                    time,
                    actor,
                    note,
                    channel,
                    category,
                    grid,
                    street,
                    department,
                    step,
                    selfHandled,
                    dispute,
                    responseLevel,
                    responseDeadline,
                    satisfaction,
                    master);
        });
    }

    public static Decoded<Alert> alert(String json) {
        return decode(json, r -> {
            int v = version(r);
            String alertId = r.text("alert_id", true, RecordDecoder.MAX_ID);
            String rule = r.text("rule", true, 64);
            AlertLevel level = r.enumValue("level", AlertLevel.class, true);
            String subject = r.text("subject_key", true, RecordDecoder.MAX_ID);
            List<String> evidence = r.textList("evidence_ids", true, RecordDecoder.MAX_ID);
            if (evidence != null && evidence.isEmpty()) {
                r.reject("evidence_ids", "an alert needs at least one evidence record");
            }
            String message = r.text("message", true, RecordDecoder.MAX_TEXT);
            var time = r.time("event_time", true);
            return new Alert(v, alertId, rule, level, subject, evidence, message, time);
        });
    }

    private static int version(FieldReader r) {
        Integer version = r.integer("schema_version", true);
        if (version != null && (version < 1 || version > SourceRecord.CURRENT_SCHEMA_VERSION)) {
            r.reject("schema_version", "unsupported version " + version);
        }
        return version == null ? 0 : version;
    }

    private static <T> Decoded<T> decode(String json, Function<FieldReader, T> read) {
        JsonNode node;
        try {
            node = json == null ? null : Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return Decoded.rejected(List.of(new Violation("$", "not valid JSON: " + e.getOriginalMessage())));
        }
        if (node == null || !node.isObject()) {
            return Decoded.rejected(List.of(new Violation("$", "expected a JSON object")));
        }
        List<Violation> violations = new ArrayList<>();
        T value = read.apply(new FieldReader(node, violations));
        return violations.isEmpty() ? Decoded.valid(value) : Decoded.rejected(violations);
    }
}

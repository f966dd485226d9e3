package org.gridgov.ingestion.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.common.validation.Violation;

/**
 * Maps one Open311 GeoReport v2 service request onto the JSON of a 12345 case, which then goes through the same
 * validation as every other hotline record:
 * <pre>
 * service_request_id  → case_id ("O311-" + id, so it cannot collide with the platform's own numbers)
 * service_code        → category_code (through {@link Open311Mapping}; unknown → rejected)
 * description         → content (service_name when the requester left it empty)
 * lat / long          → latitude / longitude (a request with an address only cannot be placed in a grid → rejected)
 * address             → address
 * agency_responsible  → department
 * requested_datetime  → accept_time     (ISO 8601; offsets converted to district time)
 * expected_datetime   → deadline
 * status open|closed  → ACCEPTED, ASSIGNED when an agency is responsible | CLOSED, close_time = updated_datetime
 * status_notes given  → reply_time = updated_datetime (a note to the requester is a reply)
 * last_name+first_name, phone (present in some exports) → caller_name, caller_phone
 * </pre>
 * Open311 has no channel; every imported case gets the configured one.
 */
public final class Open311Mapper {

    public static final String CASE_ID_PREFIX = "O311-";

    /** A mapped request: the hotline JSON, or why it cannot be mapped (never both). */
    public record Mapped(ObjectNode hotline, List<Violation> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Open311Mapping mapping;
    private final Channel channel;

    public Open311Mapper(Open311Mapping mapping, Channel channel) {
        this.mapping = mapping;
        this.channel = channel;
    }

    public Mapped map(JsonNode request) {
        List<Violation> problems = new ArrayList<>();
        if (request == null || !request.isObject()) {
            return new Mapped(null, List.of(new Violation("$", "an Open311 service request must be a JSON object")));
        }
        ObjectNode h = Json.mapper().createObjectNode();
        h.put("schema_version", SourceRecord.CURRENT_SCHEMA_VERSION);
        String id = text(request, "service_request_id");
        if (id == null) {
            problems.add(new Violation("service_request_id", "required field is missing"));
        } else {
            h.put("case_id", CASE_ID_PREFIX + id);
        }
        h.put("channel", channel.name());
        String code = text(request, "service_code");
        String serviceName = text(request, "service_name");
        if (code == null) {
            problems.add(new Violation("service_code", "required field is missing"));
        } else {
            mapping.category(code)
                    .ifPresentOrElse(
                            c -> h.put("category_code", c),
                            () -> problems.add(new Violation(
                                    "service_code",
                                    "service_code '" + code + "'"
                                            + (serviceName == null ? "" : " (" + serviceName + ")")
                                            + " has no 12345 category in " + mapping.origin() + "; add it there")));
        }
        String description = text(request, "description");
        put(h, "content", description != null ? description : serviceName);
        JsonNode lat = request.get("lat");
        JsonNode lon = request.get("long");
        if (isMissing(lat) || isMissing(lon)) {
            String address = text(request, "address");
            problems.add(new Violation(
                    "lat",
                    "lat/long missing: a request without coordinates cannot be placed in a grid"
                            + (address == null ? "" : " (address only: " + address + ")")));
        } else {
            h.set("latitude", lat);
            h.set("longitude", lon);
        }
        put(h, "address", text(request, "address"));
        String agency = text(request, "agency_responsible");
        put(h, "department", agency);
        String caller = join(text(request, "last_name"), text(request, "first_name"));
        put(h, "caller_name", caller);
        put(h, "caller_phone", text(request, "phone"));
        LocalDateTime requested = time(request, "requested_datetime", true, problems);
        LocalDateTime updated = time(request, "updated_datetime", false, problems);
        LocalDateTime expected = time(request, "expected_datetime", false, problems);
        put(h, "accept_time", Json.time(requested));
        put(h, "deadline", Json.time(expected));
        String status = text(request, "status");
        if (status == null) {
            problems.add(new Violation("status", "required field is missing"));
        } else if (status.equalsIgnoreCase("closed")) {
            h.put("status", CaseStatus.CLOSED.name());
            put(h, "close_time", Json.time(updated));
        } else if (status.equalsIgnoreCase("open")) {
            h.put("status", (agency != null ? CaseStatus.ASSIGNED : CaseStatus.ACCEPTED).name());
        } else {
            problems.add(new Violation("status", "Open311 status must be open or closed, got '" + status + "'"));
        }
        if (text(request, "status_notes") != null) {
            put(h, "reply_time", Json.time(updated));
        }
        return problems.isEmpty() ? new Mapped(h, List.of()) : new Mapped(null, problems);
    }

    /** ISO 8601 with an offset (converted to district time) or without one (taken as district time). */
    private static LocalDateTime time(JsonNode request, String field, boolean required, List<Violation> problems) {
        String s = text(request, field);
        if (s == null) {
            if (required) {
                problems.add(new Violation(field, "required field is missing"));
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(RecordDecoder.ZONE).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s);
            } catch (DateTimeParseException e2) {
                problems.add(new Violation(field, "expected ISO 8601 like 2024-01-15T09:30:00+08:00, got '" + s + "'"));
                return null;
            }
        }
    }

    private static boolean isMissing(JsonNode n) {
        return n == null || n.isNull() || (n.isTextual() && n.asText().isBlank());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()
                ? null
                : v.asText().strip();
    }

    private static void put(ObjectNode h, String field, String value) {
        if (value != null) {
            h.put(field, value);
        }
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}

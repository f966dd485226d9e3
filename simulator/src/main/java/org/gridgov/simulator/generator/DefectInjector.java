package org.gridgov.simulator.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.IdCardNumber;

/**
 * Breaks a valid record's JSON in one way. Each defect on its own is enough for {@code RecordDecoder} to reject the
 * record; the tests check that over whole generated datasets.
 */
final class DefectInjector {

    /** What the sink receives for a broken record: the id it still has (null if removed) and the line. */
    record Broken(String key, String line) {}

    static final String MALFORMED_TIME = "2024-13-45 25:61";
    static final double BEIJING_LAT = 39.9;
    static final double BEIJING_LON = 116.4;
    static final String UNKNOWN_ENUM = "未知";
    static final String UNKNOWN_CATEGORY = "C9999";
    private static final String CHECK_CHARS = "0123456789X";

    Broken apply(SourceRecord record, Defect defect, long ordinalOfKind, SplittableRandom r) {
        SourceType s = record.source();
        String json = Json.write(record);
        String key = record.recordId();
        if (defect == Defect.NOT_JSON) {
            return new Broken(key, json.substring(0, Math.max(12, json.length() / 2)));
        }
        ObjectNode node;
        try {
            node = (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        switch (defect) {
            case BAD_ID_CARD_CHECKSUM -> {
                String field = s.idCardField();
                String valid = node.hasNonNull(field) ? node.get(field).asText() : anyIdCard(r);
                node.put(field, withWrongCheck(valid, r));
            }
            case MISSING_REQUIRED_FIELD -> {
                // alternate between the record id (a keyless record, the worst case for dead-lettering) and content
                boolean dropId = ordinalOfKind % 2 == 0;
                node.remove(dropId ? s.idField() : otherRequiredField(s));
                if (dropId) {
                    key = null;
                }
            }
            case OUTSIDE_DISTRICT -> {
                node.put("latitude", BEIJING_LAT);
                node.put("longitude", BEIJING_LON);
            }
            case MALFORMED_TIME -> node.put(s.eventTimeField(), MALFORMED_TIME);
            case UNKNOWN_ENUM_VALUE -> node.put(enumField(s), UNKNOWN_ENUM);
            case UNKNOWN_CATEGORY -> node.put("category_code", UNKNOWN_CATEGORY);
            case OVERSIZED_CONTENT -> {
                String field = s == SourceType.ARREARS ? "project_name" : "content";
                String text = node.path(field).asText("");
                if (text.isEmpty()) {
                    text = "内容重复";
                }
                node.put(field, text.repeat(2001 / text.length() + 1 + r.nextInt(3)));
            }
            default -> throw new IllegalStateException("unhandled defect " + defect);
        }
        try {
            return new Broken(key, Json.mapper().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withWrongCheck(String idCard, SplittableRandom r) {
        String first17 = idCard.substring(0, 17);
        int right = CHECK_CHARS.indexOf(IdCardNumber.checkChar(first17));
        return first17 + CHECK_CHARS.charAt((right + 1 + r.nextInt(CHECK_CHARS.length() - 1)) % CHECK_CHARS.length());
    }

    private static String anyIdCard(SplittableRandom r) {
        return IdCardNumber.of(
                PersonPool.HOME_REGION, LocalDate.of(1960, 1, 1).plusDays(r.nextInt(15000)), r.nextInt(1000));
    }

    private static String enumField(SourceType s) {
        return switch (s) {
            case HOTLINE -> "channel";
            case PETITION -> "form";
            case ARREARS -> "status";
            case POLICE -> "incident_type";
            case GRID -> "kind";
        };
    }

    private static String otherRequiredField(SourceType s) {
        return switch (s) {
            case HOTLINE, POLICE, GRID, PETITION -> "content";
            case ARREARS -> "company_name";
        };
    }
}

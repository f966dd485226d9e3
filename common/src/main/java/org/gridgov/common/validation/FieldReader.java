package org.gridgov.common.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.common.json.TimeNode;
import org.gridgov.common.model.Labeled;
import org.gridgov.common.model.TrackPoint;

/**
 * Reads typed fields from a JSON object and collects a violation for every field that is missing or malformed, so a
 * rejected record reports all its problems at once rather than the first exception.
 * Getters return a harmless placeholder (null, 0) after a violation; the caller discards the record then.
 */
public final class FieldReader {

    private static final DateTimeFormatter ISO_T = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    /** Strict: 2023-02-29 or 24:00:00 are errors, not silently moved to another day. */
    private static final DateTimeFormatter EXPORT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** Room for an 18-character number written with spaces between its groups (6 4 4 4, or every digit). */
    private static final int MAX_ID_CARD_TEXT = 40;

    private final JsonNode node;
    private final List<Violation> violations;

    public FieldReader(JsonNode node, List<Violation> violations) {
        this.node = node;
        this.violations = violations;
    }

    public void reject(String field, String reason) {
        violations.add(new Violation(field, reason));
    }

    private JsonNode value(String field, boolean required) {
        JsonNode v = node.get(field);
        boolean absent = v == null || v.isNull() || (v.isTextual() && v.asText().isBlank());
        if (absent) {
            if (required) {
                reject(field, "required field is missing");
            }
            return null;
        }
        return v;
    }

    /** Whether the field is present with a value (not absent, null or blank). */
    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank());
    }

    public String text(String field, boolean required, int maxLength) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            reject(field, "expected text, got " + v.getNodeType().name().toLowerCase());
            return null;
        }
        String s = v.asText().trim();
        if (s.length() > maxLength) {
            reject(field, "longer than " + maxLength + " characters (" + s.length() + ")");
            return null;
        }
        return s;
    }

    public Double number(String field, boolean required) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            reject(field, "expected a number, got '" + v.asText() + "'");
            return null;
        }
    }

    public Integer integer(String field, boolean required) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            reject(field, "expected a whole number, got '" + v.asText() + "'");
            return null;
        }
    }

    /** A JSON boolean (or the text true/false). */
    public Boolean flag(String field, boolean required) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String t = v.asText().trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        reject(field, "expected true or false, got '" + t + "'");
        return null;
    }

    public BigDecimal decimal(String field, boolean required) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            reject(field, "expected a decimal number, got '" + v.asText() + "'");
            return null;
        }
    }

    /** A JSON array of non-blank strings, each at most {@code maxLength} long. */
    public List<String> textList(String field, boolean required, int maxLength) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            reject(field, "expected a list, got " + v.getNodeType().name().toLowerCase());
            return null;
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.asText().isBlank() || item.asText().length() > maxLength) {
                reject(field, "items must be non-blank text of at most " + maxLength + " characters");
                return null;
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    /**
     * A patrol track: a JSON array of {@code [second, latitude, longitude]} points (seconds since the record time, a
     * whole number ≥ 0), at least 2 and at most {@code maxPoints}, in strictly increasing time; or that array as text
     * (what a DataX column or a CSV cell carries). The first problem found
     * is reported with the point's index ({@code track[17]: ...}), so a broken track is one violation, not thousands.
     */
    public List<TrackPoint> track(String field, boolean required, int maxPoints) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (v.isTextual() && v.asText().strip().startsWith("[")) {
            // a source table's JSON column, or a CSV cell: the same array as text
            try {
                v = Json.mapper().readTree(v.asText());
            } catch (JsonProcessingException e) {
                reject(field, "not a valid JSON list: " + e.getOriginalMessage());
                return null;
            }
        }
        if (!v.isArray()) {
            reject(
                    field,
                    "expected a list of [second, latitude, longitude] points, got "
                            + v.getNodeType().name().toLowerCase());
            return null;
        }
        if (v.size() > maxPoints) {
            reject(field, v.size() + " points, more than the " + maxPoints + " a patrol may have");
            return null;
        }
        if (v.size() < 2) {
            reject(field, "a track needs at least 2 points, got " + v.size());
            return null;
        }
        List<TrackPoint> points = new java.util.ArrayList<>(v.size());
        long previous = -1;
        for (int i = 0; i < v.size(); i++) {
            JsonNode p = v.get(i);
            String at = field + "[" + i + "]";
            if (!p.isArray()
                    || p.size() != 3
                    || !p.get(0).isNumber()
                    || !p.get(1).isNumber()
                    || !p.get(2).isNumber()) {
                reject(at, "expected [second, latitude, longitude] as three numbers, got " + abbreviate(p));
                return null;
            }
            if (!p.get(0).isIntegralNumber()
                    || !p.get(0).canConvertToInt()
                    || p.get(0).asInt() < 0) {
                reject(
                        at,
                        "the second must be a whole number from 0, got "
                                + p.get(0).asText());
                return null;
            }
            int second = p.get(0).asInt();
            if (second <= previous) {
                reject(
                        at,
                        "time " + second + " s is not after the previous point's " + previous
                                + " s: points must be in time order");
                return null;
            }
            previous = second;
            points.add(new TrackPoint(second, p.get(1).asDouble(), p.get(2).asDouble()));
        }
        return points;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /**
     * Accepts {@code yyyy-MM-dd HH:mm:ss} (the export format) and ISO {@code yyyy-MM-ddTHH:mm:ss}; a {@link TimeNode}
     * (a time its reader parsed already) as it is.
     */
    public LocalDateTime time(String field, boolean required) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        if (v instanceof TimeNode parsed) {
            return parsed.time();
        }
        String s = v.asText().trim();
        try {
            if (s.indexOf('T') > 0) {
                return LocalDateTime.parse(s, ISO_T);
            }
            LocalDateTime plain = plainExportTime(s);
            return plain != null ? plain : LocalDateTime.parse(s, EXPORT_TIME);
        } catch (DateTimeParseException e) {
            reject(field, "expected a time like 2024-01-31 08:30:00, got '" + s + "'");
            return null;
        }
    }

    /**
     * A well-formed, valid {@code yyyy-MM-dd HH:mm:ss} read by position, or null for anything else, which then goes
     * through {@link #EXPORT_TIME} (and its error): the same result for every input, without the formatter's cost on
     * the common case (5 % of a load's CPU, issue 15).
     */
    static LocalDateTime plainExportTime(String s) {
        if (s.length() != 19
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != ' '
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if (year < 1
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int number(String s, int from, int width) {
        int n = 0;
        for (int i = from; i < from + width; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Accepts the constant name (any case) or the Chinese label source systems export. */
    public <E extends Enum<E> & Labeled> E enumValue(String field, Class<E> type, boolean required) {
        JsonNode v = value(field, required);
        if (v == null) {
            return null;
        }
        String s = v.asText().trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s) || e.label().equals(s)) {
                return e;
            }
        }
        reject(field, "'" + s + "' is not one of " + names(type));
        return null;
    }

    /**
     * An ID card number in its one normalised form ({@link IdCardNumber#normalize}: 15 digits converted to 18,
     * full-width digits, spaces and a lower-case x read as the card says), checked after normalising, so the same
     * person gets the same key from every source that wrote the number its own way.
     */
    public String idCard(String field, boolean required) {
        String s = text(field, required, MAX_ID_CARD_TEXT);
        if (s == null) {
            return null;
        }
        String id = IdCardNumber.normalize(s);
        var problem = IdCardNumber.problem(id);
        if (problem.isPresent()) {
            reject(field, "invalid ID card number: " + problem.get());
            return null;
        }
        return id;
    }

    public String phone(String field, boolean required) {
        String s = text(field, required, 20);
        if (s == null) {
            return null;
        }
        var problem = PhoneNumber.problem(s);
        if (problem.isPresent()) {
            reject(field, "invalid phone number: " + problem.get());
            return null;
        }
        return PhoneNumber.normalize(s);
    }

    private static <E extends Enum<E> & Labeled> String names(Class<E> type) {
        StringBuilder sb = new StringBuilder("[");
        for (E e : type.getEnumConstants()) {
            sb.append(sb.length() > 1 ? ", " : "").append(e.name()).append('/').append(e.label());
        }
        return sb.append(']').toString();
    }
}

package org.gridgov.cases.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a client is told about a JSON body that could not be read: the field (as the client named it) and what it
 * should have been, or where the JSON itself is broken. Never Jackson's own message, which names Java classes.
 */
final class JsonProblems {

    private JsonProblems() {}

    static String describe(Throwable cause) {
        if (cause instanceof JsonParseException p) {
            return "malformed JSON at line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr();
        }
        if (cause instanceof JsonMappingException m) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            String expected = expected(target);
            if (field.isEmpty()) {
                return "the body must be " + (expected == null ? "a JSON object" : expected);
            }
            String got = m instanceof InvalidFormatException f && f.getValue() != null
                    ? " (got '" + abbreviate(String.valueOf(f.getValue())) + "')"
                    : "";
            return field + " must be " + (expected == null ? "of another type" : expected) + got;
        }
        return "the request body is missing or not JSON";
    }

    private static String expected(Class<?> t) {
        if (t == null) {
            return null;
        }
        if (t == String.class) {
            return "text (a JSON string)";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "a whole number";
        }
        if (t == Double.class || t == double.class || t == java.math.BigDecimal.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == LocalDateTime.class) {
            return "a date and time like 2024-01-31T08:00:00";
        }
        if (t == LocalDate.class) {
            return "a date like 2024-01-31";
        }
        if (t == OffsetDateTime.class) {
            return "a date and time with offset like 2024-01-31T08:00:00+08:00";
        }
        if (t.isEnum()) {
            return "one of "
                    + Arrays.stream(t.getEnumConstants()).map(String::valueOf).toList();
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}

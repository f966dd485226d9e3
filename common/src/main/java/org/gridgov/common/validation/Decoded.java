package org.gridgov.common.validation;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of reading one record: the value, or every violation found (never both). */
public record Decoded<T>(T value, List<Violation> violations) {

    public Decoded {
        violations = List.copyOf(violations);
        if ((value == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("a decoded record has either a value or violations");
        }
    }

    public static <T> Decoded<T> valid(T value) {
        return new Decoded<>(value, List.of());
    }

    public static <T> Decoded<T> rejected(List<Violation> violations) {
        return new Decoded<>(null, violations);
    }

    public boolean isValid() {
        return value != null;
    }

    /** The first failing field, for indexing dead letters. */
    public String firstField() {
        return violations.isEmpty() ? "" : violations.get(0).field();
    }

    /** All violations as {@code field: reason; field: reason}. */
    public String reason() {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}

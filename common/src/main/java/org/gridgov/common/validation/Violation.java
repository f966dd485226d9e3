package org.gridgov.common.validation;

/** One reason a record was rejected: which field and why, in words an operator can act on. */
public record Violation(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}

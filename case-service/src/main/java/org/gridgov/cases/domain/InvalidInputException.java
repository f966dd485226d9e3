package org.gridgov.cases.domain;

/** A value the user gave is wrong: {@code field} names it (as the request calls it), the message says why. */
public final class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

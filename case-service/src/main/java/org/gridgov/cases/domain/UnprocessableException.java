package org.gridgov.cases.domain;

/**
 * The request is well formed and each value valid, but it contradicts what the service already holds for it (an
 * {@code Idempotency-Key} reused for a different report): HTTP 422. {@code field} names what to change.
 */
public final class UnprocessableException extends DomainException {

    private final String field;

    public UnprocessableException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package org.gridgov.cases.domain;

/** The request is valid but the thing is not in a state that allows it (a closed case, a step that cannot reject). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}

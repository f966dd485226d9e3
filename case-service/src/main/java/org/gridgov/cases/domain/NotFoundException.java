package org.gridgov.cases.domain;

/** The case, task, attachment or Open311 request asked for does not exist. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}

package org.gridgov.cases.domain;

/**
 * A request the service refuses, with a reason staff can read (in Chinese, except for the Open311 facade's English
 * answers). The domain only says what kind of refusal it is; {@code ErrorResponses} decides the HTTP status and the
 * body (API JSON, GeoReport list or error page), so no service imports the web layer.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException,
                NotAllowedException,
                ConflictException,
                InvalidInputException,
                UnprocessableException {

    protected DomainException(String message) {
        super(message);
    }
}

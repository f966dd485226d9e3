package org.gridgov.cases.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The refusals a request can get, each with its HTTP status and a message staff can read. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ResponseStatusException forbidden(String message) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, message);
    }

    public static ResponseStatusException notFound(String message) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
    }

    public static ResponseStatusException badRequest(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }

    public static ResponseStatusException conflict(String message) {
        return new ResponseStatusException(HttpStatus.CONFLICT, message);
    }
}

package org.gridgov.cases.security;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused by the per-account rate limit before its password is looked at: HTTP 429 on the API. */
public final class TooManyAttemptsException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public TooManyAttemptsException() {
        super(LoginMessages.TOO_FAST);
    }
}

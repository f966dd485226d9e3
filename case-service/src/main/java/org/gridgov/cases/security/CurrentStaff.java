package org.gridgov.cases.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentStaff {

    private CurrentStaff() {}

    public static Staff get() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !(a.getPrincipal() instanceof Staff staff)) {
            throw new AuthenticationCredentialsNotFoundException("not signed in");
        }
        return staff;
    }
}

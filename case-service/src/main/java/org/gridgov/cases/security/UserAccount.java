package org.gridgov.cases.security;

import java.time.LocalDateTime;

/** A row of {@code app_user}. */
public record UserAccount(
        String username,
        String displayName,
        String passwordHash,
        Role role,
        String scopeCode,
        String departmentCode,
        boolean enabled,
        int failedAttempts,
        LocalDateTime lockedUntil) {

    public Staff staff() {
        return new Staff(username, displayName, role, scopeCode, departmentCode);
    }

    public boolean lockedAt(LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

package org.gridgov.cases.domain;

/**
 * The user may not do this (another area, another role's step, not an administrator). Only {@link Refusals}
 * creates one, after writing the audit row, so no refusal goes unrecorded.
 */
public final class NotAllowedException extends DomainException {

    private final String auditReason;

    /** {@code message} is what the user reads; {@code auditReason} is what the audit log recorded. */
    public NotAllowedException(String message, String auditReason) {
        super(message);
        this.auditReason = auditReason;
    }

    public String auditReason() {
        return auditReason;
    }
}

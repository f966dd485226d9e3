package org.gridgov.cases.domain;

import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.security.Staff;
import org.springframework.stereotype.Component;

/**
 * The one way a request is refused for who is asking: the refusal is written to the audit log (in its own
 * transaction, so it stays when the request rolls back) and returned as the exception to throw, which the web layer
 * answers with 403. Cases, tasks, workflow configuration, the alert inbox and the Open311 key check all refuse here.
 */
@Component
public class Refusals {

    private final AuditLog audit;

    public Refusals(AuditLog audit) {
        this.audit = audit;
    }

    /** Audits {@code reason} and returns it as the message the user reads too. */
    public NotAllowedException refuse(Staff staff, String action, String targetType, String targetId, String reason) {
        return refuse(staff, action, targetType, targetId, reason, reason);
    }

    /** Audits {@code reason}; the user reads {@code message} (e.g. what the page is for, not who they are). */
    public NotAllowedException refuse(Staff staff, String action, String targetType, String targetId, String reason,
                                      String message) {
        audit.denied(staff.username(), action, targetType, targetId, reason);
        return new NotAllowedException(message, reason);
    }
}

package org.gridgov.cases.domain;

import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Decision;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.security.Staff;
import org.springframework.stereotype.Component;

/**
 * The one way a request is refused for who is asking: the refusal is written to the audit log (in its own
 * transaction, so it stays when the request rolls back) and returned as the exception to throw, which the web layer
 * answers with 403. Cases, tasks, workflow configuration, the alert inbox and the Open311 key check all refuse here;
 * whether to refuse is {@link Authorization}'s answer.
 */
@Component
public class Refusals {

    private final AuditLog audit;

    public Refusals(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Asks {@link Authorization#may} and throws its refusal (audited under the action's name), else returns the
     * decision: {@link Decision.Verdict#ALLOW}, or {@link Decision.Verdict#OWN_ENTRIES} for a partial read.
     */
    public Decision require(Staff staff, Action action, Target target, String targetType, String targetId) {
        return require(staff, action, action.auditName(), target, targetType, targetId);
    }

    /** Like {@link #require(Staff, Action, Target, String, String)}, audited under {@code auditAction}. */
    public Decision require(
            Staff staff, Action action, String auditAction, Target target, String targetType, String targetId) {
        Decision d = Authorization.may(staff, action, target);
        if (d.denied()) {
            throw refuse(staff, auditAction, targetType, targetId, d.reason(), d.message());
        }
        return d;
    }

    /** Audits {@code reason} and returns it as the message the user reads too. */
    public NotAllowedException refuse(Staff staff, String action, String targetType, String targetId, String reason) {
        return refuse(staff, action, targetType, targetId, reason, reason);
    }

    /** Audits {@code reason}; the user reads {@code message} (e.g. what the page is for, not who they are). */
    public NotAllowedException refuse(
            Staff staff, String action, String targetType, String targetId, String reason, String message) {
        audit.denied(staff.username(), action, targetType, targetId, reason);
        return new NotAllowedException(message, reason);
    }
}

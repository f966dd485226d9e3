package org.gridgov.cases.workflow;

import org.gridgov.cases.security.Role;

/** One configured step: who acts, within how long, and where a 驳回 sends the case. */
public record WorkflowStep(
        int order,
        String code,
        String name,
        Role role,
        int timeLimitHours,
        String rejectTo,
        boolean skipWhenSelfHandled) {}

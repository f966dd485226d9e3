package org.gridgov.cases.dispatch;

import java.time.LocalDateTime;

/** A stored 分派 decision: where the case went, whether that was the rules' suggestion, and why. */
public record DispatchDecision(
        String departmentCode,
        String departmentName,
        boolean suggested,
        String reason,
        String decidedBy,
        LocalDateTime at) {}

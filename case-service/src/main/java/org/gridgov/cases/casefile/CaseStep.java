package org.gridgov.cases.casefile;

import java.time.LocalDateTime;

/** One line of a case's history. */
public record CaseStep(
        long id,
        String caseId,
        String action,
        String fromStep,
        String toStep,
        String actor,
        String actorRole,
        String note,
        LocalDateTime at) {}

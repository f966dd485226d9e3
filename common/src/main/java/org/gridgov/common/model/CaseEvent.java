package org.gridgov.common.model;

import java.time.LocalDateTime;

/**
 * One step in a case's lifecycle, published by the hotline platform or the case service on {@code case.events};
 * the overdue-case alerts key on {@code caseId} and use {@code deadline}.
 */
public record CaseEvent(
        int schemaVersion,
        String eventId,
        String caseId,
        String origin,
        CaseEventType type,
        LocalDateTime deadline,
        LocalDateTime eventTime,
        String actor,
        String note) {
}

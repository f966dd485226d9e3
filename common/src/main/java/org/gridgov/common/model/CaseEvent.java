package org.gridgov.common.model;

import java.time.LocalDateTime;

/**
 * One step in a case's lifecycle, published by the hotline platform or the case service on {@code case.events};
 * the overdue-case alerts key on {@code caseId} and use {@code deadline}.
 *
 * <p>The case service also states where the case stands after the step ({@code channel} … {@code dispute}), so the
 * warehouse can build {@code dwd_case} from the topic alone; the hotline platform leaves them null. {@code step} is
 * the workflow step the case is at after this event (null once closed).
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
        String note,
        String channel,
        String categoryCode,
        String gridCode,
        String streetCode,
        String departmentCode,
        String step,
        Boolean selfHandled,
        Boolean dispute) {

    /** An event without the case's facts (the hotline platform's, and older case-service events). */
    public CaseEvent(int schemaVersion, String eventId, String caseId, String origin, CaseEventType type,
                     LocalDateTime deadline, LocalDateTime eventTime, String actor, String note) {
        this(schemaVersion, eventId, caseId, origin, type, deadline, eventTime, actor, note, null, null, null, null,
                null, null, null, null);
    }
}

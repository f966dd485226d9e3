package org.gridgov.common.model;

import java.time.LocalDateTime;

/**
 * One step in a case's lifecycle, published by the hotline platform or the case service on {@code case.events};
 * the overdue-case alerts key on {@code caseId} and use {@code deadline}.
 *
 * <p>The case service also states where the case stands after the step ({@code channel} … {@code dispute}), so the
 * warehouse can build {@code dwd_case} from the topic alone; the hotline platform leaves them null. {@code step} is
 * the workflow step the case is at after this event (null once closed).
 *
 * <p>接诉即办 fields (issue 19): {@code responseLevel} and {@code responseDeadline} (first contact due) travel with
 * every case-service event; {@code satisfaction} is set on {@code RETURN_VISITED} ({@code SATISFIED},
 * {@code BASICALLY_SATISFIED} or {@code DISSATISFIED}); {@code masterCaseId} is set on {@code MERGED} (the case the
 * event's case was merged into) and on every later event of a merged case. All null from the hotline platform.
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
        Boolean dispute,
        String responseLevel,
        LocalDateTime responseDeadline,
        String satisfaction,
        String masterCaseId) {

    /** An event with the case's facts but without the 接诉即办 fields. */
    public CaseEvent(
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
        this(
                schemaVersion,
                eventId,
                caseId,
                origin,
                type,
                deadline,
                eventTime,
                actor,
                note,
                channel,
                categoryCode,
                gridCode,
                streetCode,
                departmentCode,
                step,
                selfHandled,
                dispute,
                null,
                null,
                null,
                null);
    }

    /** An event without the case's facts (the hotline platform's, and older case-service events). */
    public CaseEvent(
            int schemaVersion,
            String eventId,
            String caseId,
            String origin,
            CaseEventType type,
            LocalDateTime deadline,
            LocalDateTime eventTime,
            String actor,
            String note) {
        this(
                schemaVersion,
                eventId,
                caseId,
                origin,
                type,
                deadline,
                eventTime,
                actor,
                note,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}

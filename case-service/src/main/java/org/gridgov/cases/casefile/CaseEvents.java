package org.gridgov.cases.casefile;

import java.time.LocalDateTime;
import org.gridgov.cases.jdbc.WriteBatch;
import org.gridgov.cases.outbox.Outbox;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.common.pii.PiiProtector;
import org.springframework.stereotype.Component;

/**
 * Writes a case's {@code case.events} row to the outbox, in the caller's transaction: every service that changes a
 * case (the workflow, 首次响应 and 回访, merges) publishes through here, so each event carries the same facts.
 */
@Component
public class CaseEvents {

    public static final String ORIGIN = "case-service";
    private static final int MAX_NOTE = 500;

    private final Outbox outbox;

    public CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Publishes {@code type} for {@code c} as it is after the change. The event id is the case, the version after
     * the change and the type, so a replayed change gets the same id (consumers dedupe on it). The note is redacted
     * (phones, ID numbers, names) and bounded; the 接诉即办 facts (level, response deadline, satisfaction, master)
     * ride along on every event.
     */
    public void publish(CaseRecord c, CaseEventType type, String actor, String note, LocalDateTime now) {
        String eventId = eventId(c, type);
        outbox.append(Topics.CASE_EVENTS, eventId, c.id(), event(eventId, c, type, actor, note, now));
    }

    /** {@link #publish} as part of the change's {@code rows}, written when the batch is sent. */
    public void publish(
            WriteBatch rows, CaseRecord c, CaseEventType type, String actor, String note, LocalDateTime now) {
        String eventId = eventId(c, type);
        outbox.append(rows, Topics.CASE_EVENTS, eventId, c.id(), event(eventId, c, type, actor, note, now));
    }

    private static String eventId(CaseRecord c, CaseEventType type) {
        return c.id() + "-" + (c.version() + 1) + "-" + type.name();
    }

    private static CaseEvent event(
            String eventId, CaseRecord c, CaseEventType type, String actor, String note, LocalDateTime now) {
        CaseRecord.Assignment at = c.assignment();
        CaseRecord.Response r = c.response();
        return new CaseEvent(
                1,
                eventId,
                c.id(),
                ORIGIN,
                type,
                c.timing().dueAt(),
                now,
                actor,
                note == null
                        ? null
                        : PiiProtector.redact(note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE)),
                c.report().channel(),
                c.report().categoryCode(),
                c.location().gridCode(),
                c.location().streetCode(),
                at.departmentCode(),
                at.currentStep(),
                at.selfHandled(),
                at.dispute(),
                r.level(),
                r.dueAt(),
                r.satisfaction(),
                r.masterCaseId());
    }
}

package org.gridgov.streaming.alerts.input;

import org.gridgov.streaming.alerts.EventTimes;

/**
 * One input record decoded for the alert rules, person identities already replaced by salted keys: a petition, a
 * 12345 case (a caller's call and a case snapshot at once), a police incident, a case lifecycle event, or a rejected
 * record with its reason. A Flink POJO; times are epoch millis, {@link EventTimes#NONE} when absent.
 */
public final class InputEvent {

    /** Where it was read: {@code topic:partition:offset}. */
    public String inputId;

    public String topic;
    /** Kafka timestamp (when the platform received it). */
    public long receivedTime;

    public InputKind kind;
    public String recordId;
    /** Event time; for a rejected record the Kafka timestamp (it never moves the watermark). */
    public long eventTime;

    public String personKey;
    public String categoryCode;
    public String companyName;
    // a 12345 case as exported: the deadline and what has happened by the export
    public long acceptTime = EventTimes.NONE;
    public long deadline = EventTimes.NONE;
    public long replyTime = EventTimes.NONE;
    public long closeTime = EventTimes.NONE;
    /**
     * A 12345 call's master case from the loader's 重复来电 marking: the open problem this call repeats; null for a
     * first call (and on the raw path, which has no marking).
     */
    public String masterCaseId;
    /** A case-service event's 接诉即办 response deadline (first contact due); NONE without one. */
    public long responseDeadline = EventTimes.NONE;
    // a case lifecycle event (case.events)
    public String caseId;
    public String caseEventType;
    public String origin;
    // a rejected record
    public String reason;

    public InputEvent() {}

    @Override
    public String toString() {
        // no person key, no text: position and kind only
        return "InputEvent[" + inputId + " " + kind + " " + recordId + "]";
    }
}

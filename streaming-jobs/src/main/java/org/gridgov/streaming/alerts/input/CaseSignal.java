package org.gridgov.streaming.alerts.input;

import org.gridgov.streaming.alerts.EventTimes;

/**
 * What the overdue-case rule learns about a case: a {@link Type#SNAPSHOT} (a 12345 case as its platform exports it:
 * accept time, deadline, and the reply and close times reached so far) or one lifecycle step from
 * {@code case.events}. Keyed by case id.
 */
public final class CaseSignal {

    public enum Type { SNAPSHOT, CREATED, CLOSED, PAUSED, RESUMED, RESPONDED, MERGED, UNMERGED, OTHER }

    public String caseId;
    public String origin;
    public Type type;
    /** Event time: the accept time of a snapshot, the step's time of a lifecycle event. */
    public long time;
    public long acceptTime = EventTimes.NONE;
    public long deadline = EventTimes.NONE;
    public long replyTime = EventTimes.NONE;
    public long closeTime = EventTimes.NONE;
    /** The 接诉即办 response deadline a case-service event states; NONE without one (and for 12345 snapshots). */
    public long responseDeadline = EventTimes.NONE;
    /** The 12345 case id of a snapshot, the event id of a lifecycle event. */
    public String recordId;
    public String inputId;
    public String topic;
    public long receivedTime;

    public CaseSignal() {
    }

    /** The latest moment this signal proves the case has lived to. */
    public long latestKnown() {
        return Math.max(time, Math.max(replyTime, closeTime));
    }

    static CaseSignal of(InputEvent in) {
        CaseSignal s = new CaseSignal();
        s.inputId = in.inputId;
        s.topic = in.topic;
        s.receivedTime = in.receivedTime;
        s.time = in.eventTime;
        if (in.kind == InputKind.HOTLINE) {
            s.caseId = in.recordId;
            s.origin = "hotline";
            s.type = Type.SNAPSHOT;
            s.acceptTime = in.acceptTime;
            s.deadline = in.deadline;
            s.replyTime = in.replyTime;
            s.closeTime = in.closeTime;
            s.recordId = in.recordId;
        } else {
            s.caseId = in.caseId;
            s.origin = in.origin;
            s.type = switch (in.caseEventType) {
                case "CREATED" -> Type.CREATED;
                case "CLOSED", "CONVERTED_TO_DISPUTE" -> Type.CLOSED;
                case "PAUSED" -> Type.PAUSED;
                case "RESUMED" -> Type.RESUMED;
                case "RESPONDED" -> Type.RESPONDED;
                case "MERGED" -> Type.MERGED;
                case "UNMERGED" -> Type.UNMERGED;
                default -> Type.OTHER;
            };
            s.deadline = in.deadline;
            s.responseDeadline = in.responseDeadline;
            s.recordId = in.recordId;
        }
        return s;
    }

    @Override
    public String toString() {
        return "CaseSignal[" + caseId + " " + type + " @" + time + "]";
    }
}

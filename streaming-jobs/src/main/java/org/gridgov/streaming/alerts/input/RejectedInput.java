package org.gridgov.streaming.alerts.input;

import org.gridgov.streaming.alerts.EventTimes;

/** An input the rules could not use: invalid, or later than the allowed lateness. One {@code dlq_alert_input} row. */
public final class RejectedInput {

    public static final String INVALID = "INVALID";
    public static final String LATE = "LATE";

    public String inputId;
    public String kind;
    public String topic;
    public String recordKey;
    public String reason;
    public long eventTime = EventTimes.NONE;
    public long watermark = EventTimes.NONE;
    public long receivedTime;

    public RejectedInput() {}

    public static RejectedInput invalid(InputEvent in) {
        RejectedInput r = new RejectedInput();
        r.inputId = in.inputId;
        r.kind = INVALID;
        r.topic = in.topic;
        r.recordKey = in.recordId;
        r.reason = in.reason;
        r.receivedTime = in.receivedTime;
        return r;
    }

    /** {@code aspect} tells the person and the case side of one 12345 record apart (both may be late). */
    public static RejectedInput late(
            String inputId,
            String aspect,
            String topic,
            String recordId,
            long eventTime,
            long watermark,
            long receivedTime,
            long allowedLatenessMs) {
        RejectedInput r = new RejectedInput();
        r.inputId = inputId + "/" + aspect;
        r.kind = LATE;
        r.topic = topic;
        r.recordKey = recordId;
        r.eventTime = eventTime;
        r.watermark = watermark;
        r.receivedTime = receivedTime;
        r.reason = aspect + " event at " + EventTimes.text(eventTime) + " arrived when the watermark was at "
                + EventTimes.text(watermark) + ", more than the allowed lateness of " + allowedLatenessMs / 1000
                + " s behind";
        return r;
    }

    @Override
    public String toString() {
        return "RejectedInput[" + inputId + " " + kind + "]";
    }
}

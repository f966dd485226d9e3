package org.gridgov.streaming.alerts.cases;

import org.gridgov.streaming.alerts.EventTimes;

/**
 * What the overdue-case rule knows about one open case: its time limit, whether and when it closes, pauses, its
 * next timer and which alerts were raised (or settled) for the current deadline.
 */
public final class CaseTrack {

    public String caseId;
    public String origin;
    /** The record the alerts cite: the 12345 case id or the case service's CREATED event id. */
    public String evidenceId;

    public long acceptTime = EventTimes.NONE;
    public long deadline = EventTimes.NONE;
    /** When the case closes (a snapshot knows it in advance; a CLOSED event applies at its time). */
    public long closeAt = EventTimes.NONE;

    public long pausedAt = EventTimes.NONE;
    /** 接诉即办: first contact due, and when the first response came (NONE: none yet). */
    public long responseDeadline = EventTimes.NONE;

    public long respondedAt = EventTimes.NONE;
    /** When the case was merged into another (a linked duplicate is not timed); NONE when not merged. */
    public long mergedAt = EventTimes.NONE;
    /** The latest moment any signal of this case proves the case has lived to. */
    public long latestKnown = EventTimes.NONE;
    /** The one registered timer: the next moment to check; NONE when none is registered. */
    public long nextTimer = EventTimes.NONE;
    // the deadline each alert was raised (or settled) for; a new deadline starts afresh
    public long warnedFor = EventTimes.NONE;
    public long overdueFor = EventTimes.NONE;
    public long escalatedFor = EventTimes.NONE;
    /** The response deadline the response alert was raised (or settled) for. */
    public long responseOverdueFor = EventTimes.NONE;

    public CaseTrack() {}
}

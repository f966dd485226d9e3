package org.gridgov.streaming.alerts.person;

import org.gridgov.streaming.alerts.EventTimes;

/**
 * Everything the key-person rules keep about one person (keyed by the salted person key): recent petitions, calls
 * and police incidents, the open episodes, whether the person is a detected key person and until when, and the
 * alerts raised for escalation. Arrays, not lists, keep it a Flink POJO. Cleared entirely at {@link #cleanupAt}.
 */
public final class PersonState implements CleanupTimer.Owner {

    public Evidence[] petitions = new Evidence[0];
    public Evidence[] calls = new Evidence[0];
    public Evidence[] incidents = new Evidence[0];
    public Episode petitionEpisode;
    public Episode[] callEpisodes = new Episode[0];
    /** Detected key person (repeat petitioner) from ... until; {@link EventTimes#NONE} when never. */
    public long keySince = EventTimes.NONE;

    public long keyUntil = EventTimes.NONE;
    public Fired[] fired = new Fired[0];
    /** Rule combinations already escalated, e.g. {@code cross_source+repeat_petition}. */
    public String[] escalations = new String[0];
    /** When everything in the state has expired (rounded up to the minute); moved forward with every event. */
    public long cleanupAt = EventTimes.NONE;
    /** The registered cleanup timer, at or before {@link #cleanupAt}; NONE when none is ({@link CleanupTimer}). */
    public long cleanupTimer = EventTimes.NONE;

    public PersonState() {}

    @Override
    public long cleanupAt() {
        return cleanupAt;
    }

    @Override
    public long cleanupTimer() {
        return cleanupTimer;
    }

    @Override
    public void cleanupTimer(long registered) {
        cleanupTimer = registered;
    }

    boolean isKeyPerson(long t) {
        return keySince != EventTimes.NONE && t >= keySince && t <= keyUntil;
    }
}

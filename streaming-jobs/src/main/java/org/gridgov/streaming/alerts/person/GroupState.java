package org.gridgov.streaming.alerts.person;

import org.gridgov.streaming.alerts.EventTimes;

/** What the group-petition rule keeps about one company: its recent petitions and the open episode. */
public final class GroupState implements CleanupTimer.Owner {

    /** Petitions of the last window; {@link Evidence#group} holds the petitioner's person key. */
    public Evidence[] petitions = new Evidence[0];

    public Episode episode;
    /** Distinct petitioners of the open episode. */
    public String[] episodePersons = new String[0];
    /** When the state has expired (rounded up to the minute). */
    public long cleanupAt = EventTimes.NONE;
    /** The registered cleanup timer, at or before {@link #cleanupAt}; NONE when none is ({@link CleanupTimer}). */
    public long cleanupTimer = EventTimes.NONE;

    public GroupState() {}

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
}

package org.gridgov.streaming.alerts.person;

import java.util.Arrays;
import org.gridgov.common.model.AlertLevel;

/**
 * An open alert of a windowed rule: its id, the evidence gathered so far and when it was raised. Petitions (calls)
 * whose window overlaps the episode's last evidence extend it (same alert id, next version); after a full window
 * without qualifying records the next qualifying window opens a new episode.
 */
public final class Episode {

    public String alertId;
    /** Category of a repeat-call episode; null otherwise. */
    public String group;

    public long raisedAt;
    /** Event times of the earliest and the latest evidence. */
    public long first = Long.MAX_VALUE;

    public long last = Long.MIN_VALUE;
    public String[] evidence;
    public AlertLevel level;
    public int version;

    public Episode() {}

    Episode(String alertId, String group, long raisedAt) {
        this.alertId = alertId;
        this.group = group;
        this.raisedAt = raisedAt;
        this.evidence = new String[0];
        this.version = 0;
    }

    /** Adds the ids not in the evidence yet; true if any was new. */
    boolean addAll(Iterable<Evidence> records) {
        boolean added = false;
        for (Evidence e : records) {
            if (!contains(e.id)) {
                evidence = Arrays.copyOf(evidence, evidence.length + 1);
                evidence[evidence.length - 1] = e.id;
                added = true;
            }
            first = Math.min(first, e.time);
            last = Math.max(last, e.time);
        }
        return added;
    }

    boolean contains(String id) {
        for (String x : evidence) {
            if (x.equals(id)) {
                return true;
            }
        }
        return false;
    }
}

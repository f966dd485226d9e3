package org.gridgov.streaming.alerts.person;

/** One record kept in a rule's state: its id, event time, and what the rule groups by (category or person). */
public final class Evidence {

    public String id;
    public long time;
    /** Category of a call, person key of a group petition; null when the rule needs none. */
    public String group;
    /** A police incident already raised as a cross-source alert. */
    public boolean alerted;

    public Evidence() {
    }

    public Evidence(String id, long time, String group) {
        this.id = id;
        this.time = time;
        this.group = group;
    }
}

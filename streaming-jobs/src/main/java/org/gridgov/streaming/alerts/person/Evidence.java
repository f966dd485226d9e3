package org.gridgov.streaming.alerts.person;

/** One record kept in a rule's state: its id, event time, and what the rule groups by (category or person). */
public final class Evidence {

    public String id;
    public long time;
    /** Category of a call, person key of a group petition; null when the rule needs none. */
    public String group;
    /**
     * A call's problem: the loader's master case of a repeat call of an open problem, else null (the call is its own
     * problem). repeat_call counts problems ({@link #problemOrId}).
     */
    public String problem;
    /** A police incident already raised as a cross-source alert. */
    public boolean alerted;

    public Evidence() {}

    public Evidence(String id, long time, String group) {
        this.id = id;
        this.time = time;
        this.group = group;
    }

    /** The problem this record stands for: its master case, or itself. */
    public String problemOrId() {
        return problem != null ? problem : id;
    }
}

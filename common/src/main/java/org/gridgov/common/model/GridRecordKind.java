package org.gridgov.common.model;

/**
 * What a grid worker recorded: an event report, a patrol (since schema version 2 with its GPS track), a household
 * visit, and since version 2 a day's attendance (考勤: check-in and check-out) and a dispute mediation (矛盾调处).
 */
public enum GridRecordKind implements Labeled {
    REPORT("上报", 1),
    PATROL("巡查", 1),
    VISIT("走访", 1),
    ATTENDANCE("考勤", 2),
    MEDIATION("调处", 2);

    private final String label;
    private final int sinceVersion;

    GridRecordKind(String label, int sinceVersion) {
        this.label = label;
        this.sinceVersion = sinceVersion;
    }

    @Override
    public String label() {
        return label;
    }

    /** The first record schema version that knows this kind; an older record naming it is refused. */
    public int sinceVersion() {
        return sinceVersion;
    }
}

package org.gridgov.common.model;

/** What a grid worker recorded: an event report, a patrol or a household visit. */
public enum GridRecordKind implements Labeled {
    REPORT("上报"),
    PATROL("巡查"),
    VISIT("走访");

    private final String label;

    GridRecordKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.gridgov.common.model;

/** Lifecycle state of a 12345 case as exported by the hotline platform. */
public enum CaseStatus implements Labeled {
    ACCEPTED("已受理"),
    ASSIGNED("已派单"),
    REPLIED("已回复"),
    CLOSED("已办结");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

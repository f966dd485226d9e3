package org.gridgov.common.model;

/** State of a wage-arrears case in the 清欠 ledger. */
public enum ArrearsStatus implements Labeled {
    OPEN("未化解"),
    IN_PROGRESS("化解中"),
    RESOLVED("已化解");

    private final String label;

    ArrearsStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

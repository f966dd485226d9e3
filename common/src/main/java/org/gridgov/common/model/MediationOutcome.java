package org.gridgov.common.model;

/** How a mediation ended: settled, settled in part, or not settled (handed on). */
public enum MediationOutcome implements Labeled {
    RESOLVED("调解成功"),
    PARTLY("部分调解"),
    FAILED("调解不成");

    private final String label;

    MediationOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.gridgov.common.model;

/** 信访形式. */
public enum PetitionForm implements Labeled {
    LETTER("来信"),
    VISIT("来访"),
    ONLINE("网上信访"),
    PHONE("电话");

    private final String label;

    PetitionForm(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

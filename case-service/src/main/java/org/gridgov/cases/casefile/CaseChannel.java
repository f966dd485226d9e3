package org.gridgov.cases.casefile;

/** How an event reached the service (the requirements' 事件来源). */
public enum CaseChannel {
    LETTER_VISIT("来信来访"),
    HOTLINE("电话热线"),
    MOBILE("手机"),
    GOV_INTERACTION("政民互动"),
    GRID_PATROL("网格员巡查"),
    OPEN311("外部应用");

    private final String label;

    CaseChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.gridgov.cases.casefile;

/**
 * How an event reached the service (the requirements' 事件来源). Citizen channels carry a citizen's own report, which
 * may be published with the reporter's consent; 网格员巡查 is the administration's own finding and stays internal.
 */
public enum CaseChannel {
    LETTER_VISIT("来信来访", true),
    HOTLINE("电话热线", true),
    MOBILE("手机", true),
    GOV_INTERACTION("政民互动", true),
    GRID_PATROL("网格员巡查", false),
    OPEN311("外部应用", true);

    private final String label;
    private final boolean citizen;

    CaseChannel(String label, boolean citizen) {
        this.label = label;
        this.citizen = citizen;
    }

    public String label() {
        return label;
    }

    /** A citizen's report (not staff's own finding): may be published if the reporter consented. */
    public boolean citizen() {
        return citizen;
    }
}

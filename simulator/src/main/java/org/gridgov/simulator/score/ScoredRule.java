package org.gridgov.simulator.score;

/**
 * The alert rules a ground truth defines planted incidents for, by the code the alert job stores in
 * {@code ads_alert_event.rule}. The simulator cannot see the job's {@code AlertRule} (no production module is on its
 * classpath), so streaming-jobs' {@code ScoredRuleCodesTest} keeps these codes equal to the job's.
 */
public enum ScoredRule {
    REPEAT_PETITION("repeat_petition"),
    GROUP_PETITION("group_petition"),
    REPEAT_CALL("repeat_call"),
    CROSS_SOURCE("cross_source"),
    CASE_OVERDUE("case_overdue");

    private final String code;

    ScoredRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

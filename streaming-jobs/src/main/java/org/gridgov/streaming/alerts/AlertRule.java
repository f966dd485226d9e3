package org.gridgov.streaming.alerts;

import org.gridgov.common.model.AlertLevel;

/** The rules the alert job evaluates, with the code stored in {@code ads_alert_event.rule} and a label for leaders. */
public enum AlertRule {
    REPEAT_PETITION("repeat_petition", "重复信访", SubjectType.PERSON),
    GROUP_PETITION("group_petition", "集体访", SubjectType.COMPANY),
    REPEAT_CALL("repeat_call", "12345重复来电", SubjectType.PERSON),
    CROSS_SOURCE("cross_source", "重点人员涉警", SubjectType.PERSON),
    KEY_PERSON_PETITION("key_person_petition", "在册重点人员信访", SubjectType.PERSON),
    ESCALATION("escalation", "重点人员多重预警", SubjectType.PERSON),
    CASE_DUE_SOON("case_due_soon", "工单临期", SubjectType.CASE),
    CASE_OVERDUE("case_overdue", "工单超期", SubjectType.CASE),
    CASE_OVERDUE_ESCALATED("case_overdue_escalated", "超期督办", SubjectType.CASE),
    /** 接诉即办: no first response by the response deadline (issue 19). */
    CASE_RESPONSE_OVERDUE("case_response_overdue", "响应超时", SubjectType.CASE);

    /** What an alert's subject key names. */
    public enum SubjectType {
        PERSON,
        COMPANY,
        CASE
    }

    private final String code;
    private final String label;
    private final SubjectType subjectType;

    AlertRule(String code, String label, SubjectType subjectType) {
        this.code = code;
        this.label = label;
        this.subjectType = subjectType;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public SubjectType subjectType() {
        return subjectType;
    }

    public static AlertRule ofCode(String code) {
        for (AlertRule r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown alert rule " + code);
    }

    /** One step more severe (蓝 → 黄 → 橙 → 红), 红 stays 红. */
    public static AlertLevel raise(AlertLevel level) {
        return level.ordinal() == 0 ? level : AlertLevel.values()[level.ordinal() - 1];
    }

    /** The more severe of two levels. */
    public static AlertLevel max(AlertLevel a, AlertLevel b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** {@code level} is at least as severe as {@code threshold}. */
    public static boolean atLeast(AlertLevel level, AlertLevel threshold) {
        return level.ordinal() <= threshold.ordinal();
    }
}

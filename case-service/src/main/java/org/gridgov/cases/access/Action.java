package org.gridgov.cases.access;

/**
 * What a user asks to do, for {@link Authorization#may}. Each carries the name its refusal is audited under (as the
 * audit log has always named them) and, for case steps, the Chinese verb the refusal reads.
 */
public enum Action {
    CASE_REPORT("REPORT", "上报"),
    CASE_SELF_HANDLE("SELF_HANDLE", "自行处理"),
    CASE_VIEW("VIEW", "查看"),
    /** The case's history; someone who may no longer see the case gets their own lines at most. */
    CASE_HISTORY("VIEW", "查看"),
    CASE_ATTACH("ATTACH", "添加附件"),
    CASE_DISPATCH("DISPATCH", "分派"),
    CASE_COMPLETE("COMPLETE", "办结本步"),
    CASE_REJECT("REJECT", "驳回"),
    CASE_CONVERT("CONVERT_TO_DISPUTE", "转矛盾纠纷"),
    CASE_SUPERVISE("SUPERVISE", "督办"),
    /** Merge a case into an open master as its duplicate (issue 19). */
    CASE_MERGE("MERGE", "合并重复件"),
    /** Undo a merge: the command centre only. */
    CASE_UNMERGE("UNMERGE", "撤销合并"),
    /** 改分类: the command centre, or the department that holds the case now. */
    CASE_RECATEGORIZE("RECATEGORIZE", "改分类"),
    /** 首次响应: the department that holds the case now contacts the reporter (issue 19). */
    CASE_RESPOND("RESPOND", "首次响应"),
    /** 回访: the command centre asks the reporter after closure and records the satisfaction (issue 19). */
    CASE_RETURN_VISIT("RETURN_VISIT", "回访"),
    TASK_ISSUE("TASK_ISSUE", "下发任务"),
    TASK_VIEW("TASK_VIEW", "查看任务"),
    TASK_SUBMIT("TASK_SUBMIT", "提交任务"),
    TASK_REVIEW("TASK_REVIEW", "审核任务"),
    TASK_ATTACH("TASK_ATTACH", "添加任务附件"),
    INBOX_READ("INBOX", "查看预警"),
    COCKPIT_VIEW("COCKPIT", "查看驾驶舱"),
    ADMIN("ADMIN", "管理");

    private final String auditName;
    private final String label;

    Action(String auditName, String label) {
        this.auditName = auditName;
        this.label = label;
    }

    public String auditName() {
        return auditName;
    }

    public String label() {
        return label;
    }
}

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
    /** 综合查询 (issue 17): a person's, company's or place's records across every source, with a stated reason. */
    LOOKUP("LOOKUP", "综合查询"),
    /** The leaders' report of who looked up whom. */
    LOOKUP_REPORT("LOOKUP_REPORT", "查看查询记录"),
    /** 监督考核 (issue 16): read a level's rules (a grid worker and a department only their own level's). */
    ASSESSMENT_RULES_VIEW("ASSESSMENT_VIEW", "查看考核规则"),
    /** Publish a new rule version of a level: the district's leaders for streets and departments, streets' below. */
    ASSESSMENT_RULES_EDIT("ASSESSMENT_RULES", "修改考核规则"),
    /** 手工打分: a leader who sets a level's rules scores its subjects inside their area. */
    ASSESSMENT_SCORE("MANUAL_SCORE", "手工打分"),
    /** Revoke a manual score: its author, while still allowed to score the subject. */
    ASSESSMENT_REVOKE("MANUAL_SCORE_REVOKE", "撤销手工打分"),
    /** A month's results: a grid worker their own score card, leaders and grid centres the rankings of their area. */
    ASSESSMENT_RESULTS("ASSESSMENT_RESULTS", "查看考核结果"),
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

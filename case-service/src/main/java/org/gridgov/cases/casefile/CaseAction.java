package org.gridgov.cases.casefile;

/** What staff can do to a case; who may do it depends on the case's current step (see {@code CaseService}). */
public enum CaseAction {
    REPORT("上报"),
    SELF_HANDLE("自行处理"),
    DISPATCH("分派"),
    COMPLETE("办结本步"),
    REJECT("驳回"),
    CONVERT_TO_DISPUTE("转矛盾纠纷"),
    SUPERVISE("督办"),
    /** 改分类: not a workflow step; taken through {@code CaseService.recategorize}, listed here for the history. */
    RECATEGORIZE("改分类"),
    /** 首次响应 (issue 19): {@code CaseResponses.respond}; listed here for the history. */
    RESPOND("首次响应"),
    /** 回访 (issue 19): {@code CaseResponses.returnVisit}. */
    RETURN_VISIT("回访"),
    /** 合并 and its undo (issue 19): {@code CaseMerges}. */
    MERGE("合并"),
    UNMERGE("撤销合并");

    private final String label;

    CaseAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

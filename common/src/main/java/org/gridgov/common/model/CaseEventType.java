package org.gridgov.common.model;

/** Steps of a case's lifecycle, from the hotline platform or the case service. */
public enum CaseEventType implements Labeled {
    CREATED("上报"),
    ASSIGNED("分派"),
    PROCESSED("处理"),
    REVIEWED("复核"),
    APPROVED("审查通过"),
    REJECTED("驳回"),
    CLOSED("结案"),
    PAUSED("挂起"),
    RESUMED("恢复"),
    CONVERTED_TO_DISPUTE("转矛盾纠纷"),
    /** 督办: a leader pressed the case; its step and deadline stay. */
    SUPERVISED("督办"),
    /** 首次响应: the handling department first contacted the reporter; timed against the response deadline. */
    RESPONDED("首次响应"),
    /** 回访: the reporter was asked after closure; the event carries the satisfaction. */
    RETURN_VISITED("回访"),
    /** 合并: the case became a linked duplicate of {@code masterCaseId}; never timed or dispatched on its own. */
    MERGED("合并"),
    /** 取消合并: 指挥中心 undid a merge; the case is timed and dispatched on its own again. */
    UNMERGED("取消合并");

    private final String label;

    CaseEventType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

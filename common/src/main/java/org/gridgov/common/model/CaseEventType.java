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
    SUPERVISED("督办");

    private final String label;

    CaseEventType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.gridgov.cases.casefile;

/** 回访 outcome as {@code CaseEvent.satisfaction} names it; 满意率 counts the first two. */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    DISSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

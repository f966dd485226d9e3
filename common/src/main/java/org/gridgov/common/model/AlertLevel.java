package org.gridgov.common.model;

/** Warning levels, most severe first: 红 橙 黄 蓝. */
public enum AlertLevel implements Labeled {
    RED("红"),
    ORANGE("橙"),
    YELLOW("黄"),
    BLUE("蓝");

    private final String label;

    AlertLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

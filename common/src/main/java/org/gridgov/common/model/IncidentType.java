package org.gridgov.common.model;

/** 警情类别 of a police incident. */
public enum IncidentType implements Labeled {
    DISPUTE("纠纷"),
    THEFT("盗窃"),
    FRAUD("诈骗"),
    TRAFFIC("交通"),
    FIGHT("打架斗殴"),
    NOISE("噪音扰民"),
    WAGE("讨薪"),
    OTHER("其他");

    private final String label;

    IncidentType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

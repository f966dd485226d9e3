package org.gridgov.common.model;

/** 纠纷类型 of a dispute a grid worker mediates (矛盾调处). */
public enum DisputeType implements Labeled {
    NEIGHBOURHOOD("邻里纠纷"),
    FAMILY("婚姻家庭纠纷"),
    PROPERTY_SERVICE("物业纠纷"),
    LABOUR("劳资纠纷"),
    LAND("土地纠纷"),
    CONSUMER("消费纠纷"),
    OTHER("其他纠纷");

    private final String label;

    DisputeType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

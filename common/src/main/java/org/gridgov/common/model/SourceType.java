package org.gridgov.common.model;

/** The five source systems; each has a raw topic, a dead-letter topic and a record type. */
public enum SourceType implements Labeled {
    HOTLINE("hotline", "12345热线", HotlineCase.class),
    PETITION("petition", "信访", Petition.class),
    ARREARS("arrears", "清欠", ArrearsCase.class),
    POLICE("police", "警情", PoliceIncident.class),
    GRID("grid", "网格", GridRecord.class);

    private final String code;
    private final String label;
    private final Class<? extends SourceRecord> recordType;

    SourceType(String code, String label, Class<? extends SourceRecord> recordType) {
        this.code = code;
        this.label = label;
        this.recordType = recordType;
    }

    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public Class<? extends SourceRecord> recordType() {
        return recordType;
    }

    /** Kafka topic the gateway publishes validated raw JSON to. */
    public String rawTopic() {
        return "raw." + code;
    }

    /** Kafka topic for records rejected before they reach the raw topic. */
    public String dlqTopic() {
        return "dlq." + code;
    }

    public static SourceType ofTopic(String topic) {
        for (SourceType s : values()) {
            if (s.rawTopic().equals(topic)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a raw topic: " + topic);
    }

    public static SourceType ofCode(String code) {
        for (SourceType s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown source " + code);
    }
}

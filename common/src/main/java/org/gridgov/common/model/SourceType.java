package org.gridgov.common.model;

/** The five source systems; each has a raw topic, a dead-letter topic and a record type. */
public enum SourceType implements Labeled {
    HOTLINE(
            "hotline",
            "12345热线",
            HotlineCase.class,
            "case_id",
            "accept_time",
            "caller_id_card",
            SourceRecord.CURRENT_SCHEMA_VERSION),
    PETITION(
            "petition",
            "信访",
            Petition.class,
            "petition_id",
            "petition_time",
            "person_id_card",
            SourceRecord.CURRENT_SCHEMA_VERSION),
    ARREARS(
            "arrears",
            "清欠",
            ArrearsCase.class,
            "case_id",
            "report_time",
            "complainant_id_card",
            SourceRecord.CURRENT_SCHEMA_VERSION),
    POLICE(
            "police",
            "警情",
            PoliceIncident.class,
            "incident_id",
            "report_time",
            "person_id_card",
            SourceRecord.CURRENT_SCHEMA_VERSION),
    /** Version 2 (issue 16): attendance, mediations and patrol tracks. */
    GRID("grid", "网格", GridRecord.class, "record_id", "record_time", "person_id_card", GridRecord.SCHEMA_VERSION);

    private final String code;
    private final String label;
    private final Class<? extends SourceRecord> recordType;
    private final String idField;
    private final String eventTimeField;
    private final String idCardField;
    private final int latestSchemaVersion;

    SourceType(
            String code,
            String label,
            Class<? extends SourceRecord> recordType,
            String idField,
            String eventTimeField,
            String idCardField,
            int latestSchemaVersion) {
        this.code = code;
        this.label = label;
        this.recordType = recordType;
        this.idField = idField;
        this.eventTimeField = eventTimeField;
        this.idCardField = idCardField;
        this.latestSchemaVersion = latestSchemaVersion;
    }

    /** The newest record layout of this source; readers accept versions 1 to this one. */
    public int latestSchemaVersion() {
        return latestSchemaVersion;
    }

    /** JSON field holding the record id. */
    public String idField() {
        return idField;
    }

    /** JSON field holding the event time. */
    public String eventTimeField() {
        return eventTimeField;
    }

    /** JSON field holding the ID card number of the person the record is about. */
    public String idCardField() {
        return idCardField;
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

    /**
     * Kafka topic the ODS loader publishes the accepted, PII-protected, conformed records to ({@link DwdRecord}): what
     * stream jobs after the loader read instead of the raw topic, which carries clear ID numbers.
     */
    public String dwdTopic() {
        return "dwd." + code;
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

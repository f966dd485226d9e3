package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.text;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/** Tables of alerts and their pushes (streaming-jobs, issue 3). Listed in {@link WarehouseSchema#ALL}. */
public final class AlertTables {

    private static final ColumnType CODE = varchar(32);
    private static final ColumnType ID = varchar(64);

    /**
     * One row per alert, keyed by its deterministic id: a replay or a restore from a checkpoint overwrites the row
     * with the same values. An alert that gains evidence (a fourth petition of the same episode) is the same row
     * with a higher {@code version}.
     */
    public static final Table ADS_ALERT_EVENT = Table.builder("ads_alert_event", Layer.ADS)
            .comment("预警 alerts for leaders: rule, level, subject (hashed person key, company or case) and evidence")
            .key("alert_id", ID, "deterministic alert id: rule + hash of what identifies the incident")
            .required(
                    "rule",
                    CODE,
                    "规则 repeat_petition/group_petition/repeat_call/cross_source/"
                            + "key_person_petition/escalation/case_due_soon/case_overdue/case_overdue_escalated")
            .required("level", CODE, "等级 RED/ORANGE/YELLOW/BLUE")
            .required("level_label", varchar(8), "等级 红/橙/黄/蓝")
            .required("subject_type", CODE, "PERSON (salted key), COMPANY or CASE")
            .required("subject_key", ID, "person key (never a clear ID), company name or case id")
            .required("evidence_ids", text(), "evidence record ids, comma-separated, in event-time order")
            .required("evidence_count", integer(), "number of evidence records")
            .required("message", text(), "说明 for leaders, no clear PII")
            .required("event_time", datetime(), "event time at which the rule fired (district time)")
            .required("last_evidence_time", datetime(), "event time of the latest evidence")
            .required("version", integer(), "1 when raised, +1 per update with new evidence or a higher level")
            .distributedBy(8, "alert_id")
            // 综合查询 reads a person's (or a company's) alerts by subject, newest first (issue 17): without this a
            // person file scanned every alert
            .index("idx_alert_subject", "subject_key", "subject_type", "event_time")
            .build();

    /**
     * The webhook's push log: one row per alert and channel, written before the push (claim) and after it (result),
     * so an alert replayed after a restart is recognised and not pushed again.
     */
    public static final Table AUDIT_ALERT_PUSH = Table.builder("audit_alert_push", Layer.AUDIT)
            .comment("预警推送日志 webhook pushes (DingTalk/WeCom) per alert, the dedup memory across restarts")
            .key("alert_id", ID, "alert id")
            .key("channel", CODE, "dingtalk or wecom")
            .required(
                    "status",
                    CODE,
                    "SENDING (claimed, push in flight), SENT, QUEUED (rate-limited, waits for a "
                            + "digest), DIGESTED (sent in a digest), FAILED")
            .required("rule", CODE, "规则")
            .required("level", CODE, "等级")
            .required("title", varchar(200), "one-line summary used in digests, no PII")
            .column("message_id", ID, "id of the push (digest id when pushed in a digest)")
            .required("attempts", integer(), "push attempts so far")
            .column("http_status", integer(), "HTTP status of the last attempt")
            .column("response", varchar(500), "robot response or error of the last attempt")
            .required("updated_at", datetime(), "wall-clock time of the last change")
            .distributedBy(4, "alert_id")
            .build();

    /**
     * Inputs the alert jobs could not use: records that fail validation (the ODS loader dead-letters the raw ones
     * too; {@code case.events} only reach this table) and events later than the allowed lateness.
     */
    public static final Table DLQ_ALERT_INPUT = Table.builder("dlq_alert_input", Layer.DLQ)
            .comment("alert job inputs rejected (INVALID) or too late (LATE), counted and kept with the reason")
            .key("input_id", ID, "source position topic:partition:offset, the same id as dlq_record for raw records")
            .required("kind", CODE, "INVALID or LATE")
            .required("source", CODE, "topic")
            .column("record_key", ID, "record id when it could be read (PII redacted)")
            .required("reason", varchar(1000), "why, PII redacted")
            .column("event_time", datetime(), "event time of a late event")
            .column("watermark_time", datetime(), "watermark when a late event arrived")
            .required("received_time", datetime(), "Kafka timestamp of the record")
            .distributedBy(4, "input_id")
            .build();

    /** Every table of this group, in creation order. */
    public static final List<Table> ALL = List.of(ADS_ALERT_EVENT, AUDIT_ALERT_PUSH, DLQ_ALERT_INPUT);

    private AlertTables() {}
}

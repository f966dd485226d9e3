package org.gridgov.streaming.alerts.fanout;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.streaming.alerts.AlertRecord;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.input.RejectedInput;
import org.gridgov.warehouse.AlertTables;
import org.gridgov.warehouse.TableRow;

/** Alerts and rejected inputs as warehouse rows; every value derives from the record, so a replay writes the same. */
public final class AlertRows {

    private AlertRows() {}

    public static TableRow alert(AlertRecord a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("alert_id", a.alertId);
        v.put("rule", a.rule.code());
        v.put("level", a.level.name());
        v.put("level_label", a.level.label());
        v.put("subject_type", a.rule.subjectType().name());
        v.put("subject_key", a.subjectKey);
        v.put("evidence_ids", String.join(",", a.evidenceIds));
        v.put("evidence_count", a.evidenceIds.length);
        v.put("message", a.message);
        v.put("event_time", EventTimes.text(a.eventTime));
        v.put("last_evidence_time", EventTimes.text(a.lastEvidenceTime));
        v.put("version", a.version);
        return AlertTables.ADS_ALERT_EVENT.row(v);
    }

    public static TableRow rejected(RejectedInput r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("input_id", truncate(r.inputId, 64));
        v.put("kind", r.kind);
        v.put("source", truncate(r.topic == null ? "" : r.topic, 32));
        v.put("record_key", r.recordKey == null ? null : truncate(PiiProtector.redact(r.recordKey), 64));
        v.put("reason", truncate(PiiProtector.redact(r.reason == null ? "" : r.reason), 1000));
        v.put("event_time", EventTimes.text(r.eventTime));
        v.put("watermark_time", EventTimes.text(r.watermark));
        v.put("received_time", EventTimes.text(Math.max(0, r.receivedTime)));
        return AlertTables.DLQ_ALERT_INPUT.row(v);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

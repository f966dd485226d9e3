package org.gridgov.streaming.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.model.SourceRecord;

/**
 * An alert as it travels through the job (a Flink POJO: public fields, arrays instead of lists, so no Kryo). It
 * becomes the platform's {@link Alert} on the {@code alerts} topic and one {@code ads_alert_event} row.
 * {@code version} is 1 when the alert is raised and grows with every update of the same alert id.
 */
public final class AlertRecord {

    public String alertId;
    public AlertRule rule;
    public AlertLevel level;
    public String subjectKey;
    public String[] evidenceIds;
    public String message;
    /** Event time at which the rule fired. */
    public long eventTime;

    public long lastEvidenceTime;
    public int version;

    public AlertRecord() {}

    public AlertRecord(
            String alertId,
            AlertRule rule,
            AlertLevel level,
            String subjectKey,
            String[] evidenceIds,
            String message,
            long eventTime,
            long lastEvidenceTime,
            int version) {
        this.alertId = alertId;
        this.rule = rule;
        this.level = level;
        this.subjectKey = subjectKey;
        this.evidenceIds = evidenceIds;
        this.message = message;
        this.eventTime = eventTime;
        this.lastEvidenceTime = lastEvidenceTime;
        this.version = version;
    }

    public Alert toAlert() {
        return new Alert(
                SourceRecord.CURRENT_SCHEMA_VERSION,
                alertId,
                rule.code(),
                level,
                subjectKey,
                List.of(evidenceIds),
                message,
                EventTimes.time(eventTime).withNano(0));
    }

    /** One line without PII, for logs and webhook digests. */
    public String title() {
        return "【" + level.label() + "】" + rule.label() + " " + shortSubject() + " 证据" + evidenceIds.length + "条 "
                + EventTimes.text(eventTime);
    }

    /** Person keys are 32 hex characters; eight identify a person well enough in a message. */
    public String shortSubject() {
        if (rule.subjectType() == AlertRule.SubjectType.PERSON && subjectKey.length() > 8) {
            return "人员" + subjectKey.substring(0, 8);
        }
        return subjectKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertRecord a
                && eventTime == a.eventTime
                && lastEvidenceTime == a.lastEvidenceTime
                && version == a.version
                && Objects.equals(alertId, a.alertId)
                && rule == a.rule
                && level == a.level
                && Objects.equals(subjectKey, a.subjectKey)
                && Arrays.equals(evidenceIds, a.evidenceIds)
                && Objects.equals(message, a.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alertId, version);
    }

    @Override
    public String toString() {
        return "AlertRecord[" + alertId + " v" + version + " " + level + " " + Arrays.toString(evidenceIds) + "]";
    }
}

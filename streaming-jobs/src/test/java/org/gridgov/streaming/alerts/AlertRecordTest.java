package org.gridgov.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.EventDecoder;
import org.gridgov.streaming.alerts.cases.CaseTrack;
import org.gridgov.streaming.alerts.fanout.AlertRows;
import org.gridgov.streaming.alerts.input.CaseSignal;
import org.gridgov.streaming.alerts.input.CompactType;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.input.PersonEvent;
import org.gridgov.streaming.alerts.input.RejectedInput;
import org.gridgov.streaming.alerts.person.GroupState;
import org.gridgov.streaming.alerts.person.KeyPersonUpdate;
import org.gridgov.streaming.alerts.person.PersonState;
import org.gridgov.warehouse.AlertTables;
import org.gridgov.warehouse.TableRow;
import org.junit.jupiter.api.Test;

class AlertRecordTest {

    static final long T = EventTimes.millis(LocalDateTime.of(2024, 1, 20, 10, 0, 5));

    static AlertRecord sample() {
        return new AlertRecord(
                AlertIds.of(AlertRule.GROUP_PETITION, "鑫源建筑", "G1"),
                AlertRule.GROUP_PETITION,
                AlertLevel.ORANGE,
                "鑫源建筑",
                new String[] {"G1", "G2"},
                "集体访: 5 人",
                T,
                T + 60_000,
                2);
    }

    @Test
    void becomesAPlatformAlertThatTheDecoderAccepts() {
        String json = Json.write(sample().toAlert());
        Decoded<Alert> d = EventDecoder.alert(json);
        assertThat(d.violations()).isEmpty();
        assertThat(d.value().alertId()).startsWith("group_petition-").hasSize("group_petition-".length() + 32);
        assertThat(d.value().level()).isEqualTo(AlertLevel.ORANGE);
        assertThat(d.value().evidenceIds()).containsExactly("G1", "G2");
        assertThat(d.value().eventTime()).isEqualTo(LocalDateTime.of(2024, 1, 20, 10, 0, 5));
    }

    @Test
    void alertIdsAreDeterministicAndDistinguishTheirParts() {
        assertThat(AlertIds.of(AlertRule.REPEAT_CALL, "k", "C1", "H1"))
                .isEqualTo(AlertIds.of(AlertRule.REPEAT_CALL, "k", "C1", "H1"))
                .isNotEqualTo(AlertIds.of(AlertRule.REPEAT_CALL, "k", "C1H1"))
                .isNotEqualTo(AlertIds.of(AlertRule.REPEAT_PETITION, "k", "C1", "H1"));
        assertThat(AlertIds.of(AlertRule.CASE_OVERDUE_ESCALATED, "x".repeat(100))
                        .length())
                .isLessThanOrEqualTo(64);
    }

    @Test
    void warehouseRowsFollowTheCatalogue() {
        TableRow row = AlertRows.alert(sample());
        assertThat(row.table).isEqualTo("ads_alert_event");
        assertThat(row.value(AlertTables.ADS_ALERT_EVENT, "level_label")).isEqualTo("橙");
        assertThat(row.value(AlertTables.ADS_ALERT_EVENT, "subject_type")).isEqualTo("COMPANY");
        assertThat(row.value(AlertTables.ADS_ALERT_EVENT, "evidence_ids")).isEqualTo("G1,G2");
        assertThat(row.value(AlertTables.ADS_ALERT_EVENT, "event_time")).isEqualTo("2024-01-20 10:00:05");
        assertThat(row.value(AlertTables.ADS_ALERT_EVENT, "version")).isEqualTo("2");

        RejectedInput late = RejectedInput.late(
                "raw.petition:1:9", "petition", "raw.petition", "XF-1", T, T + 3_600_000, T + 3_600_500, 600_000);
        TableRow r = AlertRows.rejected(late);
        assertThat(r.value(AlertTables.DLQ_ALERT_INPUT, "input_id")).isEqualTo("raw.petition:1:9/petition");
        assertThat(r.value(AlertTables.DLQ_ALERT_INPUT, "kind")).isEqualTo("LATE");
        assertThat(r.value(AlertTables.DLQ_ALERT_INPUT, "watermark_time")).isEqualTo("2024-01-20 11:00:05");
        assertThat(r.value(AlertTables.DLQ_ALERT_INPUT, "reason")).contains("allowed lateness of 600 s");
    }

    @Test
    void recordsAndStatesAreFlinkPojosSoNothingFallsBackToKryo() {
        ExecutionConfig config = new ExecutionConfig();
        config.getSerializerConfig().setGenericTypes(false);
        for (Class<?> c : new Class<?>[] {
            AlertRecord.class,
            InputEvent.class,
            RejectedInput.class,
            KeyPersonUpdate.class,
            PersonState.class,
            GroupState.class,
            CaseTrack.class
        }) {
            TypeInformation<?> info = TypeInformation.of(c);
            assertThat(info).as(c.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            // fails if any nested field would need Kryo
            info.createSerializer(config.getSerializerConfig());
        }
        // the events crossing the keyBy shuffles have their own compact serializer (CompactTypeTest)
        for (Class<?> c : new Class<?>[] {PersonEvent.class, CaseSignal.class}) {
            assertThat(TypeInformation.of(c)).as(c.getSimpleName()).isInstanceOf(CompactType.class);
        }
    }

    @Test
    void ruleParametersAreChecked() {
        assertThat(RuleParams.defaults().petitionCount()).isEqualTo(3);
        assertThat(RuleParams.defaults().groupWindowMs()).isEqualTo(6 * 3_600_000L);
        assertThatThrownBy(() -> new RuleParams(3, 1, 3, 1, 5, 1, 0, 1, 1.5, 1, 0, false))
                .hasMessageContaining("warn-fraction");
    }
}

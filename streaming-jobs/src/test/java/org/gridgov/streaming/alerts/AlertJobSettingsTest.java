package org.gridgov.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.streaming.api.WebhookFormat;
import org.junit.jupiter.api.Test;

class AlertJobSettingsTest {

    static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("warehouse.dialect", "mysql");
        return m;
    }

    @Test
    void defaultsAreThePlantedDefinitions() {
        AlertJob.Settings s = AlertJob.Settings.read(GridgovConfig.of(base(), StreamingJob.ALERTS.options()));
        assertThat(s.rules).isEqualTo(RuleParams.defaults());
        assertThat(s.delivery).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(s.webhook).isNull();
        assertThat(s.bounded).isFalse();
    }

    @Test
    void webhookFromConfigWithoutShowingItsSecrets() {
        Map<String, String> m = base();
        m.put("alerts.webhook.url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=s3cr3t-key");
        m.put("alerts.webhook.format", "wecom");
        m.put("alerts.webhook.min-level", "yellow");
        m.put("alerts.kafka.delivery", "exactly-once");
        AlertJob.Settings s = AlertJob.Settings.read(GridgovConfig.of(m, StreamingJob.ALERTS.options()));
        assertThat(s.webhook.format()).isEqualTo(WebhookFormat.WECOM);
        assertThat(s.webhook.minLevel()).isEqualTo(AlertLevel.YELLOW);
        assertThat(s.webhook.toString()).doesNotContain("s3cr3t");
        assertThat(s.delivery).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
    }

    @Test
    void secretsAsArgumentsAndBadValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> AlertJob.Settings.read(new String[] {"--alerts.webhook.secret=SECabc"}))
                .hasMessageContaining("GRIDGOV_ALERTS_WEBHOOK_SECRET");
        Map<String, String> m = base();
        m.put("alerts.kafka.delivery", "maybe");
        assertThatThrownBy(() -> AlertJob.Settings.read(GridgovConfig.of(m, StreamingJob.ALERTS.options())))
                .hasMessageContaining("at-least-once or exactly-once");
        Map<String, String> f = base();
        f.put("alerts.overdue.warn-fraction", "80%");
        assertThatThrownBy(() -> AlertJob.Settings.read(GridgovConfig.of(f, StreamingJob.ALERTS.options())))
                .hasMessageContaining("warn-fraction");
    }

    @Test
    void theJobNeedsNoSaltAndNeitherReadsNorHandsOnOne() {
        // it reads the loader's person keys and the registry's, and computes none (issue 15, least privilege)
        Map<String, String> m = base();
        m.put("pii.salt", "settings-test-salt-0123456789");
        AlertJob.Settings s = AlertJob.Settings.read(GridgovConfig.of(m, StreamingJob.ALERTS.options()));
        assertThat(s.clientSecrets).doesNotContainKey(GridgovOptions.PII_SALT);
        assertThat(AlertJob.Settings.read(GridgovConfig.of(base(), StreamingJob.ALERTS.options())).rules)
                .isEqualTo(RuleParams.defaults());
        assertThat(StreamingJob.ALERTS.options()).doesNotContain(GridgovOptions.PII_SALT);
    }
}

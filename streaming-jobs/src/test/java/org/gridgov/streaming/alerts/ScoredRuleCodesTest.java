package org.gridgov.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.simulator.score.ScoredRule;
import org.junit.jupiter.api.Test;

/**
 * The simulator scores alerts by the rule code stored in {@code ads_alert_event.rule} without seeing the job's
 * {@link AlertRule}: a renamed code here would make the demo score a rule as never raised.
 */
class ScoredRuleCodesTest {

    @Test
    void everyScoredRuleIsARuleOfTheJobUnderTheSameName() {
        for (ScoredRule scored : ScoredRule.values()) {
            assertThat(AlertRule.ofCode(scored.code()).name()).isEqualTo(scored.name());
        }
    }
}

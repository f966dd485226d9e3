package org.gridgov.batch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.gridgov.batch.AnalyticsJobs;
import org.gridgov.batch.arrears.ArrearsRules;
import org.gridgov.batch.hotwords.HotWordSettings;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.junit.jupiter.api.Test;

class AnalyticsOptionsTest {

    @Test
    void everyOptionIsDocumentedAndDistinctFromThePlatformsOptions() {
        assertThat(AnalyticsOptions.ALL)
                .extracting(ConfigOption::key)
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(
                        GridgovOptions.ALL.stream().map(ConfigOption::key).toList());
        assertThat(AnalyticsOptions.ALL).allSatisfy(o -> {
            assertThat(o.description()).isNotBlank();
            assertThat(o.defaultValue()).isNotNull();
            assertThat(o.secret()).isFalse();
        });
        // the platform's keys stay accepted next to ours (the launcher passes all of them)
        GridgovConfig c = GridgovConfig.fromArgs(
                new String[] {"--warehouse.dialect=mysql", "--hotwords.top-n=5", "--loader.bounded=true"},
                AnalyticsOptions.ALL);
        assertThat(c.get(AnalyticsOptions.HOTWORDS_TOP_N)).isEqualTo(5);
        assertThatThrownBy(() -> GridgovConfig.fromArgs(new String[] {"--hotwords.topn=5"}, AnalyticsOptions.ALL))
                .hasMessageContaining("unknown config key 'hotwords.topn'");
    }

    @Test
    void settingsRecordsReadTheirOptions() {
        GridgovConfig c = GridgovConfig.of(
                Map.of(
                        "arrears.min-workers",
                        "50",
                        "arrears.min-amount-yuan",
                        "500000",
                        "hotwords.idf-months",
                        "6",
                        "opinion.spike-ratio",
                        "3.5"),
                AnalyticsOptions.ALL);
        ArrearsRules rules = ArrearsRules.fromConfig(c);
        assertThat(rules.minWorkers()).isEqualTo(50);
        assertThat(rules.minAmountYuan()).isEqualTo(500_000L);
        assertThat(rules.staleDays()).isEqualTo(90);
        HotWordSettings hot = HotWordSettings.fromConfig(c);
        assertThat(hot.idfMonths()).isEqualTo(6);
        assertThat(hot.opinionSpikeRatio()).isEqualTo(3.5);
        assertThat(ArrearsRules.defaults()).isEqualTo(new ArrearsRules(30, 1_000_000L, 90, 2, 7, 90));
        assertThatThrownBy(() -> HotWordSettings.fromConfig(
                        GridgovConfig.of(Map.of("hotwords.top-n", "0"), AnalyticsOptions.ALL)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrearsRules(30, 0, 90, 2, 7, 90)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jobListIsValidatedAndKeepsTheCanonicalOrder() {
        assertThat(AnalyticsOptions.JOBS.defaultValue()).isEqualTo(AnalyticsJobs.ALL_JOBS);
        assertThat(AnalyticsOptions.JOBS.parse(" risk , HotWords "))
                .containsExactly(AnalyticsJob.HOTWORDS, AnalyticsJob.RISK);
        assertThatThrownBy(() -> AnalyticsOptions.JOBS.parse("hotwords,riks"))
                .hasMessageContaining("unknown job 'riks'");
        assertThatThrownBy(() -> AnalyticsOptions.JOBS.parse(" , ")).hasMessageContaining("names no job");
        assertThat(List.copyOf(AnalyticsJobs.ALL_JOBS))
                .hasSize(AnalyticsJob.values().length)
                .hasSize(11);
    }
}

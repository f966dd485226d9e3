package org.gridgov.batch.hotwords;

import java.io.Serializable;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.common.config.GridgovConfig;

/** Tunables of the hot-word job; see {@link AnalyticsOptions} for their meaning and defaults. */
public record HotWordSettings(
        int topN,
        int risingTopN,
        int idfMonths,
        int risingMinDocs,
        double risingMinLlr,
        int opinionMinDocs,
        double opinionSpikeRatio,
        double opinionMinLlr)
        implements Serializable {

    public HotWordSettings {
        if (topN < 1 || risingTopN < 1 || idfMonths < 1 || risingMinDocs < 1 || opinionMinDocs < 1) {
            throw new IllegalArgumentException("hot-word counts must be positive: " + topN + ", " + risingTopN + ", "
                    + idfMonths + ", " + risingMinDocs + ", " + opinionMinDocs);
        }
        if (risingMinLlr < 0 || opinionMinLlr < 0 || opinionSpikeRatio < 1) {
            throw new IllegalArgumentException("thresholds must be >= 0 and the spike ratio >= 1");
        }
    }

    public static HotWordSettings defaults() {
        return fromConfig(GridgovConfig.of(java.util.Map.of(), AnalyticsOptions.ALL));
    }

    public static HotWordSettings fromConfig(GridgovConfig config) {
        return new HotWordSettings(
                config.get(AnalyticsOptions.HOTWORDS_TOP_N),
                config.get(AnalyticsOptions.HOTWORDS_RISING_TOP_N),
                config.get(AnalyticsOptions.HOTWORDS_IDF_MONTHS),
                config.get(AnalyticsOptions.HOTWORDS_RISING_MIN_DOCS),
                config.get(AnalyticsOptions.HOTWORDS_RISING_MIN_LLR),
                config.get(AnalyticsOptions.OPINION_MIN_DOCS),
                config.get(AnalyticsOptions.OPINION_SPIKE_RATIO),
                config.get(AnalyticsOptions.OPINION_MIN_LLR));
    }
}

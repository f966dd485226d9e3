package org.gridgov.batch.arrears;

import java.io.Serializable;
import java.math.BigDecimal;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.common.config.GridgovConfig;

/** Thresholds that make an arrears case a key case (重点案件); see {@link AnalyticsOptions}. */
public record ArrearsRules(
        int minWorkers,
        long minAmountYuan,
        int staleDays,
        int repeatPetitions,
        int groupLinkDays,
        int petitionWindowDays)
        implements Serializable {

    public ArrearsRules {
        if (minWorkers < 1
                || minAmountYuan < 1
                || staleDays < 1
                || repeatPetitions < 1
                || groupLinkDays < 0
                || petitionWindowDays < 1) {
            throw new IllegalArgumentException("arrears thresholds must be positive");
        }
    }

    public static ArrearsRules defaults() {
        return fromConfig(GridgovConfig.of(java.util.Map.of(), AnalyticsOptions.ALL));
    }

    public static ArrearsRules fromConfig(GridgovConfig c) {
        return new ArrearsRules(
                c.get(AnalyticsOptions.ARREARS_MIN_WORKERS),
                c.get(AnalyticsOptions.ARREARS_MIN_AMOUNT),
                c.get(AnalyticsOptions.ARREARS_STALE_DAYS),
                c.get(AnalyticsOptions.ARREARS_REPEAT_PETITIONS),
                c.get(AnalyticsOptions.ARREARS_GROUP_LINK_DAYS),
                c.get(AnalyticsOptions.ARREARS_PETITION_WINDOW_DAYS));
    }

    public BigDecimal minAmount() {
        return BigDecimal.valueOf(minAmountYuan);
    }
}

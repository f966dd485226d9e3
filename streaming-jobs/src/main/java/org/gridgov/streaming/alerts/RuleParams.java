package org.gridgov.streaming.alerts;

import java.io.Serializable;
import java.time.Duration;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.streaming.api.AlertOptions;

/**
 * The rule parameters, shipped with the operators. Defaults ({@link #defaults()}) are the scenario definitions of
 * the generator: 3 petitions in 30 days, 5 distinct persons about one company within 6 hours, 3 calls on one
 * category in 30 days, a key person in a police incident.
 */
public record RuleParams(
        int petitionCount,
        long petitionWindowMs,
        int callCount,
        long callWindowMs,
        int groupPersons,
        long groupWindowMs,
        long crossSourceLookbackMs,
        long keyPersonTtlMs,
        double warnFraction,
        long escalateAfterMs,
        long allowedLatenessMs,
        boolean boundedInput)
        implements Serializable {

    public RuleParams {
        if (petitionCount < 2 || callCount < 2 || groupPersons < 2) {
            throw new IllegalArgumentException("repeat and group thresholds must be at least 2");
        }
        if (petitionWindowMs <= 0
                || callWindowMs <= 0
                || groupWindowMs <= 0
                || crossSourceLookbackMs < 0
                || keyPersonTtlMs <= 0
                || escalateAfterMs <= 0
                || allowedLatenessMs < 0) {
            throw new IllegalArgumentException("windows must be positive, lookback and lateness not negative");
        }
        if (!(warnFraction > 0 && warnFraction < 1)) {
            throw new IllegalArgumentException(
                    "alerts.overdue.warn-fraction must lie strictly between 0 and 1, got " + warnFraction);
        }
    }

    public static RuleParams defaults() {
        return new RuleParams(
                3,
                days(30),
                3,
                days(30),
                5,
                Duration.ofHours(6).toMillis(),
                days(30),
                days(90),
                0.8,
                Duration.ofHours(24).toMillis(),
                Duration.ofMinutes(10).toMillis(),
                false);
    }

    public static RuleParams from(GridgovConfig c) {
        return new RuleParams(
                c.get(AlertOptions.PETITION_COUNT),
                days(c.get(AlertOptions.PETITION_WINDOW_DAYS)),
                c.get(AlertOptions.CALL_COUNT),
                days(c.get(AlertOptions.CALL_WINDOW_DAYS)),
                c.get(AlertOptions.GROUP_PERSONS),
                Duration.ofHours(c.get(AlertOptions.GROUP_WINDOW_HOURS)).toMillis(),
                days(c.get(AlertOptions.CROSS_SOURCE_LOOKBACK_DAYS)),
                days(c.get(AlertOptions.KEY_PERSON_TTL_DAYS)),
                c.get(AlertOptions.WARN_FRACTION),
                Duration.ofHours(c.get(AlertOptions.ESCALATE_AFTER_HOURS)).toMillis(),
                c.get(AlertOptions.ALLOWED_LATENESS).toMillis(),
                c.get(AlertOptions.BOUNDED));
    }

    /**
     * A bounded run (backfill, demo) over an export: how far the watermark got before the input ended depends on
     * how the partitions happened to be read, so the overdue-case rule then trusts only each case's own records
     * (a reply or close after the moment proves it passed), which makes the alerts the same on every run.
     */
    public RuleParams withBoundedInput(boolean bounded) {
        return new RuleParams(
                petitionCount,
                petitionWindowMs,
                callCount,
                callWindowMs,
                groupPersons,
                groupWindowMs,
                crossSourceLookbackMs,
                keyPersonTtlMs,
                warnFraction,
                escalateAfterMs,
                allowedLatenessMs,
                bounded);
    }

    static long days(long n) {
        return Duration.ofDays(n).toMillis();
    }
}

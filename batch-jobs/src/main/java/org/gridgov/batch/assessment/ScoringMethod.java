package org.gridgov.batch.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How an assessment item turns its raw value into points (the contract; {@code dim_assessment_rule.method}).
 * Points are rounded half up to two decimals, as the ADS tables store them. A missing raw value (a satisfaction rate
 * with no 回访) gives no points. A rule's target is expected positive (the rules page validates it); a target of 0
 * or below is read as "already met" by {@link #RATIO_TO_TARGET}, as "none allowed" by {@link #INVERSE_COUNT}.
 */
public enum ScoringMethod {

    /** points = weight × min(1, raw / target): more is better, full points at the target. */
    RATIO_TO_TARGET {
        @Override
        double unrounded(double weight, double target, double raw) {
            return target <= 0 ? weight : weight * Math.min(1.0, raw / target);
        }
    },
    /** points = weight × max(0, 1 − raw / target): fewer is better, nothing left at the target. */
    INVERSE_COUNT {
        @Override
        double unrounded(double weight, double target, double raw) {
            if (target <= 0) {
                return raw <= 0 ? weight : 0.0;
            }
            return weight * Math.max(0.0, 1.0 - raw / target);
        }
    },
    /** weight if raw ≥ target, else 0. */
    THRESHOLD {
        @Override
        double unrounded(double weight, double target, double raw) {
            return raw >= target ? weight : 0.0;
        }
    };

    abstract double unrounded(double weight, double target, double raw);

    /** The points of a raw value (null: none), two decimals. */
    public BigDecimal points(double weight, double target, Double raw) {
        if (raw == null || raw.isNaN()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(unrounded(weight, target, raw)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The method a rule names, or an exception naming the rule's value and the methods known. */
    public static ScoringMethod of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown scoring method '" + name + "'; expected one of " + java.util.Arrays.toString(values()), e);
        }
    }
}

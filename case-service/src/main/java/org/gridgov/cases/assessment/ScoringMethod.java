package org.gridgov.cases.assessment;

import java.util.Locale;
import java.util.Optional;

/**
 * How an item's raw value becomes points (issue 16 contract; the assessment job applies the same formulas). The
 * direction is the sentence the rules page and the warehouse's {@code direction} column show.
 */
public enum ScoringMethod {
    /** points = weight × min(1, raw / target). */
    RATIO_TO_TARGET("越多越好，达到目标得满分"),
    /** points = weight × max(0, 1 − raw / target): each occurrence costs weight / target. */
    INVERSE_COUNT("越少越好，达到目标数时不得分"),
    /** points = weight if raw ≥ target, else 0. */
    THRESHOLD("达到目标得满分，否则不得分");

    private final String direction;

    ScoringMethod(String direction) {
        this.direction = direction;
    }

    public String direction() {
        return direction;
    }

    /** The points {@code raw} earns under this method; the page's worked examples and the tests use it. */
    public double points(double weight, double target, double raw) {
        return switch (this) {
            case RATIO_TO_TARGET -> weight * Math.min(1, raw / target);
            case INVERSE_COUNT -> weight * Math.max(0, 1 - raw / target);
            case THRESHOLD -> raw >= target ? weight : 0;
        };
    }

    public static Optional<ScoringMethod> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

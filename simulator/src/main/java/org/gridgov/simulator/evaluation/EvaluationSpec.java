package org.gridgov.simulator.evaluation;

import java.time.LocalDate;

/**
 * What to generate: a seed (never the demo generator's), the first day of the two months covered and the size of the
 * background. {@link #standard()} is the set the README's per-rule figures are measured on.
 */
public record EvaluationSpec(
        long seed,
        LocalDate firstDay,
        int days,
        int backgroundCalls,
        int backgroundPetitions,
        int backgroundIncidents) {

    public EvaluationSpec {
        if (days < 45 || backgroundCalls < 0 || backgroundPetitions < 0 || backgroundIncidents < 0) {
            throw new IllegalArgumentException("at least 45 days (the 31-day hard negatives need room), counts >= 0");
        }
    }

    /** March and April 2024, 1 500 background 12345 cases, 400 petitions and 400 police incidents. */
    public static EvaluationSpec standard() {
        return new EvaluationSpec(0x18E5A1L, LocalDate.of(2024, 3, 1), 61, 1500, 400, 400);
    }
}

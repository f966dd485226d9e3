package org.gridgov.simulator.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What to generate: a seed, whole calendar months starting at {@code firstMonth}, the exact number of records over
 * all sources and the share of each source's records that are deliberately broken; and whether the grid workers'
 * daily work records (attendance every working day, patrols with GPS tracks, their planted anomalies; issue 16) come
 * on top. Their volume is set by the workforce (one worker per grid, ~32 records a worker-month), not by
 * {@code totalRecords}, so specs that do not need them (most tests) leave them off.
 */
public record GeneratorSpec(
        long seed, YearMonth firstMonth, int months, long totalRecords, double invalidRate, boolean gridWork) {

    public GeneratorSpec {
        Objects.requireNonNull(firstMonth, "firstMonth");
        if (firstMonth.getYear() < 2000) {
            // the decoder rejects event times before 2000 as typing errors
            throw new IllegalArgumentException("firstMonth must be 2000-01 or later, got " + firstMonth);
        }
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1, got " + months);
        }
        if (totalRecords < 1) {
            throw new IllegalArgumentException("totalRecords must be positive, got " + totalRecords);
        }
        if (!(invalidRate >= 0 && invalidRate <= 0.5)) {
            throw new IllegalArgumentException("invalidRate must be within 0..0.5, got " + invalidRate);
        }
    }

    /** Without the grid workers' daily work records. */
    public GeneratorSpec(long seed, YearMonth firstMonth, int months, long totalRecords, double invalidRate) {
        this(seed, firstMonth, months, totalRecords, invalidRate, false);
    }

    /** January 2024, 20 000 records, 2 % invalid: what the demo and most tests use. */
    public static GeneratorSpec demo() {
        return new GeneratorSpec(20240101L, YearMonth.of(2024, 1), 1, 20_000, 0.02);
    }

    public GeneratorSpec withSeed(long newSeed) {
        return new GeneratorSpec(newSeed, firstMonth, months, totalRecords, invalidRate, gridWork);
    }

    public GeneratorSpec withTotalRecords(long newTotal) {
        return new GeneratorSpec(seed, firstMonth, months, newTotal, invalidRate, gridWork);
    }

    /** The same spec with (or without) the grid workers' daily work records. */
    public GeneratorSpec withGridWork(boolean on) {
        return new GeneratorSpec(seed, firstMonth, months, totalRecords, invalidRate, on);
    }

    /** First day of the period. */
    public LocalDate firstDay() {
        return firstMonth.atDay(1);
    }

    /** Last month of the period (inclusive). */
    public YearMonth lastMonth() {
        return firstMonth.plusMonths(months - 1L);
    }

    /** Start of the period, inclusive. */
    public LocalDateTime periodStart() {
        return firstDay().atStartOfDay();
    }

    /**
     * End of the period, exclusive: the moment the sources are "exported". Every recorded time lies before it;
     * only a hotline deadline, which is a due date rather than an event, may lie after it.
     */
    public LocalDateTime periodEnd() {
        return firstMonth.plusMonths(months).atDay(1).atStartOfDay();
    }
}

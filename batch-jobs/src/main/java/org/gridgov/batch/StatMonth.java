package org.gridgov.batch;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The month a batch job computes, as the warehouse writes it ({@code yyyy-MM}, the {@code accept_month} /
 * {@code stat_month} columns). Validated strictly because the value ends up in a pushed-down SQL predicate.
 */
public final class StatMonth {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private StatMonth() {}

    /** A configured month: blank or null means every month present in the input (returns null). */
    public static String parseOptional(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return require(raw.trim());
    }

    /** The month itself, or an exception naming the expected format. */
    public static String require(String month) {
        if (month == null || !MONTH.matcher(month).matches()) {
            throw new IllegalArgumentException("month must be yyyy-MM, got '" + month + "'");
        }
        return month;
    }

    /** The month {@code delta} months later (earlier when negative), as yyyy-MM. */
    public static String shift(String month, int delta) {
        return YearMonth.parse(require(month)).plusMonths(delta).toString();
    }

    /** Months since year 0 (year × 12 + month − 1): consecutive months differ by one, across years too. */
    public static int index(String month) {
        YearMonth m = YearMonth.parse(require(month));
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    /** First instant of the month (district wall-clock time). */
    public static LocalDateTime start(String month) {
        return YearMonth.parse(require(month)).atDay(1).atStartOfDay();
    }

    /** First instant of the next month: the exclusive end of the month, and the "as of" time of month-end views. */
    public static LocalDateTime end(String month) {
        return YearMonth.parse(require(month)).plusMonths(1).atDay(1).atStartOfDay();
    }

    /** Working days of the month: Monday to Friday (public holidays are not modelled, as in the simulator). */
    public static int workingDays(String month) {
        YearMonth m = YearMonth.parse(require(month));
        int n = 0;
        for (java.time.LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != java.time.DayOfWeek.SATURDAY && d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }

    /** How a month (or null: all months) is named in job summaries. */
    public static String describe(String month) {
        return month == null ? "all months" : month;
    }
}

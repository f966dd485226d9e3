package org.gridgov.batch;

import java.util.regex.Pattern;

/**
 * The month a batch job computes, as the warehouse writes it ({@code yyyy-MM}, the {@code accept_month} /
 * {@code stat_month} columns). Validated strictly because the value ends up in a pushed-down SQL predicate.
 */
public final class StatMonth {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private StatMonth() {
    }

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

    /** How a month (or null: all months) is named in job summaries. */
    public static String describe(String month) {
        return month == null ? "all months" : month;
    }
}

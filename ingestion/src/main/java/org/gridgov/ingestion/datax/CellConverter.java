package org.gridgov.ingestion.datax;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Converts a DataX {@code date} cell written in the column's {@code format} (SimpleDateFormat letters, as DataX
 * takes them) into the platform's {@code yyyy-MM-dd HH:mm:ss}. Strict: 2024-02-30 is an error, not March 1st.
 * Other types pass through as text; the record decoder judges numbers and booleans with the field's name.
 *
 * <p>Formats made of fixed-width {@code yyyy MM dd HH mm ss} and separators (all the shipped jobs use such) are read
 * by position, several times faster than {@link DateTimeFormatter}; others go through a strict formatter.
 */
final class CellConverter {

    /** The canonical form, strict: Json.TIME resolves 2024-02-30 to 2024-02-29 instead of failing. */
    private static final FixedPattern CANONICAL = FixedPattern.of("yyyy-MM-dd HH:mm:ss");

    private final String format;
    private final FixedPattern fixed;
    private final DateTimeFormatter formatter;

    CellConverter(String format) {
        this.format = format;
        this.fixed = format == null ? null : FixedPattern.of(format);
        this.formatter = format == null || fixed != null ? null : formatter(format);
    }

    /** A strict formatter for a SimpleDateFormat-style pattern ({@code yyyy} read as the proleptic year). */
    static DateTimeFormatter formatter(String pattern) {
        StringBuilder p = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            p.append(!quoted && c == 'y' ? 'u' : c);
        }
        return new DateTimeFormatterBuilder()
                .appendPattern(p.toString())
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The cell's time, or null when the cell matches neither the format nor the canonical form. */
    LocalDateTime toTime(String cell) {
        String s = cell.trim();
        LocalDateTime t = null;
        if (fixed != null) {
            t = fixed.parse(s);
        } else if (formatter != null) {
            try {
                TemporalAccessor a = formatter.parse(s);
                LocalTime time = a.query(TemporalQueries.localTime());
                t = LocalDateTime.of(LocalDate.from(a), time == null ? LocalTime.MIDNIGHT : time);
            } catch (DateTimeException e) {
                t = null;
            }
        }
        if (t == null) {
            // an unambiguous yyyy-MM-dd HH:mm:ss (or ISO) is accepted whatever the declared format
            t = CANONICAL.parse(s);
            if (t == null && s.indexOf('T') > 0) {
                try {
                    t = LocalDateTime.parse(s);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return t;
    }

    String describeFormat() {
        return format == null ? "yyyy-MM-dd HH:mm:ss" : format;
    }

    /** A pattern of fixed-width numeric fields and literal separators, parsed by position. */
    static final class FixedPattern {
        private static final String LETTERS = "yMdHms";
        private final int length;
        /** Start of each field (year, month, day, hour, minute, second) or -1, and its width. */
        private final int[] start = {-1, -1, -1, -1, -1, -1};

        private final int[] width = new int[6];
        private final char[] literal;

        private FixedPattern(int length, char[] literal) {
            this.length = length;
            this.literal = literal;
        }

        /** The fixed pattern, or null when the format uses anything else (text months, am/pm, quotes ...). */
        static FixedPattern of(String pattern) {
            char[] literal = new char[pattern.length()];
            FixedPattern p = new FixedPattern(pattern.length(), literal);
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) == c) {
                    j++;
                }
                int field = LETTERS.indexOf(c);
                if (Character.isLetter(c) || c == '\'') {
                    int expected = c == 'y' ? 4 : 2;
                    if (field < 0 || j - i != expected || p.start[field] >= 0) {
                        return null;
                    }
                    p.start[field] = i;
                    p.width[field] = expected;
                } else {
                    for (int k = i; k < j; k++) {
                        literal[k] = c;
                    }
                }
                i = j;
            }
            return p.start[0] < 0 || p.start[1] < 0 || p.start[2] < 0 ? null : p;
        }

        LocalDateTime parse(String s) {
            if (s.length() != length) {
                return null;
            }
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (literal[i] != 0 ? c != literal[i] : c < '0' || c > '9') {
                    return null;
                }
            }
            try {
                return LocalDateTime.of(
                        number(s, 0), number(s, 1), number(s, 2), number(s, 3), number(s, 4), number(s, 5));
            } catch (DateTimeException e) {
                return null; // month 13, February 30th, hour 24
            }
        }

        private int number(String s, int field) {
            if (start[field] < 0) {
                return 0;
            }
            int n = 0;
            for (int i = start[field]; i < start[field] + width[field]; i++) {
                n = n * 10 + (s.charAt(i) - '0');
            }
            return n;
        }
    }
}

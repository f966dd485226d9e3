package org.gridgov.ingestion.datax;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import org.gridgov.common.json.Json;

/**
 * Converts a DataX {@code date} cell written in the column's {@code format} (SimpleDateFormat letters, as DataX
 * takes them) into the platform's {@code yyyy-MM-dd HH:mm:ss}. Strict: 2024-02-30 is an error, not March 1st.
 * Other types pass through as text; the record decoder judges numbers and booleans with the field's name.
 */
final class CellConverter {

    /** Json.TIME, but strict: Json.TIME resolves 2024-02-30 to 2024-02-29 instead of failing. */
    private static final DateTimeFormatter CANONICAL = formatter("yyyy-MM-dd HH:mm:ss");

    private final DateTimeFormatter formatter;
    private final String format;

    CellConverter(String format) {
        this.format = format;
        this.formatter = format == null ? null : formatter(format);
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
        return new DateTimeFormatterBuilder().appendPattern(p.toString()).toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The canonical time text, or null when the cell matches neither the format nor the canonical form. */
    String toCanonicalTime(String cell) {
        String s = cell.trim();
        if (formatter != null) {
            try {
                TemporalAccessor t = formatter.parse(s);
                LocalTime time = t.query(TemporalQueries.localTime());
                return Json.time(LocalDateTime.of(LocalDate.from(t), time == null ? LocalTime.MIDNIGHT : time));
            } catch (java.time.DateTimeException e) {
                // fall through to the canonical form: an unambiguous yyyy-MM-dd HH:mm:ss is accepted whatever the format
            }
        }
        try {
            return Json.time(s.indexOf('T') > 0 ? LocalDateTime.parse(s) : LocalDateTime.parse(s, CANONICAL));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    String describeFormat() {
        return format == null ? "yyyy-MM-dd HH:mm:ss" : format;
    }
}

package org.gridgov.common.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as configuration text: a number with a unit or ISO-8601, a bare number meaning milliseconds (so a key
 * renamed from {@code *-ms} reads its old values unchanged). {@link #format} writes the largest exact unit, in the
 * spelling Flink's and Spring Boot's duration parsers read too ({@code m} for minutes).
 */
final class DurationText {

    static final String EXPECTED = "a number with a unit: 500ms, 10s, 5min, 1h, 2d; or ISO-8601 such as PT10S; "
            + "a bare number is milliseconds";

    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+)\\s*([a-z]*)");
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("", Duration.ofMillis(1)),
            Map.entry("ms", Duration.ofMillis(1)),
            Map.entry("millis", Duration.ofMillis(1)),
            Map.entry("s", Duration.ofSeconds(1)),
            Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("secs", Duration.ofSeconds(1)),
            Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)),
            Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("mins", Duration.ofMinutes(1)),
            Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)),
            Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)),
            Map.entry("d", Duration.ofDays(1)),
            Map.entry("day", Duration.ofDays(1)),
            Map.entry("days", Duration.ofDays(1)));

    private DurationText() {}

    /** Throws IllegalArgumentException for anything else, negative ISO durations included. */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p") || t.startsWith("-p")) {
            Duration d;
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative duration " + text);
            }
            return d;
        }
        Matcher m = NUMBER_UNIT.matcher(t);
        Duration unit = m.matches() ? UNITS.get(m.group(2)) : null;
        if (unit == null) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return unit.multipliedBy(Long.parseLong(m.group(1)));
    }

    static String format(Duration d) {
        if (d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        long ms = d.toMillis();
        if (ms == 0) {
            return "0ms";
        }
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}

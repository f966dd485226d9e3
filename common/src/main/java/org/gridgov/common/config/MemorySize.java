package org.gridgov.common.config;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory in bytes, read from text as Flink's {@code MemorySize} does: a byte count with an optional
 * 1024-based unit ({@code 512kb}, {@code 64mb}, {@code 1g}, {@code 2 GiB}); a bare number is bytes, so a key renamed
 * from {@code *-bytes} reads its old values unchanged.
 */
public record MemorySize(long bytes) implements Comparable<MemorySize>, Serializable {

    static final String EXPECTED =
            "a byte count with an optional 1024-based unit: 512kb, 64mb, 1g; " + "a bare number is bytes";

    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+)\\s*([a-z]*)");
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("b", 1L),
            Map.entry("bytes", 1L),
            Map.entry("k", 1L << 10),
            Map.entry("kb", 1L << 10),
            Map.entry("kib", 1L << 10),
            Map.entry("m", 1L << 20),
            Map.entry("mb", 1L << 20),
            Map.entry("mib", 1L << 20),
            Map.entry("g", 1L << 30),
            Map.entry("gb", 1L << 30),
            Map.entry("gib", 1L << 30),
            Map.entry("t", 1L << 40),
            Map.entry("tb", 1L << 40),
            Map.entry("tib", 1L << 40));

    public MemorySize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a memory size is not negative: " + bytes);
        }
    }

    public static MemorySize ofBytes(long bytes) {
        return new MemorySize(bytes);
    }

    public static MemorySize ofKibiBytes(long kib) {
        return new MemorySize(Math.multiplyExact(kib, 1L << 10));
    }

    public static MemorySize ofMebiBytes(long mib) {
        return new MemorySize(Math.multiplyExact(mib, 1L << 20));
    }

    /** Throws IllegalArgumentException (ArithmeticException past {@code Long.MAX_VALUE} bytes) on anything else. */
    public static MemorySize parse(String text) {
        Matcher m = NUMBER_UNIT.matcher(text.trim().toLowerCase(Locale.ROOT));
        Long unit = m.matches() ? UNITS.get(m.group(2)) : null;
        if (unit == null) {
            throw new IllegalArgumentException("not a memory size: " + text);
        }
        return new MemorySize(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
    }

    /** The size where an int is needed (buffer lengths); fails beyond 2 GiB - 1 instead of wrapping round. */
    public int bytesAsInt() {
        return Math.toIntExact(bytes);
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** The largest exact unit: {@code 16mb}, {@code 1gb}, {@code 1500b}. */
    @Override
    public String toString() {
        String[] units = {"tb", "gb", "mb", "kb"};
        for (int i = 0; i < units.length; i++) {
            long size = 1L << (10 * (4 - i));
            if (bytes != 0 && bytes % size == 0) {
                return bytes / size + units[i];
            }
        }
        return bytes + "b";
    }
}

package org.gridgov.common.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident ID card numbers (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence and
 * a check character computed with ISO 7064 MOD 11-2.
 */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdCardNumber() {}

    /** Why the number is invalid, or empty when it is valid. Lower-case x is accepted as X. */
    public static Optional<String> problem(String id) {
        if (id == null || id.length() != 18) {
            return Optional.of("must have 18 characters, has " + (id == null ? 0 : id.length()));
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                return Optional.of("character " + (i + 1) + " must be a digit");
            }
        }
        char last = Character.toUpperCase(id.charAt(17));
        if (!Character.isDigit(last) && last != 'X') {
            return Optional.of("last character must be a digit or X");
        }
        try {
            LocalDate birth = LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900) {
                return Optional.of("birth date " + birth + " is before 1900");
            }
            if (birth.isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))) {
                return Optional.of("birth date " + birth + " is in the future");
            }
        } catch (DateTimeException e) {
            return Optional.of("birth date " + id.substring(6, 14) + " is not a date");
        }
        char expected = checkChar(id.substring(0, 17));
        if (last != expected) {
            return Optional.of("checksum mismatch (check character should be " + expected + ")");
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** A valid number from its parts; used by the generator and tests. */
    public static String of(String region6, LocalDate birth, int sequence) {
        String first17 = region6
                + String.format(
                        "%04d%02d%02d%03d",
                        birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), sequence % 1000);
        return first17 + checkChar(first17);
    }

    /**
     * The one form a person's number is hashed and checked in, whatever the source wrote: whitespace (also the
     * ideographic space U+3000) removed, full-width digits and Ｘ read as ASCII, a trailing x upper-cased, and a
     * 15-digit first-generation number converted to its 18-digit form ({@link #fromFifteenDigits}). Anything else is
     * returned cleaned but unconverted, so {@link #problem} can say what is wrong with it. Null in, null out.
     */
    public static String normalize(String id) {
        if (id == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(18);
        id.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            if (c >= '\uFF10' && c <= '\uFF19') {
                sb.append((char) ('0' + (c - '\uFF10')));
            } else if (c == '\uFF38' || c == '\uFF58' || c == 'x') {
                sb.append('X');
            } else {
                sb.appendCodePoint(c);
            }
        });
        String s = sb.toString();
        return s.length() == 15 && allDigits(s) ? fromFifteenDigits(s) : s;
    }

    /**
     * GB 11643-1999's conversion of a first-generation (1984–2004) 15-digit number: the century "19" inserted before
     * the two-digit birth year after the 6-digit region, then the check character of the 17 digits appended. Every
     * 15-digit card was issued to someone born in the 1900s, so the century is not a guess.
     */
    public static String fromFifteenDigits(String fifteen) {
        if (fifteen.length() != 15 || !allDigits(fifteen)) {
            throw new IllegalArgumentException("expected 15 digits, got " + fifteen.length() + " characters");
        }
        String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6);
        return first17 + checkChar(first17);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

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

    private IdCardNumber() {
    }

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
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
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
        String first17 = region6 + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence % 1000);
        return first17 + checkChar(first17);
    }

    /** Upper-cases a trailing x so hashes of the same person agree whatever the source wrote. */
    public static String normalize(String id) {
        return id == null ? null : id.trim().toUpperCase();
    }
}

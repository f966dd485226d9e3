package org.gridgov.common.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers (11 digits, 1[3-9]…) and landlines with area code (0531-8888888). */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private PhoneNumber() {}

    public static Optional<String> problem(String phone) {
        if (phone == null || phone.isEmpty()) {
            return Optional.of("is empty");
        }
        String p = normalize(phone);
        if (MOBILE.matcher(p).matches() || LANDLINE.matcher(p).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + phone + "' is neither an 11-digit mobile number nor a landline with area code");
    }

    /**
     * Drops spaces (also full-width ones), reads full-width digits as ASCII and drops a +86 / 86 prefix, so the same
     * phone hashes alike from every source.
     */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(phone.length());
        phone.codePoints().forEach(c -> {
            if (c >= '\uFF10' && c <= '\uFF19') {
                sb.append((char) ('0' + (c - '\uFF10')));
            } else if (c == '\uFF0B') {
                sb.append('+');
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.appendCodePoint(c);
            }
        });
        String p = sb.toString();
        if (p.startsWith("+86")) {
            p = p.substring(3);
        } else if (p.startsWith("86") && p.length() == 13) {
            p = p.substring(2);
        }
        return p;
    }
}

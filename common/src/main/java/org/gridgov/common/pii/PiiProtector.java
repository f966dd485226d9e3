package org.gridgov.common.pii;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.common.validation.PhoneNumber;

/**
 * Keeps ID-card and phone numbers out of the analytic layers. A person is identified below ODS by a salted HMAC of the
 * normalised number, so the same person links across sources without the number being recoverable; what people see
 * is a masked form. The salt is a secret: whoever holds it can test guesses against the keys.
 * Instances are immutable and thread-safe; the Mac is per thread because javax.crypto.Mac is not.
 */
public final class PiiProtector implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9])\\d{17}[0-9Xx](?![0-9])");
    private static final Pattern MOBILE_LIKE = Pattern.compile("(?<![0-9])(?:\\+?86|0)?1[3-9]\\d{9}(?![0-9])");

    private final byte[] salt;
    private transient ThreadLocal<Mac> mac;

    public PiiProtector(String salt) {
        if (salt == null || salt.length() < 16) {
            throw new IllegalArgumentException("pii.salt must have at least 16 characters");
        }
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    /** Salted hash of an ID card number; null in, null out. 32 hex characters (128 bits). */
    public String idCardKey(String idCard) {
        return idCard == null ? null : hash("id:" + IdCardNumber.normalize(idCard));
    }

    /** Salted hash of a phone number, for callers who give no ID card. */
    public String phoneKey(String phone) {
        return phone == null ? null : hash("tel:" + PhoneNumber.normalize(phone));
    }

    /**
     * Salted hash of a name in its evidence form (simplified characters, no spaces: the loader's {@code PersonNames}).
     * Lets link decisions compare names without storing them; never a person key, since names are not unique.
     */
    public String nameKey(String evidenceName) {
        return evidenceName == null || evidenceName.isEmpty() ? null : hash("name:" + evidenceName);
    }

    /** The person key: the ID card's when known, else the phone's. */
    public String personKey(String idCard, String phone) {
        return idCard != null ? idCardKey(idCard) : phoneKey(phone);
    }

    private String hash(String value) {
        if (mac == null) {
            mac = ThreadLocal.withInitial(this::newMac);
        }
        byte[] digest = mac.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(salt, "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** 370112********123X: region and last four kept, birth date hidden. */
    public static String maskIdCard(String idCard) {
        if (idCard == null) {
            return null;
        }
        String id = IdCardNumber.normalize(idCard);
        return id.length() < 10
                ? "*".repeat(id.length())
                : id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** 138****5678. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = PhoneNumber.normalize(phone);
        if (p.length() == 12 && p.startsWith("01")) {
            p = p.substring(1);
        }
        return p.length() < 7
                ? "*".repeat(p.length())
                : p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }

    /** 张*, 欧阳** : the surname is kept. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        // count code points: rare characters in names (生僻字) lie outside the BMP and take two chars
        int length = name.codePointCount(0, name.length());
        int keep = length >= 4 ? 2 : 1;
        return name.substring(0, name.offsetByCodePoints(0, keep)) + "*".repeat(length - keep);
    }

    /** Masks anything in free text that looks like an ID card or mobile number (dead-letter payloads, complaint texts). */
    public static String redact(String text) {
        if (text == null || !hasDigitRun(text, 11)) {
            // both patterns need 11 ASCII digits in a row (a mobile's 1[3-9]\d{9}, an ID's 17 digits): most texts
            // have none, and the regexes' look-behinds cost more than this scan (issue 15: a tenth of the load's CPU)
            return text;
        }
        String s = replace(ID_LIKE.matcher(text), true);
        return replace(MOBILE_LIKE.matcher(s), false);
    }

    private static boolean hasDigitRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= length) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    private static String replace(Matcher m, boolean idCard) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(idCard ? maskIdCard(m.group()) : maskPhone(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

package org.gridgov.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex: token fingerprints, attachment checksums, case ids derived from idempotency keys. */
public final class Sha256 {

    /**
     * Cloned per call instead of {@code MessageDigest.getInstance}: the provider look-up was half of this class's
     * cost on every bearer-token request (issue 15's profile of a case creation); a digest is not thread-safe, its
     * clone is a fresh one.
     */
    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Sha256() {}

    public static String hex(byte[] bytes) {
        MessageDigest md;
        try {
            md = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
        return HexFormat.of().formatHex(md.digest(bytes));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}

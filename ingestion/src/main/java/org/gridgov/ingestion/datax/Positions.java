package org.gridgov.ingestion.datax;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Dead-letter ids and source names that fit their columns ({@code dlq_record.dlq_id} VARCHAR(64),
 * {@code dlq_record.source} VARCHAR(32)) yet stay deterministic and distinct: a name too long is cut and suffixed
 * with a short hash of the whole name, never simply truncated (two long names would collide).
 */
public final class Positions {

    static final int MAX_ID = 64;
    static final int MAX_SOURCE = 32;

    private Positions() {}

    /** {@code name:line}, at most 64 characters. */
    public static String of(String name, long line) {
        String suffix = ":" + line;
        return fit(name, MAX_ID - suffix.length()) + suffix;
    }

    /** The input name as a dead-letter source, at most 32 characters. */
    public static String source(String name) {
        return fit(name, MAX_SOURCE);
    }

    /** {@code name} if it fits in {@code max} characters, else cut and suffixed with a hash of the whole name. */
    public static String fit(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String hash = shortHash(name);
        return name.substring(0, Math.max(0, max - hash.length() - 1)) + "~" + hash;
    }

    static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

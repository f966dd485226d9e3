package org.gridgov.streaming.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic alert ids: the rule code and a hash of what identifies the incident (person + first evidence, case +
 * deadline, ...). A replay, a restore from a checkpoint or a second job over the same input computes the same id, so
 * the warehouse upsert overwrites, Kafka consumers dedup by key and the webhook pushes once.
 */
public final class AlertIds {

    private AlertIds() {}

    /** {@code <rule>-<32 hex>}, at most 55 characters. */
    public static String of(AlertRule rule, String... parts) {
        StringBuilder sb = new StringBuilder(rule.code());
        for (String p : parts) {
            sb.append('\u0001').append(p);
        }
        return rule.code() + "-" + HexFormat.of().formatHex(sha256(sb.toString()), 0, 16);
    }

    /** Eight hex characters of the text's SHA-256, to shorten long names. */
    public static String shortHash(String s) {
        return HexFormat.of().formatHex(sha256(s), 0, 4);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

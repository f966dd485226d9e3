package org.gridgov.cases.similarity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The oracle for {@link TextSignature#of(String, String)}: the stored form computed the plain way, from the feature
 * map {@link TextSimilarity#features} builds, its keys hashed as strings (64-bit FNV-1a over the UTF-8 bytes, then
 * MurmurHash3's fmix64), entries sorted by hash, colliding terms added together. Production hashes the terms as it
 * finds them, without the map; {@code TextSignatureTest} keeps the two byte-for-byte equal, so the stored signatures
 * (V13) cannot change shape unnoticed.
 */
final class FeatureMapSignature {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private FeatureMapSignature() {}

    /** The stored form of the signature of {@code features}: norm (double), then (hash long, weight float) pairs. */
    static byte[] bytes(Map<String, Double> features) {
        long[][] pairs = new long[features.size()][];
        int n = 0;
        for (Map.Entry<String, Double> e : features.entrySet()) {
            pairs[n++] = new long[] {hash(e.getKey()), Double.doubleToRawLongBits(e.getValue())};
        }
        Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
        long[] h = new long[pairs.length];
        float[] w = new float[pairs.length];
        int m = 0;
        for (long[] p : pairs) {
            float v = (float) Double.longBitsToDouble(p[1]);
            if (m > 0 && h[m - 1] == p[0]) {
                w[m - 1] += v;
            } else {
                h[m] = p[0];
                w[m++] = v;
            }
        }
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += (double) w[i] * w[i];
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 12 * m); // big-endian, as TextSignature stores
        b.putDouble(Math.sqrt(s));
        for (int i = 0; i < m; i++) {
            b.putLong(h[i]).putFloat(w[i]);
        }
        return b.array();
    }

    /** A feature key's hash, as TextSignature hashes the same term. */
    static long hash(String term) {
        long h = FNV_OFFSET;
        for (byte x : term.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (x & 0xff)) * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec3L;
        h ^= h >>> 33;
        return h;
    }
}

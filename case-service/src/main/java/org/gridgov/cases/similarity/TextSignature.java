package org.gridgov.cases.similarity;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A report's {@link TextSimilarity#features} kept in compact form, written once when the case is reported
 * ({@code case_record.text_sig}, V13) so the similar-case finder segments only the probe's text, not every candidate's.
 * The same weighted terms, each term replaced by a 64-bit hash: the cosine of two signatures is the cosine of the two
 * feature maps (the finder's score is unchanged) unless two different terms of one pair of reports share a hash.
 *
 * <p>Stored form (big-endian): the vector's norm (double), then one entry per term sorted by hash: hash (long), weight
 * (float; weights are sums of 1.0 and 0.5, exact in a float). {@link #cosine(byte[])} walks a stored signature in place
 * against this one, so scoring a candidate allocates nothing.
 */
public final class TextSignature {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);
    private static final int HEADER = 8;
    private static final int ENTRY = 12;

    private final long[] hashes;
    private final float[] weights;
    private final double norm;

    private TextSignature(long[] hashes, float[] weights, double norm) {
        this.hashes = hashes;
        this.weights = weights;
        this.norm = norm;
    }

    /** The signature of a report's text. */
    public static TextSignature of(String title, String description) {
        return of(TextSimilarity.features(title, description));
    }

    /** The signature of a feature map; terms whose hashes collide are added together. */
    public static TextSignature of(Map<String, Double> features) {
        long[] h = new long[features.size()];
        float[] w = new float[features.size()];
        int n = 0;
        long[][] pairs = new long[features.size()][];
        for (Map.Entry<String, Double> e : features.entrySet()) {
            pairs[n++] = new long[] {hash(e.getKey()), Double.doubleToRawLongBits(e.getValue())};
        }
        Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
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
        return new TextSignature(Arrays.copyOf(h, m), Arrays.copyOf(w, m), Math.sqrt(s));
    }

    /** The stored form (see the class comment). */
    public byte[] bytes() {
        byte[] b = new byte[HEADER + ENTRY * hashes.length];
        DOUBLE.set(b, 0, norm);
        for (int i = 0; i < hashes.length; i++) {
            LONG.set(b, HEADER + ENTRY * i, hashes[i]);
            FLOAT.set(b, HEADER + ENTRY * i + 8, weights[i]);
        }
        return b;
    }

    /** Whether {@code stored} is a well-formed stored signature. */
    public static boolean valid(byte[] stored) {
        return stored != null && stored.length >= HEADER && (stored.length - HEADER) % ENTRY == 0;
    }

    /** Cosine of this signature and another one's stored form, 0 when either is empty; allocates nothing. */
    public double cosine(byte[] stored) {
        int n = (stored.length - HEADER) / ENTRY;
        if (hashes.length == 0 || n == 0) {
            return 0;
        }
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < hashes.length && j < n) {
            long o = (long) LONG.get(stored, HEADER + ENTRY * j);
            long h = hashes[i];
            if (h == o) {
                dot += (double) weights[i] * (float) FLOAT.get(stored, HEADER + ENTRY * j + 8);
                i++;
                j++;
            } else if (h < o) {
                i++;
            } else {
                j++;
            }
        }
        return dot == 0 ? 0 : dot / (norm * (double) DOUBLE.get(stored, 0));
    }

    /** Cosine of two signatures (the stored form of the second). */
    public double cosine(TextSignature other) {
        return cosine(other.bytes());
    }

    /** 64-bit FNV-1a over the term's UTF-8 bytes, then MurmurHash3's fmix64 to spread the bits. */
    static long hash(String term) {
        long h = 0xcbf29ce484222325L;
        for (byte b : term.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec3L;
        h ^= h >>> 33;
        return h;
    }
}

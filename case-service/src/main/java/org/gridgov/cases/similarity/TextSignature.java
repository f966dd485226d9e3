package org.gridgov.cases.similarity;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    /**
     * The signature of a report's text: each term of {@link TextSimilarity#features} (key {@code "w:"} + word or
     * {@code "b:"} + bigram) hashed by 64-bit FNV-1a over the key's UTF-8 bytes, then MurmurHash3's fmix64, terms
     * whose hashes collide added together. The terms are hashed as {@link TextSimilarity#terms} finds them, with no
     * map, key strings or boxed weights in between (issue 15: this runs on every case creation); {@code
     * TextSignatureTest} checks the bytes against {@code FeatureMapSignature}, which hashes the feature map's keys, on
     * the duplicate generator's reports and the hand-written pairs.
     */
    public static TextSignature of(String title, String description) {
        HashList words = new HashList();
        HashList bigrams = new HashList();
        TextSimilarity.terms(title, description, new TextSimilarity.Terms() {
            @Override
            public void word(String word) {
                words.add(fmix(fnv(WORD_PREFIX, word.getBytes(StandardCharsets.UTF_8))));
            }

            @Override
            public void bigram(int first, int second) {
                bigrams.add(fmix(fnv(fnv(BIGRAM_PREFIX, first), second)));
            }
        });
        long[] w = words.sorted();
        long[] b = bigrams.sorted();
        long[] hashes = new long[w.length + b.length];
        float[] weights = new float[hashes.length];
        int m = 0;
        int i = 0;
        int j = 0;
        // one entry per distinct hash, weighing its words and bigrams together (colliding terms are added)
        while (i < w.length || j < b.length) {
            long h = j == b.length || i < w.length && w[i] <= b[j] ? w[i] : b[j];
            int nw = 0;
            while (i < w.length && w[i] == h) {
                nw++;
                i++;
            }
            int nb = 0;
            while (j < b.length && b[j] == h) {
                nb++;
                j++;
            }
            hashes[m] = h;
            weights[m++] = (float) (nw * TextSimilarity.WORD_WEIGHT + nb * TextSimilarity.BIGRAM_WEIGHT);
        }
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += (double) weights[k] * weights[k];
        }
        return new TextSignature(Arrays.copyOf(hashes, m), Arrays.copyOf(weights, m), Math.sqrt(s));
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

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** FNV-1a's state after the key prefixes {@code "w:"} and {@code "b:"}, where a word's or bigram's bytes go on. */
    private static final long WORD_PREFIX = fnv(FNV_OFFSET, "w:".getBytes(StandardCharsets.UTF_8));

    private static final long BIGRAM_PREFIX = fnv(FNV_OFFSET, "b:".getBytes(StandardCharsets.UTF_8));

    private static long fnv(long h, byte[] bytes) {
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    /** FNV-1a over a code point's UTF-8 bytes, as {@code String.getBytes(UTF_8)} encodes a valid one. */
    private static long fnv(long h, int cp) {
        if (cp < 0x80) {
            return (h ^ cp) * FNV_PRIME;
        }
        if (cp < 0x800) {
            h = (h ^ (0xc0 | cp >> 6)) * FNV_PRIME;
        } else {
            if (cp < 0x10000) {
                h = (h ^ (0xe0 | cp >> 12)) * FNV_PRIME;
            } else {
                h = (h ^ (0xf0 | cp >> 18)) * FNV_PRIME;
                h = (h ^ (0x80 | cp >> 12 & 0x3f)) * FNV_PRIME;
            }
            h = (h ^ (0x80 | cp >> 6 & 0x3f)) * FNV_PRIME;
        }
        return (h ^ (0x80 | cp & 0x3f)) * FNV_PRIME;
    }

    private static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec3L;
        h ^= h >>> 33;
        return h;
    }

    /** A growing array of term hashes. */
    private static final class HashList {
        private long[] values = new long[32];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] sorted() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}

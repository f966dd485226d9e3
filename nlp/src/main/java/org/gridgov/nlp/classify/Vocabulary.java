package org.gridgov.nlp.classify;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The features a model knows (numbered by position: the trainer puts the most frequent first, so the weight rows a
 * letter touches lie close together in memory) with each one's inverse document frequency, and the weighting that
 * turns a text's counts into its vector: sublinear term frequency × IDF for characters and words, log(1 + hits) for
 * lexicon features, each block scaled to unit length and then to its weight.
 */
final class Vocabulary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long[] keys;
    private final float[] idf;
    private final float[] blockWeights;
    private transient volatile LongIndex index;

    Vocabulary(long[] keys, float[] idf, FeatureSettings settings) {
        if (keys.length != idf.length) {
            throw new IllegalArgumentException("one idf per key");
        }
        this.keys = keys.clone();
        this.idf = idf.clone();
        this.blockWeights = new float[] {settings.charWeight(), settings.wordWeight(), settings.lexiconWeight()};
    }

    int size() {
        return keys.length;
    }

    long[] keys() {
        return keys.clone();
    }

    float[] idf() {
        return idf.clone();
    }

    /** The feature number of a key, or -1 for a feature the model never saw. */
    int indexOf(long key) {
        LongIndex i = index;
        if (i == null) {
            i = new LongIndex(keys);
            index = i; // benign race
        }
        return i.get(key);
    }

    /** The text's vector, features in ascending order (what liblinear needs for training). */
    SparseVector vector(FeatureCounts counts) {
        return vector(counts, true);
    }

    /** The text's vector; {@code sorted = false} leaves the features in table order, enough to classify. */
    SparseVector vector(FeatureCounts counts, boolean sorted) {
        int n = counts.size();
        int[] idx = new int[n];
        float[] val = new float[n];
        double[] norm = new double[3];
        int m = 0;
        for (int i = 0; i < n; i++) {
            long key = counts.key(i);
            int f = indexOf(key);
            if (f < 0) {
                continue;
            }
            float c = counts.count(i);
            int block = FeatureKeys.block(key);
            float v = block == FeatureKeys.BLOCK_LEXICON ? log1p(c) : (1 + log(Math.max(c, 1f))) * idf[f];
            idx[m] = f;
            val[m] = v;
            norm[block] += (double) v * v;
            m++;
        }
        float[] scale = new float[3];
        for (int b = 0; b < 3; b++) {
            scale[b] = norm[b] > 0 ? (float) (blockWeights[b] / Math.sqrt(norm[b])) : 0f;
        }
        for (int i = 0; i < m; i++) {
            val[i] *= scale[FeatureKeys.block(keys[idx[i]])];
        }
        if (sorted) {
            sortByIndex(idx, val, m);
        }
        return new SparseVector(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
    }

    /** Counts are small multiples of a half (a subject word counts twice): their logarithms come from a table. */
    private static final float[] LOG_HALVES = new float[129];

    private static final float[] LOG1P_HALVES = new float[129];

    static {
        for (int i = 0; i < LOG_HALVES.length; i++) {
            LOG_HALVES[i] = (float) Math.log(i / 2.0);
            LOG1P_HALVES[i] = (float) Math.log1p(i / 2.0);
        }
    }

    private static float log(float c) {
        float h = c * 2;
        int i = (int) h;
        return i == h && i < LOG_HALVES.length ? LOG_HALVES[i] : (float) Math.log(c);
    }

    private static float log1p(float c) {
        float h = c * 2;
        int i = (int) h;
        return i == h && i < LOG1P_HALVES.length ? LOG1P_HALVES[i] : (float) Math.log1p(c);
    }

    private static void sortByIndex(int[] idx, float[] val, int n) {
        // insertion sort is quadratic; pack (index, position) into longs and sort those instead
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) idx[i] << 32) | i;
        }
        Arrays.sort(packed);
        float[] v = Arrays.copyOf(val, n);
        for (int i = 0; i < n; i++) {
            idx[i] = (int) (packed[i] >>> 32);
            val[i] = v[(int) packed[i]];
        }
    }
}

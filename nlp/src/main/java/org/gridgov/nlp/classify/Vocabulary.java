package org.gridgov.nlp.classify;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The features a model knows (keys in ascending order, numbered by position) with each one's inverse document
 * frequency, and the weighting that turns a text's counts into its vector: sublinear term frequency × IDF for
 * characters and words, log(1 + hits) for lexicon features, each block scaled to unit length and then to its weight.
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
        for (int i = 1; i < keys.length; i++) {
            if (keys[i - 1] >= keys[i]) {
                throw new IllegalArgumentException("keys must ascend");
            }
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

    SparseVector vector(FeatureCounts counts) {
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
            float v = block == FeatureKeys.BLOCK_LEXICON ? (float) Math.log1p(c)
                    : (float) ((1 + Math.log(Math.max(c, 1f))) * idf[f]);
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
        sortByIndex(idx, val, m);
        return new SparseVector(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
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

package org.gridgov.nlp.classify;

import java.util.Arrays;

/**
 * The raw counts of one text's features (key → weighted count), reused text after text by one thread: a small open
 * addressing table that is cleared, not reallocated.
 */
final class FeatureCounts {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys = new long[4096];
    private float[] counts = new float[4096];
    private int[] used = new int[2048];
    private int size;

    void clear() {
        for (int i = 0; i < size; i++) {
            keys[used[i]] = EMPTY;
        }
        size = 0;
    }

    FeatureCounts() {
        Arrays.fill(keys, EMPTY);
    }

    void add(long key, float count) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (true) {
            long k = keys[slot];
            if (k == key) {
                counts[slot] += count;
                return;
            }
            if (k == EMPTY) {
                keys[slot] = key;
                counts[slot] = count;
                if (size == used.length) {
                    used = Arrays.copyOf(used, size * 2);
                }
                used[size++] = slot;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    long key(int i) {
        return keys[used[i]];
    }

    float count(int i) {
        return counts[used[i]];
    }

    private void grow() {
        long[] oldKeys = keys;
        float[] oldCounts = counts;
        int[] oldUsed = used;
        int oldSize = size;
        keys = new long[oldKeys.length * 2];
        counts = new float[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        used = new int[Math.max(oldUsed.length, keys.length / 2)];
        size = 0;
        for (int i = 0; i < oldSize; i++) {
            add(oldKeys[oldUsed[i]], oldCounts[oldUsed[i]]);
        }
    }
}

package org.gridgov.nlp.classify;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Feature key (a long) → feature number, open addressing with linear probing. Built once, then only read, so it is
 * shared by all threads; no boxing on the classification path.
 */
final class LongIndex implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] keys;
    private final int[] values;
    private final int mask;

    /** {@code keysInOrder[i]} gets number {@code i}; keys are distinct and none is {@link Long#MIN_VALUE}. */
    LongIndex(long[] keysInOrder) {
        int capacity = Integer.highestOneBit(Math.max(4, keysInOrder.length * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < keysInOrder.length; i++) {
            if (keysInOrder[i] == EMPTY) {
                throw new IllegalArgumentException("reserved key");
            }
            int slot = slot(keysInOrder[i]);
            while (keys[slot] != EMPTY) {
                if (keys[slot] == keysInOrder[i]) {
                    throw new IllegalArgumentException("duplicate key");
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = keysInOrder[i];
            values[slot] = i;
        }
    }

    /** The key's number, or -1. */
    int get(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}

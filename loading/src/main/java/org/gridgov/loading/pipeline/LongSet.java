package org.gridgov.loading.pipeline;

/**
 * An open-addressing set of 64-bit key hashes, for counting duplicate records of a million-row load in a few MB
 * instead of a set of strings. A hash collision counts two keys as one duplicate; the reconciliation stays exact
 * because it compares the rows read back with the same count (see {@code LoadPipeline}).
 */
public final class LongSet {

    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds the value; true when it was not present. */
    public boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) mix(value) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** FNV-1a over the characters, finished with a mixer: a well-spread 64-bit hash of a key string. */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}

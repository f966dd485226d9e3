package org.gridgov.simulator.generator;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the spec's seed, one per purpose (and per day where it matters), so that
 * adding a scenario or changing one source's volume does not reshuffle every other stream.
 */
final class Seeds {

    private final long seed;

    Seeds(long seed) {
        this.seed = seed;
    }

    SplittableRandom random(String purpose) {
        return new SplittableRandom(mix(seed, purpose.hashCode(), -1));
    }

    SplittableRandom random(String purpose, long index) {
        return new SplittableRandom(mix(seed, purpose.hashCode(), index));
    }

    static long mix(long seed, long a, long b) {
        long z = splitMix(seed + 0x9E3779B97F4A7C15L * (a + 1));
        return splitMix(z ^ (b * 0xC2B2AE3D27D4EB4FL));
    }

    /** The SplitMix64 finaliser: a cheap, well-mixing 64-bit hash. */
    static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package org.gridgov.simulator.generator;

/** Splits an exact total into integer parts proportional to weights; the parts always sum to the total. */
final class Allocation {

    private Allocation() {}

    static long[] spread(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            sum += w;
        }
        long[] parts = new long[weights.length];
        if (total == 0 || weights.length == 0) {
            return parts;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("cannot spread " + total + " over zero weights");
        }
        // cumulative rounding: part i = floor(total·cum(i)) − floor(total·cum(i−1)); the last cum is forced to 1
        double cum = 0;
        long before = 0;
        for (int i = 0; i < weights.length; i++) {
            cum += weights[i];
            long upTo = i == weights.length - 1 ? total : (long) Math.floor(total * (cum / sum));
            upTo = Math.min(total, Math.max(before, upTo));
            parts[i] = upTo - before;
            before = upTo;
        }
        return parts;
    }
}

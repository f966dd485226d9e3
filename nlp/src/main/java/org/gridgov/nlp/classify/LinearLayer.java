package org.gridgov.nlp.classify;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One-vs-rest linear scores over a set of labels with a softmax at temperature {@code T} on top: the temperature is
 * fitted on held-out texts so that the probabilities mean what they say. Only features with a weight have a row
 * (a layer for the 城乡建设 categories has no row for words never seen in those letters). Weights are kept as 16-bit
 * fractions of the layer's largest one: classification is bound by reading weight rows from memory, and half the
 * bytes is nearly twice the speed, while a 1/32767 step changes no answer.
 */
final class LinearLayer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] labels;
    /** Feature numbers with a row, ascending. */
    private final int[] features;
    /** Row-major: {@code weights[row * labels.length + label] * scale}. */
    private final short[] weights;

    private final float scale;
    private final float[] bias;
    private final float temperature;
    /** Feature number → row, or -1: built on first use, a few hundred kilobytes per layer. */
    private transient volatile int[] rowOf;

    /** A layer of float weights, quantised here. */
    LinearLayer(String[] labels, int[] features, float[] weights, float[] bias, float temperature) {
        this(labels, features, quantise(weights), scaleOf(weights), bias, temperature);
    }

    LinearLayer(String[] labels, int[] features, short[] weights, float scale, float[] bias, float temperature) {
        if (weights.length != features.length * labels.length || bias.length != labels.length) {
            throw new IllegalArgumentException("weights do not fit " + labels.length + " labels");
        }
        this.labels = labels.clone();
        this.features = features.clone();
        this.weights = weights.clone();
        this.scale = scale;
        this.bias = bias.clone();
        this.temperature = temperature;
    }

    private static float scaleOf(float[] weights) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        return max == 0 ? 1 : max / Short.MAX_VALUE;
    }

    private static short[] quantise(float[] weights) {
        float scale = scaleOf(weights);
        short[] out = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = (short) Math.round(weights[i] / scale);
        }
        return out;
    }

    LinearLayer withTemperature(float t) {
        return new LinearLayer(labels, features, weights, scale, bias, t);
    }

    String[] labels() {
        return labels.clone();
    }

    int size() {
        return labels.length;
    }

    String label(int i) {
        return labels[i];
    }

    int[] features() {
        return features.clone();
    }

    short[] quantisedWeights() {
        return weights.clone();
    }

    float scale() {
        return scale;
    }

    float[] bias() {
        return bias.clone();
    }

    float temperature() {
        return temperature;
    }

    /** The one-vs-rest decision values. */
    double[] logits(SparseVector x) {
        int k = labels.length;
        double[] z = new double[k];
        for (int j = 0; j < k; j++) {
            z[j] = bias[j];
        }
        int[] rows = rows();
        int[] idx = x.index();
        float[] val = x.value();
        for (int i = 0; i < idx.length; i++) {
            int f = idx[i];
            int row = f < rows.length ? rows[f] : -1;
            if (row < 0) {
                continue;
            }
            double v = val[i] * scale;
            int base = row * k;
            for (int j = 0; j < k; j++) {
                z[j] += weights[base + j] * v;
            }
        }
        return z;
    }

    private int[] rows() {
        int[] r = rowOf;
        if (r == null) {
            r = new int[features.length == 0 ? 0 : features[features.length - 1] + 1];
            Arrays.fill(r, -1);
            for (int i = 0; i < features.length; i++) {
                r[features[i]] = i;
            }
            rowOf = r; // benign race: equal arrays
        }
        return r;
    }

    double[] probabilities(SparseVector x) {
        return softmax(logits(x), temperature);
    }

    static double[] softmax(double[] z, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v / t);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] / t - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}

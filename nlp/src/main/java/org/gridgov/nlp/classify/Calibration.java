package org.gridgov.nlp.classify;

/**
 * Temperature scaling: the one number T that makes softmax(z / T) best predict held-out labels (least negative log
 * likelihood). One-vs-rest logistic scores are overconfident on texts unlike the training ones, and differently so
 * for each layer; a single T per layer fixes most of that without changing which class wins.
 */
final class Calibration {

    static final double MIN = 0.05;
    static final double MAX = 20;

    private Calibration() {}

    /** The temperature minimising the mean NLL of {@code gold} under softmax(logits / T); 1 when there is no data. */
    static double temperature(double[][] logits, int[] gold) {
        if (logits.length == 0) {
            return 1;
        }
        // golden-section search on log T: the NLL is unimodal in T for fixed logits
        double lo = Math.log(MIN);
        double hi = Math.log(MAX);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(logits, gold, Math.exp(a));
        double fb = nll(logits, gold, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(logits, gold, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(logits, gold, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double nll(double[][] logits, int[] gold, double t) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] p = LinearLayer.softmax(logits[i], t);
            sum -= Math.log(Math.max(p[gold[i]], 1e-12));
        }
        return sum / logits.length;
    }
}

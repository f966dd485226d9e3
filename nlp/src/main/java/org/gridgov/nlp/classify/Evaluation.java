package org.gridgov.nlp.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * First-level accuracy, macro-F1, calibration and auto-dispatch figures of a classifier's answers against gold
 * first-level classes (names, as 劳动和社会保障). Add answers one by one, then read the figures; not thread-safe.
 */
public final class Evaluation {

    /** Bins of the reliability curve and of the expected calibration error. */
    public static final int BINS = 10;

    /** One reliability bin: texts with confidence in [from, to), their mean confidence and accuracy. */
    public record Bin(double from, double to, int texts, double meanConfidence, double accuracy) {}

    private final List<String> gold = new ArrayList<>();
    private final List<String> predicted = new ArrayList<>();
    private final List<Double> confidence = new ArrayList<>();
    private final List<Boolean> auto = new ArrayList<>();

    public void add(String goldLevel1, Prediction p) {
        gold.add(goldLevel1);
        predicted.add(p.level1Name());
        confidence.add(p.confidence());
        auto.add(p.autoDispatch());
    }

    public int size() {
        return gold.size();
    }

    /** Gold classes in order of first appearance. */
    public Set<String> goldClasses() {
        return new LinkedHashSet<>(gold);
    }

    public double accuracy() {
        return accuracy(goldClasses());
    }

    /** Accuracy over the texts whose gold class is in {@code classes}. */
    public double accuracy(Collection<String> classes) {
        int n = 0;
        int right = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (classes.contains(gold.get(i))) {
                n++;
                right += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
            }
        }
        return n == 0 ? 0 : right / (double) n;
    }

    public double macroF1() {
        return macroF1(goldClasses());
    }

    /**
     * Mean F1 over {@code classes}, on the texts whose gold class is one of them: a prediction outside the set is an
     * error for its text's class and counts for no class's precision.
     */
    public double macroF1(Collection<String> classes) {
        double sum = 0;
        for (String c : classes) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < gold.size(); i++) {
                if (!classes.contains(gold.get(i))) {
                    continue;
                }
                boolean isGold = gold.get(i).equals(c);
                boolean isPredicted = predicted.get(i).equals(c);
                tp += isGold && isPredicted ? 1 : 0;
                fp += !isGold && isPredicted ? 1 : 0;
                fn += isGold && !isPredicted ? 1 : 0;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return classes.isEmpty() ? 0 : sum / classes.size();
    }

    /** Share of texts whose prediction lies outside {@code classes} (the issue measured 32 % before this model). */
    public double outside(Collection<String> classes) {
        int n = 0;
        int out = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (classes.contains(gold.get(i))) {
                n++;
                out += classes.contains(predicted.get(i)) ? 0 : 1;
            }
        }
        return n == 0 ? 0 : out / (double) n;
    }

    /** Reliability curve: {@link #BINS} equal-width confidence bins (empty ones included). */
    public List<Bin> reliability() {
        int[] n = new int[BINS];
        double[] conf = new double[BINS];
        int[] right = new int[BINS];
        for (int i = 0; i < gold.size(); i++) {
            int b = Math.min(BINS - 1, (int) (confidence.get(i) * BINS));
            n[b]++;
            conf[b] += confidence.get(i);
            right[b] += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            out.add(new Bin(
                    b / (double) BINS,
                    (b + 1) / (double) BINS,
                    n[b],
                    n[b] == 0 ? 0 : conf[b] / n[b],
                    n[b] == 0 ? 0 : right[b] / (double) n[b]));
        }
        return out;
    }

    /** Expected calibration error: the texts-weighted mean gap between confidence and accuracy over the bins. */
    public double expectedCalibrationError() {
        double sum = 0;
        for (Bin b : reliability()) {
            sum += b.texts() * Math.abs(b.meanConfidence() - b.accuracy());
        }
        return gold.isEmpty() ? 0 : sum / gold.size();
    }

    /** Accuracy of the texts the classifier marked for auto-dispatch. */
    public double autoDispatchPrecision() {
        int n = 0;
        int right = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (auto.get(i)) {
                n++;
                right += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
            }
        }
        return n == 0 ? 0 : right / (double) n;
    }

    /** Share of texts marked for auto-dispatch. */
    public double autoDispatchCoverage() {
        return gold.isEmpty() ? 0 : auto.stream().filter(b -> b).count() / (double) gold.size();
    }

    /** Precision and coverage had the threshold been {@code t}: what the threshold sweep prints. */
    public double[] atThreshold(double t) {
        int n = 0;
        int right = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (confidence.get(i) >= t) {
                n++;
                right += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
            }
        }
        return new double[] {n == 0 ? 0 : right / (double) n, gold.isEmpty() ? 0 : n / (double) gold.size()};
    }

    /** Gold → predicted → count, for the confusion table. */
    public Map<String, Map<String, Integer>> confusion() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < gold.size(); i++) {
            out.computeIfAbsent(gold.get(i), k -> new LinkedHashMap<>()).merge(predicted.get(i), 1, Integer::sum);
        }
        return out;
    }
}

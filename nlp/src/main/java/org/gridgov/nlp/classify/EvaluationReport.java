package org.gridgov.nlp.classify;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;

/** The figures of {@link Evaluation}s side by side: the model and its baselines, then the model's calibration. */
public final class EvaluationReport {

    private EvaluationReport() {}

    /**
     * One line per classifier (accuracy and macro-F1 over {@code classes}), then for {@code model} the share of
     * answers outside {@code classes}, the expected calibration error, auto-dispatch precision and coverage at its
     * threshold, a sweep of other thresholds and the reliability curve.
     */
    public static void print(
            PrintStream out,
            String title,
            Collection<String> classes,
            Map<String, Evaluation> byClassifier,
            String model,
            double threshold) {
        out.printf(
                "%s: %d texts, %d first-level classes%n",
                title, byClassifier.get(model).size(), classes.size());
        out.printf("  %-34s %8s %9s%n", "classifier", "accuracy", "macro-F1");
        byClassifier.forEach(
                (name, e) -> out.printf("  %-34s %8.3f %9.3f%n", name, e.accuracy(classes), e.macroF1(classes)));
        Evaluation e = byClassifier.get(model);
        out.printf(
                "  %s: answers outside these classes %.1f %%, expected calibration error %.3f%n",
                model, 100 * e.outside(classes), e.expectedCalibrationError());
        out.printf(
                "  auto-dispatch at confidence >= %.2f: precision %.3f, coverage %.3f%n",
                threshold, e.autoDispatchPrecision(), e.autoDispatchCoverage());
        StringBuilder sweep = new StringBuilder("  other thresholds (precision/coverage):");
        for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 0.95}) {
            double[] pc = e.atThreshold(t);
            sweep.append(String.format(" %.2f %.3f/%.3f", t, pc[0], pc[1]));
        }
        out.println(sweep);
        out.println("  reliability (confidence bin: texts, mean confidence, accuracy):");
        for (Evaluation.Bin b : e.reliability()) {
            if (b.texts() > 0) {
                out.printf(
                        "    [%.1f, %.1f) %5d  %.3f  %.3f%n",
                        b.from(), b.to(), b.texts(), b.meanConfidence(), b.accuracy());
            }
        }
    }
}

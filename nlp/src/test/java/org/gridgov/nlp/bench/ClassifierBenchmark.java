package org.gridgov.nlp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.api.ClassifierBenchmarkOptions;
import org.gridgov.nlp.api.NlpCommand;
import org.gridgov.nlp.classify.LetterModel;
import org.gridgov.nlp.corpus.TrainingLetters;
import org.gridgov.nlp.eval.IndependentLetters;
import org.gridgov.nlp.letters.LetterNormalizer;

/**
 * Classification throughput on one core: letters of both generators (about half with salutations, closings and
 * signatures), classified whole (normalisation, segmentation, features, both layers, three suggestions), and the
 * stages alone. Figures are characters of the raw input per second of the thread's CPU time (what one core does,
 * whatever else the machine runs) and of wall time, median and best of {@code --bench.rounds}. Run by
 * {@code gridgov bench classify [--bench.letters=N] [--bench.rounds=R]}; never by a test.
 */
public final class ClassifierBenchmark {

    public static void main(String[] args) {
        GridgovConfig config = GridgovConfig.fromArgs(args, NlpCommand.CLASSIFIER_BENCHMARK.options());
        int texts = config.get(ClassifierBenchmarkOptions.LETTERS);
        int rounds = config.get(ClassifierBenchmarkOptions.ROUNDS);
        List<String> letters = letters(texts);
        long chars = letters.stream().mapToLong(String::length).sum();
        LetterModel model = LetterModel.standard();
        GovSegmenter segmenter = GovSegmenter.perThread();
        System.out.printf(
                Locale.ROOT,
                "classification benchmark: %,d letters, %,d chars (%.0f per letter), model %s%n",
                letters.size(),
                chars,
                chars / (double) letters.size(),
                model.version());
        measure("classify (normalise + segment + features + layers)", letters, chars, rounds, t -> model.classify(t)
                .categoryCode()
                .length());
        measure("  letter normalisation alone", letters, chars, rounds, t -> LetterNormalizer.normalize(t)
                .body()
                .length());
        measure("  segmentation alone (HanLP Viterbi + domain words)", letters, chars, rounds, t -> segmenter
                .terms(t)
                .size());
    }

    private static void measure(String what, List<String> letters, long chars, int rounds, ToLongFunction<String> f) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (String t : letters) {
            sink += f.applyAsLong(t); // warm-up
        }
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (String t : letters) {
                sink += f.applyAsLong(t);
            }
            cpu[r] = chars / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
            wall[r] = chars / ((System.nanoTime() - w0) / 1e9);
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(
                Locale.ROOT,
                "%-52s 1 thread: %,11.0f chars/s per core (CPU time; best %,.0f), " + "%,11.0f chars/s wall [%d]%n",
                what,
                cpu[rounds / 2],
                cpu[rounds - 1],
                wall[rounds / 2],
                sink % 10);
    }

    /** Training-generator and independent-generator letters, alternating. */
    static List<String> letters(int n) {
        List<String> a = new ArrayList<>();
        TrainingLetters.standard().generate(Math.max(10, n / 100), 77L).forEach(t -> a.add(t.text()));
        List<String> b = new ArrayList<>();
        IndependentLetters.standard().letters(1000, 10, 78L).forEach(t -> b.add(t.subject() + "\n" + t.text()));
        java.util.Collections.shuffle(a, new java.util.Random(1));
        java.util.Collections.shuffle(b, new java.util.Random(2));
        List<String> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n && (i < a.size() || i < b.size()); i++) {
            if (i < a.size()) {
                out.add(a.get(i));
            }
            if (i < b.size() && out.size() < n) {
                out.add(b.get(i));
            }
        }
        return out;
    }
}

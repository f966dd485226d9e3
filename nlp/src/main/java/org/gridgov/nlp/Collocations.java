package org.gridgov.nlp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phrases from adjacent content words that occur together far more often than chance (电动车 + 充电, 房顶 + 漏水): a
 * pair of words is a phrase when it is in at least {@code minDocs} texts, its pointwise mutual information (over
 * texts: how many times more texts hold the pair than independence predicts, as a natural log) reaches
 * {@code minPmi}, and Dunning's log-likelihood ratio G² of the 2×2 table (texts with/without each word) reaches
 * {@code minLlr}; the {@code max} strongest by G² are kept. Counting texts, not occurrences, as the hot words do.
 *
 * <p>{@link #learn} counts in memory; a Spark job counts the same document frequencies in a distributed way and
 * hands them to {@link #select}. Immutable.
 */
public final class Collocations implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Thresholds; see the class comment. */
    public record Settings(int minDocs, double minPmi, double minLlr, int max) implements Serializable {

        /** G² ≥ 10.83 is p < 0.001 for one degree of freedom; PMI ≥ 1 is e times the chance count. */
        public static Settings defaults() {
            return new Settings(5, 1.0, 10.83, 1000);
        }
    }

    /** A candidate pair with its document frequency and those of its words, and its scores once selected. */
    public record Candidate(String pair, long pairDocs, long firstDocs, long secondDocs) {}

    /** A selected phrase. */
    public record Phrase(String pair, String text, long docs, double pmi, double llr) implements Serializable {}

    private final List<Phrase> phrases;
    private final Set<String> pairs;

    private Collocations(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
        Set<String> keys = new LinkedHashSet<>();
        phrases.forEach(p -> keys.add(p.pair()));
        this.pairs = Set.copyOf(keys);
    }

    /** No phrases: words counted alone. */
    public static Collocations none() {
        return new Collocations(List.of());
    }

    /** Learns from texts already reduced to their topic words. */
    public static Collocations learn(List<TopicWords> texts, Settings settings) {
        Map<String, Long> wordDocs = new HashMap<>();
        Map<String, Long> pairDocs = new HashMap<>();
        for (TopicWords t : texts) {
            t.words().forEach(w -> wordDocs.merge(w, 1L, Long::sum));
            t.pairs().forEach(p -> pairDocs.merge(p, 1L, Long::sum));
        }
        List<Candidate> candidates = new ArrayList<>();
        pairDocs.forEach((pair, docs) -> {
            int tab = pair.indexOf(TopicWords.PAIR);
            candidates.add(new Candidate(
                    pair, docs, wordDocs.get(pair.substring(0, tab)), wordDocs.get(pair.substring(tab + 1))));
        });
        return select(candidates, texts.size(), settings);
    }

    /** The phrases among counted candidates of {@code texts} texts. */
    public static Collocations select(List<Candidate> candidates, long texts, Settings settings) {
        List<Phrase> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.pairDocs() < settings.minDocs()) {
                continue;
            }
            double pmi = pmi(c.pairDocs(), c.firstDocs(), c.secondDocs(), texts);
            double llr = llr(c.pairDocs(), c.firstDocs(), c.secondDocs(), texts);
            if (pmi >= settings.minPmi() && llr >= settings.minLlr()) {
                out.add(new Phrase(c.pair(), TopicWords.phrase(c.pair()), c.pairDocs(), pmi, llr));
            }
        }
        out.sort(Comparator.comparingDouble(Phrase::llr).reversed().thenComparing(Phrase::pair));
        return new Collocations(out.subList(0, Math.min(settings.max(), out.size())));
    }

    /** ln(n·ab / (a·b)): texts with both words against what independence predicts. */
    public static double pmi(long ab, long a, long b, long n) {
        return Math.log((double) ab * n / ((double) a * b));
    }

    /** G² of the 2×2 table of texts with and without each word. */
    public static double llr(long ab, long a, long b, long n) {
        double k11 = ab;
        double k12 = a - ab;
        double k21 = b - ab;
        double k22 = n - a - b + ab;
        return 2
                * (xlogx(k11)
                        + xlogx(k12)
                        + xlogx(k21)
                        + xlogx(k22)
                        - xlogx(k11 + k12)
                        - xlogx(k21 + k22)
                        - xlogx(k11 + k21)
                        - xlogx(k12 + k22)
                        + xlogx(n));
    }

    private static double xlogx(double x) {
        return x <= 0 ? 0 : x * Math.log(x);
    }

    public List<Phrase> phrases() {
        return phrases;
    }

    public boolean isPhrase(String pair) {
        return pairs.contains(pair);
    }

    /** The phrases a text's pairs spell, in the text's order. */
    public List<String> in(TopicWords text) {
        List<String> out = new ArrayList<>();
        for (String p : text.pairs()) {
            if (pairs.contains(p)) {
                out.add(TopicWords.phrase(p));
            }
        }
        return out;
    }
}

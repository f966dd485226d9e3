package org.gridgov.batch.hotwords;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gridgov.common.district.District;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.RiskTerms;
import org.gridgov.nlp.TopicWords;

/**
 * The hot-word job's per-partition combiner: reads texts and counts, per (month, street, category), the texts, the
 * texts with a risk term, and the texts holding each topic word, adjacent word pair ({@link TopicWords}) and risk term
 * ({@link RiskTerms}). Counting texts: a text's words and pairs are distinct, so a word said three times is one.
 * It emits the counts already rolled up to the job's scopes (the district, the street, the category of each month):
 * the outputs never need the (street, category) grain, and a word's rows per scope are far fewer than its rows per
 * grain (a word in 10 streets × 50 categories is 500 grain rows, 61 scope rows).
 *
 * <p>Why: a row per text with arrays of words, exploded and aggregated by Spark, cost more than the segmentation
 * itself (the job took 3× its segmentation time); then rows per grain, rolled up to the scopes by Spark, made the
 * steps after the counting cost as much as the counting. Here the only per-text work is the text's own, and the rows
 * Spark shuffles are one per (month, scope, key) and partition. The counts of one partition are partial: the job sums
 * them across partitions ({@link HotWordsJob#counts}). Memory is bounded: when {@code maxEntries} keys are held the
 * counts so far are emitted and forgotten, which only means more partial rows to sum.
 *
 * <p>Not thread-safe: one per partition (it holds a {@link GovSegmenter}).
 */
final class TextCounts {

    /** Kinds of counted key ({@link HotWordsJob#COUNTS} column {@code kind}). */
    static final String TEXTS = "N";

    static final String RISK_TEXTS = "K";
    static final String WORD = "W";
    static final String PAIR = "P";
    static final String TERM = "R";
    /** Keys held before the counts are emitted: about 100 bytes each, so tens of MB per running task. */
    static final int MAX_ENTRIES = 1 << 19;

    private static final class Grain {
        final String month;
        final String street;
        final String category;
        long texts;
        long riskTexts;
        final Map<String, long[]> words = new HashMap<>();
        final Map<String, long[]> pairs = new HashMap<>();
        final Map<String, long[]> terms = new HashMap<>();

        Grain(String month, String street, String category) {
            this.month = month;
            this.street = street;
            this.category = category;
        }

        boolean is(String m, String s, String c) {
            return Objects.equals(month, m) && Objects.equals(street, s) && Objects.equals(category, c);
        }
    }

    private final GovSegmenter segmenter;
    private final int maxEntries;
    private final Map<List<String>, Grain> grains = new HashMap<>();
    private final Set<String> words = new HashSet<>();
    private final Set<String> pairs = new HashSet<>();
    private Grain last;
    private int entries;

    TextCounts(GovSegmenter segmenter, int maxEntries) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** Counts one text of a grain; a null or blank content counts as a text without words. */
    void add(String month, String street, String category, String content) {
        Grain g = grain(month, street, category);
        g.texts++;
        words.clear();
        pairs.clear();
        TopicWords.collect(content, segmenter, words, pairs);
        for (String w : words) {
            increment(g.words, w);
        }
        for (String p : pairs) {
            increment(g.pairs, p);
        }
        List<String> risk = RiskTerms.find(content);
        if (!risk.isEmpty()) {
            g.riskTexts++;
            for (String t : risk) {
                increment(g.terms, t);
            }
        }
    }

    /** Whether the counts held should be emitted before more texts are read. */
    boolean full() {
        return entries >= maxEntries;
    }

    /** Receives the counts: one call per month, scope, kind and key ({@link HotWordsJob#COUNTS}'s columns). */
    interface Sink {
        void accept(String month, String scopeType, String scopeCode, String kind, String key, long docs);
    }

    /** Emits every count held, rolled up to the scopes, and forgets them. */
    void drain(Sink out) {
        Map<List<String>, Grain> scopes = new HashMap<>();
        for (Grain g : grains.values()) {
            addTo(scopes, g, HotWordsJob.DISTRICT, District.CODE);
            addTo(scopes, g, HotWordsJob.STREET, g.street);
            addTo(scopes, g, HotWordsJob.CATEGORY, g.category);
        }
        // a scope is a Grain whose street holds the scope type and category the scope code
        for (Grain s : scopes.values()) {
            out.accept(s.month, s.street, s.category, TEXTS, "", s.texts);
            if (s.riskTexts > 0) {
                out.accept(s.month, s.street, s.category, RISK_TEXTS, "", s.riskTexts);
            }
            s.words.forEach((k, n) -> out.accept(s.month, s.street, s.category, WORD, k, n[0]));
            s.pairs.forEach((k, n) -> out.accept(s.month, s.street, s.category, PAIR, k, n[0]));
            s.terms.forEach((k, n) -> out.accept(s.month, s.street, s.category, TERM, k, n[0]));
        }
        grains.clear();
        last = null;
        entries = 0;
    }

    private static void addTo(Map<List<String>, Grain> scopes, Grain g, String type, String code) {
        Grain s = scopes.computeIfAbsent(Arrays.asList(g.month, type, code), k -> new Grain(g.month, type, code));
        s.texts += g.texts;
        s.riskTexts += g.riskTexts;
        merge(s.words, g.words);
        merge(s.pairs, g.pairs);
        merge(s.terms, g.terms);
    }

    private static void merge(Map<String, long[]> into, Map<String, long[]> from) {
        from.forEach((k, n) -> {
            long[] m = into.get(k);
            if (m == null) {
                into.put(k, new long[] {n[0]});
            } else {
                m[0] += n[0];
            }
        });
    }

    private Grain grain(String month, String street, String category) {
        // a partition's texts come in runs of few grains: check the last one before hashing a key
        if (last != null && last.is(month, street, category)) {
            return last;
        }
        Grain g =
                grains.computeIfAbsent(Arrays.asList(month, street, category), k -> new Grain(month, street, category));
        if (g.texts == 0) {
            entries++;
        }
        last = g;
        return g;
    }

    private void increment(Map<String, long[]> counts, String key) {
        long[] n = counts.get(key);
        if (n == null) {
            counts.put(key, new long[] {1});
            entries++;
        } else {
            n[0]++;
        }
    }
}

package org.gridgov.batch.hotwords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gridgov.nlp.Collocations;
import org.gridgov.nlp.TopicWords;

/**
 * The hot-word counts ({@link HotWordsJob#COUNTS}) held on the driver, read once: texts and risk texts per month and
 * scope, and texts per word, adjacent pair and risk term. Everything after the counting is computed from here —
 * the phrases, the words with their phrases, the texts per scope — the same sums the earlier Spark plans had, checked
 * row for row against the per-text reference plans by {@code HotWordsEquivalenceIT}.
 *
 * <p>Why: the counts are small (one row per month, scope and key; a few hundred thousand at 1M texts), and each Spark
 * plan over them (filters, sums, joins, a union) cost more in planning, code generation and JIT than in rows; a single
 * collect replaces about eight jobs. What can break: a count table far larger than the driver's heap (about 100 bytes
 * a key); the keys are bounded by the vocabulary × scopes × months, not by the texts.
 */
final class ScopeCounts {

    private final Map<HotWordTables.Scope, long[]> docs = new HashMap<>();
    private final Map<HotWordTables.Scope, Map<String, Long>> words = new HashMap<>();
    private final Map<HotWordTables.Scope, Map<String, Long>> pairs = new HashMap<>();
    private final Map<HotWordTables.Scope, Map<String, Long>> terms = new HashMap<>();

    ScopeCounts() {}

    /** Collects {@code counts} (stat_month, scope_type, scope_code, kind, key, docs): one Spark job. */
    static ScopeCounts collect(Dataset<Row> counts) {
        ScopeCounts out = new ScopeCounts();
        for (Row r : counts.select("stat_month", "scope_type", "scope_code", "kind", "key", "docs")
                .collectAsList()) {
            out.add(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5));
        }
        return out;
    }

    /** Adds one count row; rows with the same month, scope, kind and key add up. */
    void add(String month, String scopeType, String scopeCode, String kind, String key, long n) {
        HotWordTables.Scope scope = new HotWordTables.Scope(month, scopeType, scopeCode);
        switch (kind) {
            case TextCounts.TEXTS -> docs.computeIfAbsent(scope, k -> new long[2])[0] += n;
            case TextCounts.RISK_TEXTS -> docs.computeIfAbsent(scope, k -> new long[2])[1] += n;
            case TextCounts.WORD ->
                words.computeIfAbsent(scope, k -> new HashMap<>()).merge(key, n, Long::sum);
            case TextCounts.PAIR ->
                pairs.computeIfAbsent(scope, k -> new HashMap<>()).merge(key, n, Long::sum);
            case TextCounts.TERM ->
                terms.computeIfAbsent(scope, k -> new HashMap<>()).merge(key, n, Long::sum);
            default -> throw new IllegalArgumentException("unknown kind of count: " + kind);
        }
    }

    /**
     * The phrases of the texts counted: document frequencies of words and adjacent pairs in the district summed over
     * the months, the pairs in at least {@code minDocs} texts whose two words are counted scored by
     * {@link Collocations#select} (whose order does not depend on the candidates').
     */
    Collocations phrases(Collocations.Settings settings) {
        long n = 0;
        Map<String, Long> wordDocs = new HashMap<>();
        Map<String, Long> pairDocs = new HashMap<>();
        for (Map.Entry<HotWordTables.Scope, long[]> e : docs.entrySet()) {
            if (e.getKey().type().equals(HotWordsJob.DISTRICT)) {
                n += e.getValue()[0];
            }
        }
        words.forEach((scope, w) -> {
            if (scope.type().equals(HotWordsJob.DISTRICT)) {
                w.forEach((k, d) -> wordDocs.merge(k, d, Long::sum));
            }
        });
        pairs.forEach((scope, p) -> {
            if (scope.type().equals(HotWordsJob.DISTRICT)) {
                p.forEach((k, d) -> pairDocs.merge(k, d, Long::sum));
            }
        });
        List<Collocations.Candidate> candidates = new ArrayList<>();
        pairDocs.forEach((pair, d) -> {
            int tab = pair.indexOf(TopicWords.PAIR);
            if (d < settings.minDocs() || tab < 0) {
                return;
            }
            // the inner joins with the words' counts: a pair whose word is not counted is no candidate
            Long first = wordDocs.get(pair.substring(0, tab));
            int end = pair.indexOf(TopicWords.PAIR, tab + 1);
            Long second = wordDocs.get(end < 0 ? pair.substring(tab + 1) : pair.substring(tab + 1, end));
            if (first != null && second != null) {
                candidates.add(new Collocations.Candidate(pair, d, first, second));
            }
        });
        return Collocations.select(candidates, n, settings);
    }

    /**
     * Texts per word of each month and scope, each phrase counted beside its words: a text holds a phrase when it
     * holds the phrase's pair; a phrase that is also a word (or two pairs spelling one phrase) adds up.
     */
    Map<HotWordTables.Scope, Map<String, Long>> words(Collocations phrases) {
        Map<HotWordTables.Scope, Map<String, Long>> out = new HashMap<>();
        words.forEach((scope, w) -> out.put(scope, new HashMap<>(w)));
        if (phrases.phrases().isEmpty()) {
            return out;
        }
        Map<String, List<String>> phraseOf = new HashMap<>();
        phrases.phrases().forEach(p -> phraseOf.computeIfAbsent(p.pair(), k -> new ArrayList<>())
                .add(p.text()));
        pairs.forEach((scope, p) -> p.forEach((pair, d) -> {
            List<String> spelled = phraseOf.get(pair);
            if (spelled != null) {
                Map<String, Long> w = out.computeIfAbsent(scope, k -> new HashMap<>());
                spelled.forEach(text -> w.merge(text, d, Long::sum));
            }
        }));
        return out;
    }

    /** {n, risk_n}: texts and texts with a risk term of each month and scope. */
    Map<HotWordTables.Scope, long[]> docs() {
        return docs;
    }

    /** Texts per risk term of each month and scope. */
    Map<HotWordTables.Scope, Map<String, Long>> terms() {
        return terms;
    }
}

package org.gridgov.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gridgov.nlp.Collocations;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.StopWords;
import org.gridgov.nlp.TopicWords;
import org.gridgov.nlp.letters.LetterNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the hot-word job's segmenter is for, measured on the independent letters (their own generator and the 54
 * letters written by hand, labelled by hand with their class; never the training generator) for HanLP's Viterbi and
 * the cheaper longest match ({@link GovSegmenter.Algorithm}), beside segmenter-free baselines:
 * <ul>
 *   <li><b>class hot words</b>: each class's top 10 words ranked as the job ranks a scope's (texts of the class holding
 *   the word × (ln((1+N)/(1+df)) + 1) over all N letters, phrases added by {@link Collocations});
 *   <i>purity@10</i> = share of them whose texts are mostly (≥ half) in that class, i.e. words that name the class's
 *   topics rather than letter phrasing; <i>agreement@10</i> = overlap of the longest match's top 10 with Viterbi's;</li>
 *   <li><b>hand-written subjects</b>: a letter's subject line, written by hand, says what it is about; hit@3 = the
 *   letter's body has, among its three top words (same weight, one letter as the scope), one that occurs in the
 *   subject. Substring matching, so the subject's own segmentation plays no part.</li>
 * </ul>
 * Baselines: character bigrams of the normalised body (Han characters only, HanLP's stop words left out) in place of
 * words, and Viterbi's words by raw frequency (no IDF). The figures are printed (batch-jobs README quotes them); the
 * assertions hold what decides the default of {@code hotwords.segmenter}.
 */
class TopicSegmenterQualityTest {

    private static final int TOP = 10;

    private static List<IndependentLetters.TestLetter> letters;
    private static final Map<GovSegmenter.Algorithm, List<Set<String>>> WORDS =
            new EnumMap<>(GovSegmenter.Algorithm.class);
    private static List<Set<String>> bigrams;

    @BeforeAll
    static void segment() {
        letters = IndependentTestSet.letters();
        for (GovSegmenter.Algorithm a : GovSegmenter.Algorithm.values()) {
            GovSegmenter segmenter = GovSegmenter.forTopics(a);
            List<TopicWords> topics = new ArrayList<>();
            for (IndependentLetters.TestLetter l : letters) {
                topics.add(TopicWords.of(text(l), segmenter));
            }
            Collocations phrases = Collocations.learn(topics, Collocations.Settings.defaults());
            List<Set<String>> words = new ArrayList<>();
            for (TopicWords t : topics) {
                Set<String> w = new LinkedHashSet<>(t.words());
                w.addAll(phrases.in(t));
                words.add(w);
            }
            WORDS.put(a, words);
        }
        bigrams = new ArrayList<>();
        for (IndependentLetters.TestLetter l : letters) {
            bigrams.add(bigrams(LetterNormalizer.normalize(text(l)).text()));
        }
    }

    private static String text(IndependentLetters.TestLetter l) {
        return l.subject().isEmpty() ? l.text() : l.subject() + "\n" + l.text();
    }

    /** Distinct bigrams of two Han characters, neither pair a stop word. */
    static Set<String> bigrams(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if (Character.UnicodeScript.of(a) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(b) == Character.UnicodeScript.HAN) {
                String g = text.substring(i, i + 2);
                if (!StopWords.contains(g)) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    /** Per class its top words by the job's TF-IDF (or raw frequency), from each letter's distinct words. */
    static Map<String, List<String>> classTop(List<Set<String>> words, boolean idf) {
        Map<String, Integer> df = new HashMap<>();
        Map<String, Map<String, Integer>> byClass = new HashMap<>();
        for (int i = 0; i < letters.size(); i++) {
            Map<String, Integer> c = byClass.computeIfAbsent(letters.get(i).level1(), k -> new HashMap<>());
            for (String w : words.get(i)) {
                df.merge(w, 1, Integer::sum);
                c.merge(w, 1, Integer::sum);
            }
        }
        int n = letters.size();
        Map<String, List<String>> out = new HashMap<>();
        byClass.forEach((cls, counts) -> out.put(
                cls,
                counts.entrySet().stream()
                        .sorted((x, y) -> {
                            int byWeight = Double.compare(
                                    weight(y.getValue(), df.get(y.getKey()), n, idf),
                                    weight(x.getValue(), df.get(x.getKey()), n, idf));
                            return byWeight != 0 ? byWeight : x.getKey().compareTo(y.getKey());
                        })
                        .limit(TOP)
                        .map(Map.Entry::getKey)
                        .toList()));
        return out;
    }

    private static double weight(int docs, int df, int n, boolean idf) {
        return idf ? docs * (Math.log((1.0 + n) / (1.0 + df)) + 1) : docs;
    }

    /** Share of the classes' top words whose texts are at least half in that class. */
    static double purity(List<Set<String>> words, Map<String, List<String>> top) {
        Map<String, Integer> df = new HashMap<>();
        Map<String, Integer> inClass = new HashMap<>();
        for (int i = 0; i < letters.size(); i++) {
            for (String w : words.get(i)) {
                df.merge(w, 1, Integer::sum);
                inClass.merge(letters.get(i).level1() + "|" + w, 1, Integer::sum);
            }
        }
        int pure = 0;
        int all = 0;
        for (Map.Entry<String, List<String>> e : top.entrySet()) {
            for (String w : e.getValue()) {
                all++;
                if (2 * inClass.getOrDefault(e.getKey() + "|" + w, 0) >= df.get(w)) {
                    pure++;
                }
            }
        }
        return (double) pure / all;
    }

    /** Mean share of Viterbi's top words per class that the other list holds too. */
    static double agreement(Map<String, List<String>> a, Map<String, List<String>> viterbi) {
        double sum = 0;
        for (Map.Entry<String, List<String>> e : viterbi.entrySet()) {
            Set<String> other = new HashSet<>(a.getOrDefault(e.getKey(), List.of()));
            sum += e.getValue().stream().filter(other::contains).count()
                    / (double) e.getValue().size();
        }
        return sum / viterbi.size();
    }

    /**
     * Share of the hand-written letters with a subject whose body's top {@code k} words (TF-IDF, IDF over all
     * letters) include one found in the subject.
     */
    static double subjectHits(
            Function<IndependentLetters.TestLetter, Set<String>> bodyWords, List<Set<String>> all, int k) {
        Map<String, Integer> df = new HashMap<>();
        all.forEach(ws -> ws.forEach(w -> df.merge(w, 1, Integer::sum)));
        int n = all.size();
        int hits = 0;
        int letters = 0;
        for (IndependentLetters.TestLetter l : IndependentLetters.handwritten()) {
            if (l.subject().isBlank()) {
                continue;
            }
            letters++;
            List<String> top = bodyWords.apply(l).stream()
                    .sorted((x, y) -> {
                        int byIdf = Double.compare(
                                weight(1, df.getOrDefault(y, 0), n, true), weight(1, df.getOrDefault(x, 0), n, true));
                        return byIdf != 0 ? byIdf : x.compareTo(y);
                    })
                    .limit(k)
                    .toList();
            if (top.stream().anyMatch(l.subject()::contains)) {
                hits++;
            }
        }
        return (double) hits / letters;
    }

    static final class Figures {
        double purity;
        double agreement;
        double hit3;
    }

    static Map<String, Figures> figures() {
        Map<String, Figures> out = new java.util.LinkedHashMap<>();
        Map<String, List<String>> viterbiTop = classTop(WORDS.get(GovSegmenter.Algorithm.VITERBI), true);
        for (GovSegmenter.Algorithm a : GovSegmenter.Algorithm.values()) {
            List<Set<String>> words = WORDS.get(a);
            Map<String, List<String>> top = classTop(words, true);
            Figures f = new Figures();
            f.purity = purity(words, top);
            f.agreement = agreement(top, viterbiTop);
            GovSegmenter segmenter = GovSegmenter.forTopics(a);
            f.hit3 = subjectHits(l -> TopicWords.of(l.text(), segmenter).words(), words, 3);
            out.put(a.name().toLowerCase(Locale.ROOT), f);
        }
        Figures raw = new Figures();
        Map<String, List<String>> rawTop = classTop(WORDS.get(GovSegmenter.Algorithm.VITERBI), false);
        raw.purity = purity(WORDS.get(GovSegmenter.Algorithm.VITERBI), rawTop);
        raw.agreement = agreement(rawTop, viterbiTop);
        raw.hit3 = Double.NaN;
        out.put("baseline: viterbi words by raw frequency", raw);
        Figures bi = new Figures();
        Map<String, List<String>> biTop = classTop(bigrams, true);
        bi.purity = purity(bigrams, biTop);
        bi.agreement = agreement(biTop, viterbiTop);
        bi.hit3 = subjectHits(l -> bigrams(LetterNormalizer.normalize(l.text()).text()), bigrams, 3);
        out.put("baseline: character bigrams", bi);
        return out;
    }

    @Test
    void longestMatchFindsTheClassesTopicsAsWellAsViterbi() {
        Map<String, Figures> f = figures();
        System.out.printf(
                Locale.ROOT,
                "independent letters: %d (%d hand-written), %d classes%n",
                letters.size(),
                IndependentLetters.handwritten().size(),
                classTop(bigrams, true).size());
        f.forEach((name, x) -> System.out.printf(
                Locale.ROOT,
                "  %-42s class top-%d purity %.3f, agreement with viterbi %.3f, hand-written subject hit@3 %s%n",
                name,
                TOP,
                x.purity,
                x.agreement,
                Double.isNaN(x.hit3) ? "-" : String.format(Locale.ROOT, "%.3f", x.hit3)));
        Map<String, List<String>> viterbi = classTop(WORDS.get(GovSegmenter.Algorithm.VITERBI), true);
        Map<String, List<String>> longest = classTop(WORDS.get(GovSegmenter.Algorithm.LONGEST), true);
        viterbi.keySet().stream()
                .sorted()
                .forEach(c ->
                        System.out.printf("  %s: viterbi %s%n    longest %s%n", c, viterbi.get(c), longest.get(c)));

        Figures v = f.get("viterbi");
        Figures l = f.get("longest");
        // both find the classes' topics better than raw frequency does
        assertThat(v.purity).isGreaterThan(f.get("baseline: viterbi words by raw frequency").purity);
        assertThat(l.purity).isGreaterThan(f.get("baseline: viterbi words by raw frequency").purity);
        // hot words default to longest match because it is not worse than viterbi on these letters: hold that
        assertThat(l.purity).as("longest-match purity vs viterbi").isGreaterThanOrEqualTo(v.purity - 0.01);
        assertThat(l.hit3).as("longest-match subject hit@3 vs viterbi").isGreaterThanOrEqualTo(v.hit3);
        assertThat(l.agreement).isGreaterThan(0.5);
    }
}

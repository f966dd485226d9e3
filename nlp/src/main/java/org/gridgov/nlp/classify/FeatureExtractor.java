package org.gridgov.nlp.classify;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import java.io.Serializable;
import java.util.Arrays;
import org.gridgov.nlp.DomainDictionary;
import org.gridgov.nlp.letters.Letter;

/**
 * A normalised letter → raw feature counts: character bigrams (and trigrams) of each run of Chinese characters, which
 * carry words the dictionary does not know; words and adjacent word pairs (function words and our place names left
 * out); and lexicon hits per category and per first-level class. Subject features count
 * {@link FeatureSettings#subjectWeight()} times. Thread-safe; the counts belong to the caller's thread.
 *
 * <p>Words come from longest matching over HanLP's core dictionary and our domain words rather than from the Viterbi
 * segmenter: several times faster (classification must keep up with a million characters a second per core), and
 * for features the difference hardly matters; training and classification cut words the same way.
 */
final class FeatureExtractor implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Changes whenever the features a text gives change: part of the model version. */
    static final int VERSION = 2;

    private final FeatureSettings settings;
    private final LexiconMatcher lexicon;
    /** First-level class number of each lexicon class (the model's second-level categories). */
    private final int[] level1Of;

    FeatureExtractor(FeatureSettings settings, LexiconMatcher lexicon, int[] level1Of) {
        this.settings = settings;
        this.lexicon = lexicon;
        this.level1Of = level1Of.clone();
    }

    FeatureSettings settings() {
        return settings;
    }

    LexiconMatcher lexicon() {
        return lexicon;
    }

    int[] level1Of() {
        return level1Of.clone();
    }

    void extract(Letter letter, FeatureCounts out) {
        out.clear();
        part(letter.subject(), settings.subjectWeight(), out);
        part(letter.body(), 1f, out);
        lexicon.match(letter.subject(), c -> hit(c, settings.subjectWeight(), out));
        lexicon.match(letter.body(), c -> hit(c, 1f, out));
    }

    private void hit(int category, float weight, FeatureCounts out) {
        if (category >= level1Of.length) {
            // a first-level class's own words are numbered after the categories
            out.add(FeatureKeys.key(FeatureKeys.LEXICON_LEVEL1, category - level1Of.length), weight);
            return;
        }
        out.add(FeatureKeys.key(FeatureKeys.LEXICON, category), weight);
        out.add(FeatureKeys.key(FeatureKeys.LEXICON_LEVEL1, level1Of[category]), weight);
    }

    private void part(String text, float weight, FeatureCounts out) {
        if (text.isEmpty()) {
            return;
        }
        chars(text, weight, out);
        words(text.toCharArray(), weight, out);
    }

    private void chars(String text, float weight, FeatureCounts out) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isHan(c)) {
                run = 0;
                continue;
            }
            run++;
            if (run >= 2) {
                out.add(FeatureKeys.chars(text.charAt(i - 1), c), weight);
            }
            if (run >= 3 && settings.charTrigrams()) {
                out.add(FeatureKeys.chars(text.charAt(i - 2), text.charAt(i - 1), c), weight);
            }
        }
    }

    /** Longest words: the core dictionary's, then ours where they are longer at the same start. */
    private static void words(char[] text, float weight, FeatureCounts out) {
        int n = text.length;
        int[] length = new int[n];
        Arrays.fill(length, 1);
        DoubleArrayTrie<CoreDictionary.Attribute>.LongestSearcher core =
                CoreDictionary.trie.getLongestSearcher(text, 0);
        while (core.next()) {
            length[core.begin] = core.length;
        }
        DomainDictionary.get().longestMatches(text, (AhoCorasickDoubleArrayTrie.IHit<CoreDictionary.Attribute>)
                (begin, end, value) -> {
                    if (end - begin > length[begin]) {
                        length[begin] = end - begin;
                    }
                });
        String previous = null;
        for (int i = 0; i < n; i += Math.max(1, Math.min(length[i], n - i))) {
            int l = Math.min(length[i], n - i);
            if (l == 1) {
                if (!isHan(text[i]) && !Character.isLetterOrDigit(text[i])) {
                    previous = null; // no pairs across punctuation
                }
                continue;
            }
            String w = new String(text, i, l);
            if (!isTopicWord(w)) {
                continue;
            }
            out.add(FeatureKeys.word(w), weight);
            if (previous != null) {
                out.add(FeatureKeys.wordPair(previous, w), weight);
            }
            previous = w;
        }
    }

    /** Two or more characters with a Chinese one, not a function word, not one of our place names. */
    static boolean isTopicWord(String w) {
        if (w.length() < 2 || CoreStopWordDictionary.contains(w)) {
            return false;
        }
        boolean han = false;
        for (int i = 0; i < w.length() && !han; i++) {
            han = isHan(w.charAt(i));
        }
        return han && !DomainDictionary.PLACE.equals(DomainDictionary.get().nature(w));
    }

    static boolean isHan(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }
}

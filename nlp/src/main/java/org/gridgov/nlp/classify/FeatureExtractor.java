package org.gridgov.nlp.classify;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.io.Serializable;
import java.util.List;
import org.gridgov.nlp.DomainDictionary;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.letters.Letter;

/**
 * A normalised letter → raw feature counts: character bigrams (and trigrams) of each run of Chinese characters, which
 * carry words the dictionary does not know; words and adjacent word pairs from the segmenter (function words, person
 * and place names left out); and lexicon hits per category and per first-level class. Subject features count
 * {@link FeatureSettings#subjectWeight()} times. Thread-safe; the segmenter and the counts belong to the caller's
 * thread.
 */
final class FeatureExtractor implements Serializable {

    private static final long serialVersionUID = 1L;

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

    void extract(Letter letter, GovSegmenter segmenter, FeatureCounts out) {
        out.clear();
        part(letter.subject(), settings.subjectWeight(), segmenter, out);
        part(letter.body(), 1f, segmenter, out);
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

    private void part(String text, float weight, GovSegmenter segmenter, FeatureCounts out) {
        if (text.isEmpty()) {
            return;
        }
        chars(text, weight, out);
        words(segmenter.terms(text), weight, out);
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

    private static void words(List<Term> terms, float weight, FeatureCounts out) {
        String previous = null;
        for (Term t : terms) {
            String w = t.word;
            if (t.nature != null && t.nature.startsWith("w")) {
                previous = null; // no pairs across punctuation
                continue;
            }
            if (!isTopicWord(t)) {
                continue;
            }
            out.add(FeatureKeys.word(w), weight);
            if (previous != null) {
                out.add(FeatureKeys.wordPair(previous, w), weight);
            }
            previous = w;
        }
    }

    /** Two or more characters with a Chinese one, not a function word, person name or one of our place names. */
    static boolean isTopicWord(Term t) {
        String w = t.word;
        if (w == null || w.length() < 2 || CoreStopWordDictionary.contains(w)) {
            return false;
        }
        boolean han = false;
        for (int i = 0; i < w.length() && !han; i++) {
            han = isHan(w.charAt(i));
        }
        if (!han) {
            return false;
        }
        if (t.nature != null && t.nature.startsWith("nr")) {
            return false;
        }
        return !DomainDictionary.PLACE.equals(DomainDictionary.get().nature(w));
    }

    static boolean isHan(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }
}

package org.gridgov.nlp;

import com.hankcs.hanlp.seg.common.Term;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.nlp.letters.LetterNormalizer;

/**
 * What a text is about, for hot words: its distinct content words ({@link GovSegmenter#isContentWord}, which leaves
 * out the letter phrasing of {@link StopWords}) after the letter's salutation, closing and boilerplate are stripped
 * ({@link LetterNormalizer}), and its distinct pairs of content words that stand right next to each other (电动车 +
 * 充电), the candidates {@link Collocations} turns into phrases.
 */
public record TopicWords(Set<String> words, Set<String> pairs) {

    /** Separates the two words of a pair key; no word contains it. */
    public static final char PAIR = '\t';

    public TopicWords {
        words = Collections.unmodifiableSet(new LinkedHashSet<>(words));
        pairs = Collections.unmodifiableSet(new LinkedHashSet<>(pairs));
    }

    /** One text's words and adjacent pairs, in order of first occurrence. */
    public static TopicWords of(String text, GovSegmenter segmenter) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> pairs = new LinkedHashSet<>();
        collect(text, segmenter, words, pairs);
        return new TopicWords(words, pairs);
    }

    /**
     * Adds one text's words and adjacent pairs to {@code words} and {@code pairs} (what {@link #of} holds, without
     * building a record): the per-text path of a Spark partition, which clears and reuses its two sets.
     */
    public static void collect(String text, GovSegmenter segmenter, Set<String> words, Set<String> pairs) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<Term> terms = segmenter.terms(LetterNormalizer.normalize(text).text());
        String previous = null;
        for (Term t : terms) {
            if (!GovSegmenter.isContentWord(t)) {
                previous = null; // only words that touch make a pair
                continue;
            }
            words.add(t.word);
            if (previous != null && !previous.equals(t.word)) {
                pairs.add(previous + PAIR + t.word);
            }
            previous = t.word;
        }
    }

    /** The phrase a pair key spells: 电动车\t充电 → 电动车充电. */
    public static String phrase(String pair) {
        return pair.replace(String.valueOf(PAIR), "");
    }
}

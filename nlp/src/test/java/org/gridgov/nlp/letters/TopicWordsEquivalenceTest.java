package org.gridgov.nlp.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridgov.nlp.DomainDictionary;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.RiskTerms;
import org.gridgov.nlp.StopWords;
import org.gridgov.nlp.TemplateCorpus;
import org.gridgov.nlp.TopicWords;
import org.gridgov.nlp.corpus.TrainingLetters;
import org.gridgov.nlp.eval.IndependentLetters;
import org.junit.jupiter.api.Test;

/**
 * The hot words' per-text path made faster finds what it found before, text for text: the guarded
 * {@link LetterNormalizer} equals {@link ReferenceLetterNormalizer} (the old one), {@link RiskTerms#find} (one
 * Aho-Corasick pass) equals a {@code contains} per term, and {@link TopicWords} with {@link GovSegmenter#forTopics}
 * (no named-entity recognition, cached nature test) equals the old words and pairs (default segmenter, old normaliser,
 * old content-word test). Over the hotline templates, both letter generators and the hand-written letters.
 */
class TopicWordsEquivalenceTest {

    static List<String> texts() {
        List<String> out = new ArrayList<>();
        TemplateCorpus corpus = TemplateCorpus.standard();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 3_000; i++) {
            out.add(corpus.fill(
                    corpus.templates().get(r.nextInt(corpus.templates().size())), r));
        }
        TrainingLetters.standard().generate(10, 5L).forEach(t -> out.add(t.text()));
        IndependentLetters.standard().letters(60, 3, 9L).forEach(t -> out.add(t.subject() + "\n" + t.text()));
        IndependentLetters.handwritten().forEach(t -> out.add(t.subject() + "\n" + t.text()));
        return out;
    }

    @Test
    void theFastPathFindsTheSameWordsPairsAndRiskTermsAsBefore() {
        List<String> texts = texts();
        assertThat(texts).hasSizeGreaterThan(4_000);
        GovSegmenter before = new GovSegmenter();
        GovSegmenter now = GovSegmenter.forTopics();
        int normalised = 0;
        int risky = 0;
        List<String> differences = new ArrayList<>();
        for (String text : texts) {
            Letter old = ReferenceLetterNormalizer.normalize(text);
            assertThat(LetterNormalizer.normalize(text)).as(text).isEqualTo(old);
            normalised += old.text().equals(text.strip()) ? 0 : 1;
            List<String> risk = RiskTerms.find(text);
            assertThat(risk).as(text).isEqualTo(naiveRiskTerms(text));
            risky += risk.isEmpty() ? 0 : 1;
            TopicWords fast = TopicWords.of(text, now);
            List<Set<String>> reference = referenceTopicWords(old.text(), before);
            if (!List.copyOf(fast.words()).equals(List.copyOf(reference.get(0)))
                    || !List.copyOf(fast.pairs()).equals(List.copyOf(reference.get(1)))) {
                differences.add(text + " → " + fast + " vs " + reference);
            }
        }
        System.out.printf(
                "%d texts: %d changed by normalisation, %d with risk terms, %d with other topic words%n",
                texts.size(), normalised, risky, differences.size());
        differences.stream().limit(10).forEach(System.out::println);
        // the test has teeth: letters are normalised and risk terms occur
        assertThat(normalised).isGreaterThan(200);
        assertThat(risky).isGreaterThan(20);
        assertThat(differences).isEmpty();
    }

    @Test
    void riskTermsInsideALongerFoundTermAreDroppedAsBefore() {
        for (String text : List.of("集体上访", "越级上访后又集访", "火灾隐患和火灾", "死亡", "")) {
            assertThat(RiskTerms.find(text)).as(text).isEqualTo(naiveRiskTerms(text));
        }
    }

    /** RiskTerms.find as it was: a contains per term, then the terms inside a longer found one dropped. */
    static List<String> naiveRiskTerms(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (String term : RiskTerms.all()) {
            if (text.contains(term)) {
                found.add(term);
            }
        }
        found.removeIf(t -> found.stream().anyMatch(o -> o.length() > t.length() && o.contains(t)));
        return found;
    }

    /** TopicWords.of as it was: words and pairs of the normalised text with the old content-word test. */
    static List<Set<String>> referenceTopicWords(String normalised, GovSegmenter segmenter) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> pairs = new LinkedHashSet<>();
        String previous = null;
        for (Term t : segmenter.terms(normalised)) {
            if (!oldIsContentWord(t)) {
                previous = null;
                continue;
            }
            words.add(t.word);
            if (previous != null && !previous.equals(t.word)) {
                pairs.add(previous + TopicWords.PAIR + t.word);
            }
            previous = t.word;
        }
        return List.of(words, pairs);
    }

    /** GovSegmenter.isContentWord before the nature cache (commit 133a34e). */
    static boolean oldIsContentWord(Term t) {
        String w = t.word;
        boolean cjk = DomainDictionary.get().contains(w)
                || w != null
                        && w.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        if (w == null || w.codePointCount(0, w.length()) < 2 || StopWords.contains(w) || !cjk) {
            return false;
        }
        String nature = t.nature == null ? "" : t.nature.toString();
        String ours = DomainDictionary.get().nature(w);
        if (ours != null) {
            return !ours.equals(DomainDictionary.PLACE) && !ours.equals(DomainDictionary.ORGANISATION);
        }
        if (nature.isEmpty()) {
            return false;
        }
        char head = nature.charAt(0);
        if (head != 'n' && head != 'v' && head != 'a' && head != 'g') {
            return false;
        }
        return !(nature.startsWith("nr")
                || nature.startsWith("ns")
                || nature.startsWith("nt")
                || nature.equals("nis")
                || nature.equals("nx")
                || nature.equals("vshi")
                || nature.equals("vyou")
                || nature.equals("vf")
                || nature.equals("vx")
                || nature.equals("vl")
                || nature.equals("vg")
                || nature.equals("ad")
                || nature.equals("ag")
                || nature.equals("ng")
                || nature.equals("gg"));
    }
}

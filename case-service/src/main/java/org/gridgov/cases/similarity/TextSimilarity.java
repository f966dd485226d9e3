package org.gridgov.cases.similarity;

import java.util.HashMap;
import java.util.Map;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.letters.LetterNormalizer;

/**
 * How alike two reports read: cosine over their normalised text's content words (nlp's {@link GovSegmenter}, the
 * segmenter the classifier and hot words use) plus its Chinese character bigrams. Words carry the topic (井盖, 漏水);
 * the bigrams catch wordings the segmenter splits differently (路灯不亮 / 路灯坏了不亮). Place and person names are
 * not content words, and {@link LetterNormalizer} strips contact details and salutations, so two reports are not
 * alike merely because they name the same street or the same caller — distance is the finder's business.
 *
 * <p>No IDF: the candidates are the few open cases near one place, too few for document frequencies to mean
 * anything, and the fixed stop words already drop the filler.
 */
public final class TextSimilarity {

    /** A word counts this much; each bigram 0.5, so a long text's bigrams do not drown its words. */
    static final double WORD_WEIGHT = 1.0;

    static final double BIGRAM_WEIGHT = 0.5;

    private TextSimilarity() {}

    /** Receives a report's terms one by one, repeats included, as {@link #terms} finds them. */
    interface Terms {
        /** A content word; it weighs {@link #WORD_WEIGHT} and is keyed {@code "w:" + word}. */
        void word(String word);

        /** Two Chinese characters in a row; they weigh {@link #BIGRAM_WEIGHT} and are keyed {@code "b:" + both}. */
        void bigram(int first, int second);
    }

    /** The weighted terms of a report. */
    public static Map<String, Double> features(String title, String description) {
        Map<String, Double> f = new HashMap<>();
        terms(title, description, new Terms() {
            @Override
            public void word(String word) {
                f.merge("w:" + word, WORD_WEIGHT, Double::sum);
            }

            @Override
            public void bigram(int first, int second) {
                f.merge(
                        "b:" + new String(Character.toChars(first)) + new String(Character.toChars(second)),
                        BIGRAM_WEIGHT,
                        Double::sum);
            }
        });
        return f;
    }

    /**
     * The terms of {@link #features}, handed over without building the map: {@link TextSignature#of(String, String)}
     * hashes them as they come (issue 15: the map's keys and boxed weights were a fifth of a signature's cost). One
     * walk for both, so the stored signatures and the feature maps cannot drift apart.
     */
    static void terms(String title, String description, Terms out) {
        String text = LetterNormalizer.normalize(title, description).text();
        for (String w : GovSegmenter.perThread().contentWords(text)) {
            out.word(w);
        }
        int prev = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (han && prev >= 0) {
                out.bigram(prev, cp);
            }
            prev = han ? cp : -1;
            i += Character.charCount(cp);
        }
    }

    /** Cosine of two feature maps, 0 when either is empty. */
    public static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double o = large.get(e.getKey());
            if (o != null) {
                dot += e.getValue() * o;
            }
        }
        return dot == 0 ? 0 : dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double x : v.values()) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}

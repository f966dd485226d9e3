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
    private static final double WORD_WEIGHT = 1.0;
    private static final double BIGRAM_WEIGHT = 0.5;

    private TextSimilarity() {
    }

    /** The weighted terms of a report. */
    public static Map<String, Double> features(String title, String description) {
        String text = LetterNormalizer.normalize(title, description).text();
        Map<String, Double> f = new HashMap<>();
        for (String w : GovSegmenter.perThread().contentWords(text)) {
            f.merge("w:" + w, WORD_WEIGHT, Double::sum);
        }
        int prev = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (han && prev >= 0) {
                f.merge("b:" + new String(Character.toChars(prev)) + new String(Character.toChars(cp)),
                        BIGRAM_WEIGHT, Double::sum);
            }
            prev = han ? cp : -1;
            i += Character.charCount(cp);
        }
        return f;
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

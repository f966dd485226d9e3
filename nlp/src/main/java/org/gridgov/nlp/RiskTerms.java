package org.gridgov.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Public-opinion risk terms ({@code gridgov/nlp/risk_terms.txt}): group action, extreme words, injuries, accidents,
 * media exposure. Matched as substrings of the text rather than as tokens, so a term is found however the segmenter
 * splits it (集体上访 may come out as 集体/上访). Immutable, thread-safe.
 */
public final class RiskTerms {

    static final String RESOURCE = "gridgov/nlp/risk_terms.txt";
    private static final List<String> TERMS = List.copyOf(Lexicon.words(RESOURCE));

    private RiskTerms() {
    }

    public static List<String> all() {
        return TERMS;
    }

    /**
     * The terms occurring in the text, in list order. A term contained in a longer matched term (上访 inside 集体上访)
     * is not reported separately.
     */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (String term : TERMS) {
            if (text.contains(term)) {
                found.add(term);
            }
        }
        found.removeIf(t -> found.stream().anyMatch(o -> o.length() > t.length() && o.contains(t)));
        return found;
    }
}

package org.gridgov.nlp;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Public-opinion risk terms ({@code gridgov/nlp/risk_terms.txt}): group action, extreme words, injuries, accidents,
 * media exposure. Matched as substrings of the text rather than as tokens, so a term is found however the segmenter
 * splits it (集体上访 may come out as 集体/上访). Immutable, thread-safe.
 */
public final class RiskTerms {

    static final String RESOURCE = "gridgov/nlp/risk_terms.txt";
    private static final List<String> TERMS = List.copyOf(Lexicon.words(RESOURCE));
    /** All terms in one automaton, the value a term's index in {@link #TERMS}: one pass over the text finds them. */
    private static final AhoCorasickDoubleArrayTrie<Integer> AUTOMATON = automaton();
    /** For each term, the indexes of the longer terms that contain it (火灾 → 火灾隐患). */
    private static final int[][] CONTAINED_IN = containedIn();

    private RiskTerms() {}

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
        // one Aho-Corasick pass instead of a String.contains per term; same answer as
        // "every term the text contains, in list order, minus those inside a longer found one"
        boolean[] hit = new boolean[TERMS.size()];
        boolean[] any = {false};
        AUTOMATON.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<Integer>) (begin, end, index) -> {
            hit[index] = true;
            any[0] = true;
        });
        if (!any[0]) {
            return found;
        }
        for (int i = 0; i < hit.length; i++) {
            if (hit[i] && !anyHit(CONTAINED_IN[i], hit)) {
                found.add(TERMS.get(i));
            }
        }
        return found;
    }

    private static boolean anyHit(int[] indexes, boolean[] hit) {
        for (int j : indexes) {
            if (hit[j]) {
                return true;
            }
        }
        return false;
    }

    private static AhoCorasickDoubleArrayTrie<Integer> automaton() {
        TreeMap<String, Integer> map = new TreeMap<>();
        for (int i = 0; i < TERMS.size(); i++) {
            map.putIfAbsent(TERMS.get(i), i);
        }
        return new AhoCorasickDoubleArrayTrie<>(map);
    }

    private static int[][] containedIn() {
        int[][] out = new int[TERMS.size()][];
        for (int i = 0; i < TERMS.size(); i++) {
            String t = TERMS.get(i);
            List<Integer> longer = new ArrayList<>();
            for (int j = 0; j < TERMS.size(); j++) {
                String o = TERMS.get(j);
                if (o.length() > t.length() && o.contains(t)) {
                    longer.add(j);
                }
            }
            out[i] = longer.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}

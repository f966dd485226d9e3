package org.gridgov.nlp.letters;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.List;
import java.util.TreeMap;

/**
 * Removes fixed phrases from a text in one pass (Aho-Corasick): where matches overlap the longest starting first wins,
 * and the punctuation right after a removed phrase goes with it. Thread-safe once built.
 */
final class PhraseRemover {

    private final AhoCorasickDoubleArrayTrie<Integer> automaton;
    private final String trailing;

    PhraseRemover(List<String> phrases, String trailing) {
        TreeMap<String, Integer> map = new TreeMap<>();
        for (String p : phrases) {
            if (!p.isEmpty()) {
                map.put(p, p.length());
            }
        }
        this.automaton = new AhoCorasickDoubleArrayTrie<>(map);
        this.trailing = trailing;
    }

    String remove(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        // for every start position, the longest phrase beginning there
        int[] longest = new int[chars.length];
        boolean[] any = {false};
        automaton.parseText(chars, (AhoCorasickDoubleArrayTrie.IHit<Integer>) (begin, end, length) -> {
            if (end - begin > longest[begin]) {
                longest[begin] = end - begin;
                any[0] = true;
            }
        });
        if (!any[0]) {
            return text;
        }
        StringBuilder sb = new StringBuilder(chars.length);
        int i = 0;
        while (i < chars.length) {
            if (longest[i] > 0) {
                i += longest[i];
                while (i < chars.length && trailing.indexOf(chars[i]) >= 0) {
                    i++;
                }
                continue;
            }
            sb.append(chars[i++]);
        }
        return sb.toString();
    }
}

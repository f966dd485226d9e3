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
        // for every start position, the longest phrase beginning there; the text is read as it is (no char copy)
        int[] longest = new int[text.length()];
        boolean[] any = {false};
        automaton.parseText(text, (AhoCorasickDoubleArrayTrie.IHit<Integer>) (begin, end, length) -> {
            if (end - begin > longest[begin]) {
                longest[begin] = end - begin;
                any[0] = true;
            }
        });
        if (!any[0]) {
            return text;
        }
        int length = text.length();
        // into a char array: a StringBuilder appending one Chinese char at a time was a tenth of the normaliser
        char[] out = new char[length];
        int n = 0;
        int i = 0;
        while (i < length) {
            if (longest[i] > 0) {
                i += longest[i];
                while (i < length && trailing.indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
                continue;
            }
            out[n++] = text.charAt(i++);
        }
        return new String(out, 0, n);
    }
}

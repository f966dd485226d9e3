package org.gridgov.nlp.classify;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.io.Serializable;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Finds the lexicon's words and issue phrases in a text (Aho-Corasick, every occurrence, overlaps included) and reports
 * the classes each belongs to. The terms travel with the model, so a model keeps answering the way it was trained
 * after the lexicon file changes. Thread-safe once built; the automaton is rebuilt after deserialisation.
 */
final class LexiconMatcher implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] terms;
    /** For each term, the classes (numbers in the model's class list) whose lexicon holds it. */
    private final int[][] classes;

    private transient volatile AhoCorasickDoubleArrayTrie<int[]> automaton;

    LexiconMatcher(String[] terms, int[][] classes) {
        if (terms.length != classes.length) {
            throw new IllegalArgumentException("one class list per term");
        }
        this.terms = terms.clone();
        this.classes = classes.clone();
    }

    String[] terms() {
        return terms.clone();
    }

    int[][] classes() {
        return classes.clone();
    }

    /** Calls {@code hit} once per class for every occurrence of one of its terms in {@code text}. */
    void match(String text, IntConsumer hit) {
        if (text.isEmpty()) {
            return;
        }
        automaton().parseText(text.toCharArray(), (AhoCorasickDoubleArrayTrie.IHit<int[]>) (begin, end, value) -> {
            for (int c : value) {
                hit.accept(c);
            }
        });
    }

    private AhoCorasickDoubleArrayTrie<int[]> automaton() {
        AhoCorasickDoubleArrayTrie<int[]> a = automaton;
        if (a == null) {
            TreeMap<String, int[]> map = new TreeMap<>();
            for (int i = 0; i < terms.length; i++) {
                map.put(terms[i], classes[i]);
            }
            a = new AhoCorasickDoubleArrayTrie<>(map);
            automaton = a; // benign race: equal automata
        }
        return a;
    }
}

package org.gridgov.nlp.eval;

import java.util.List;

/** The independent test set's size and seed, in one place for the tests and the committed TSV. */
final class IndependentTestSet {

    /** At most this many generated letters per class. */
    static final int MAX_PER_CLASS = 150;
    /** Generated letters per scenario of a class (classes with few scenarios get few letters). */
    static final int PER_SCENARIO = 6;

    static final long SEED = 11L;

    private IndependentTestSet() {}

    static List<IndependentLetters.TestLetter> letters() {
        return IndependentLetters.standard().letters(MAX_PER_CLASS, PER_SCENARIO, SEED);
    }
}

package org.gridgov.nlp.classify;

import java.io.Serializable;

/**
 * How a letter becomes features, fixed when a model is trained and stored with it: the weight of each block (character
 * n-grams, words and word pairs, lexicon hits) after each block is scaled to unit length, how much more a subject word
 * counts than a body word, whether character trigrams are used, and the document frequency a word or n-gram needs to
 * become a feature.
 */
record FeatureSettings(
        float charWeight,
        float wordWeight,
        float lexiconWeight,
        float subjectWeight,
        boolean charTrigrams,
        int minDocumentFrequency)
        implements Serializable {

    static final FeatureSettings DEFAULT = new FeatureSettings(1.0f, 1.0f, 0.4f, 2.0f, false, 3);
}

package org.gridgov.batch.api;

/**
 * The segmenter of the hot-word job's topic words ({@code hotwords.segmenter}); the names are nlp's
 * {@code GovSegmenter.Algorithm} constants, declared here so the api package needs no nlp class.
 */
public enum TopicSegmenter {
    /** HanLP's Viterbi with the domain dictionary in the word lattice: what every other user of the segmenter uses. */
    VITERBI,
    /** Forward longest match over HanLP's core dictionary plus the domain dictionary: cheaper, cuts differently. */
    LONGEST
}

package org.gridgov.nlp.classify;

/** A feature vector: feature numbers (ascending, when made for training) and their values. */
record SparseVector(int[] index, float[] value) {

    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    int size() {
        return index.length;
    }
}

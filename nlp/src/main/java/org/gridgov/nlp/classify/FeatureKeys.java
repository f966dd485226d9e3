package org.gridgov.nlp.classify;

/**
 * Every feature is one long: its kind in the top byte, its content below (the characters of an n-gram, a 56-bit
 * FNV-1a hash of a word, a class number). A model stores keys, not strings, and the classification path allocates
 * nothing per n-gram.
 */
final class FeatureKeys {

    static final int CHAR2 = 1;
    static final int CHAR3 = 2;
    static final int WORD = 3;
    static final int WORD_PAIR = 4;
    /** Lexicon hits of one second-level category. */
    static final int LEXICON = 5;
    /** Lexicon hits of one first-level class (its categories' terms and its own words). */
    static final int LEXICON_LEVEL1 = 6;

    /** Blocks normalised apart: characters, words, lexicon. */
    static final int BLOCK_CHARS = 0;

    static final int BLOCK_WORDS = 1;
    static final int BLOCK_LEXICON = 2;

    private static final long PAYLOAD = 0x00FF_FFFF_FFFF_FFFFL;

    private FeatureKeys() {}

    static long key(int kind, long payload) {
        return ((long) kind << 56) | (payload & PAYLOAD);
    }

    static int kind(long key) {
        return (int) (key >>> 56);
    }

    static int block(long key) {
        return switch (kind(key)) {
            case CHAR2, CHAR3 -> BLOCK_CHARS;
            case WORD, WORD_PAIR -> BLOCK_WORDS;
            default -> BLOCK_LEXICON;
        };
    }

    static long chars(char a, char b) {
        return key(CHAR2, ((long) a << 16) | b);
    }

    static long chars(char a, char b, char c) {
        return key(CHAR3, ((long) a << 32) | ((long) b << 16) | c);
    }

    static long word(String w) {
        return key(WORD, fnv(w, 0xcbf29ce484222325L));
    }

    static long wordPair(String a, String b) {
        return key(WORD_PAIR, fnv(b, fnv(a, 0xcbf29ce484222325L) * 0x100000001b3L ^ '|'));
    }

    private static long fnv(String s, long h) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}

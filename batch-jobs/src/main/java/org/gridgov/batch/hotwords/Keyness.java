package org.gridgov.batch.hotwords;

/**
 * The word statistics of the hot-word job in plain Java: the definitions the Spark expressions implement, unit-tested
 * on their own and used to check the job's output.
 */
public final class Keyness {

    /** A word absent last month counts as half a text, so growth from zero is large but finite. */
    public static final double ABSENT = 0.5;

    private Keyness() {}

    /**
     * Smoothed inverse document frequency: {@code ln((1 + n) / (1 + df)) + 1} for a word in {@code df} of {@code n}
     * texts. Words in nearly every text (boilerplate) get about 1, rare ones up to {@code ln(n) + 1}.
     */
    public static double idf(long df, long n) {
        if (df < 0 || n < 0 || df > n) {
            throw new IllegalArgumentException("need 0 <= df <= n, got df=" + df + " n=" + n);
        }
        return Math.log((1.0 + n) / (1.0 + df)) + 1.0;
    }

    /** TF-IDF of a word in a month and scope: texts containing it there × its IDF over the window. */
    public static double tfIdf(long docs, long windowDf, long windowTexts) {
        return docs * idf(windowDf, windowTexts);
    }

    /**
     * Dunning's G² for a word in {@code a} of {@code c} texts now and {@code b} of {@code d} texts before (a 2×2
     * contingency table of texts with / without the word). Zero when the shares are equal; grows with both the
     * difference and the amount of evidence, so 30 of 1000 against 2 of 1000 outranks 3 of 100 against 0 of 100.
     */
    public static double logLikelihood(long a, long c, long b, long d) {
        if (a < 0 || b < 0 || a > c || b > d || c + d == 0) {
            throw new IllegalArgumentException("need 0 <= a <= c, 0 <= b <= d, c + d > 0");
        }
        double n = c + d;
        double withWord = a + b;
        double without = n - withWord;
        return 2
                * (term(a, withWord * c / n)
                        + term(b, withWord * d / n)
                        + term(c - a, without * c / n)
                        + term(d - b, without * d / n));
    }

    private static double term(double observed, double expected) {
        return observed > 0 ? observed * Math.log(observed / expected) : 0;
    }

    /** Share now over share before; an absent word counts as {@link #ABSENT} texts before. */
    public static double growthRatio(long a, long c, long b, long d) {
        if (c == 0 || d == 0) {
            throw new IllegalArgumentException("both periods need texts");
        }
        return (a / (double) c) / (Math.max(b, ABSENT) / d);
    }
}

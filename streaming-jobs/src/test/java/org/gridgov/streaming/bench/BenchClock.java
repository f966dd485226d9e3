package org.gridgov.streaming.bench;

import java.io.Serializable;

/**
 * The event time of benchmark record {@code i}: {@code n} records spread evenly over {@code span} ms from
 * {@code start}, in whole seconds, such that the {@code readers} parallel readers of the sequence move through event
 * time together, as the job's Kafka readers do (every partition holds the recent records, and the watermark is their
 * minimum).
 *
 * <p>{@code env.fromSequence} gives each reader one contiguous range of the sequence (Flink's
 * {@code NumberSequenceIterator.split}: the first {@code n % readers} ranges one longer). Timing record {@code i} by
 * its place in the sequence would put the second reader's records a whole year ahead of the first's, so every one of
 * them would wait in the rules' state for the first reader to finish (half the input pending at once, with a timer
 * each): a state no live job holds. Instead record {@code w} of reader {@code j} is the {@code (w * readers + j)}-th
 * in event time.
 */
final class BenchClock implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long start;
    private final double step;
    private final long n;
    private final int readers;

    BenchClock(long start, long span, long n, int readers) {
        if (n < 1 || readers < 1) {
            throw new IllegalArgumentException("need at least one record and one reader");
        }
        this.start = start;
        this.step = span / (double) n;
        this.n = n;
        this.readers = readers;
    }

    /** The place of record {@code i} in event-time order, 0-based (at most {@code n + readers - 2}). */
    long rank(long i) {
        long per = n / readers;
        long extra = n % readers;
        long longRanges = extra * (per + 1);
        long reader;
        long within;
        if (i < longRanges) {
            reader = i / (per + 1);
            within = i % (per + 1);
        } else {
            reader = extra + (i - longRanges) / per;
            within = (i - longRanges) % per;
        }
        return within * readers + reader;
    }

    /** Event time of record {@code i}, whole seconds. */
    long at(long i) {
        return (start + (long) (rank(i) * step)) / 1000 * 1000;
    }
}

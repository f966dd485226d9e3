package org.gridgov.streaming.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchClockTest {

    @Test
    void readersMoveThroughEventTimeTogether() {
        // 10 records, 2 readers: reader 0 reads 0..4, reader 1 reads 5..9 (NumberSequenceIterator.split)
        BenchClock c = new BenchClock(0, 10_000_000L, 10, 2);
        assertThat(new long[] {c.rank(0), c.rank(1), c.rank(4), c.rank(5), c.rank(6), c.rank(9)})
                .containsExactly(0, 2, 8, 1, 3, 9);
        assertThat(c.at(5)).isEqualTo(1_000_000L);
    }

    @Test
    void unevenRangesStillGiveDistinctIncreasingRanks() {
        // 11 records, 3 readers: ranges 0..3, 4..7, 8..10
        BenchClock c = new BenchClock(0, 11_000L, 11, 3);
        Set<Long> ranks = new HashSet<>();
        for (long i = 0; i < 11; i++) {
            ranks.add(c.rank(i));
        }
        assertThat(ranks).hasSize(11);
        assertThat(new long[] {c.rank(0), c.rank(1), c.rank(4), c.rank(8), c.rank(10)})
                .containsExactly(0, 3, 1, 2, 8);
    }
}

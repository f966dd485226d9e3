package org.gridgov.batch.hotwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KeynessTest {

    @Test
    void idfIsNearOneForUbiquitousWordsAndGrowsForRareOnes() {
        assertThat(Keyness.idf(1000, 1000)).isEqualTo(1.0);
        assertThat(Keyness.idf(0, 1000)).isCloseTo(Math.log(1001) + 1, within(1e-12));
        assertThat(Keyness.idf(30, 1000)).isGreaterThan(Keyness.idf(300, 1000));
        assertThat(Keyness.tfIdf(30, 40, 4000)).isCloseTo(30 * (Math.log(4001 / 41.0) + 1), within(1e-9));
        assertThatThrownBy(() -> Keyness.idf(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logLikelihoodIsZeroForEqualSharesAndRewardsEvidence() {
        assertThat(Keyness.logLikelihood(10, 100, 20, 200)).isCloseTo(0.0, within(1e-9));
        // the same growth (1.5 % -> 15 %) with ten times the texts is far more significant
        double small = Keyness.logLikelihood(15, 100, 1, 100);
        double large = Keyness.logLikelihood(150, 1000, 15, 1000);
        assertThat(large).isGreaterThan(5 * small);
        // a planted topic: 3 % of 5000 texts against 0.2 % of 5000
        assertThat(Keyness.logLikelihood(150, 5000, 10, 5000)).isGreaterThan(100);
        // symmetric in the two periods
        assertThat(Keyness.logLikelihood(7, 50, 2, 80)).isCloseTo(Keyness.logLikelihood(2, 80, 7, 50), within(1e-9));
        // a word in every text of both periods
        assertThat(Keyness.logLikelihood(50, 50, 80, 80)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void logLikelihoodMatchesAHandComputedTable() {
        // a=30 of c=1000, b=5 of d=1000: expected 17.5 each side for the word, 982.5 without
        double expected = 2
                * (30 * Math.log(30 / 17.5)
                        + 5 * Math.log(5 / 17.5)
                        + 970 * Math.log(970 / 982.5)
                        + 995 * Math.log(995 / 982.5));
        assertThat(Keyness.logLikelihood(30, 1000, 5, 1000)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void growthRatioCountsAnAbsentWordAsHalfAText() {
        assertThat(Keyness.growthRatio(30, 1000, 10, 1000)).isCloseTo(3.0, within(1e-12));
        assertThat(Keyness.growthRatio(30, 1000, 0, 1000)).isCloseTo(60.0, within(1e-12));
        assertThatThrownBy(() -> Keyness.growthRatio(1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyness.logLikelihood(5, 4, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.gridgov.cases.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.gridgov.cases.similarity.TextSignature;
import org.gridgov.cases.similarity.TextSimilarity;
import org.gridgov.simulator.duplicates.DuplicateScore;
import org.gridgov.simulator.duplicates.PlantedDuplicates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 done-when: the finder's rule ({@link PairVerdicts}: within the configured radius and window, score at or
 * above the configured threshold) against the simulator's {@link PlantedDuplicates}, pair by pair, scored by the
 * simulator's {@link DuplicateScore} beside its baseline (same category within the radius) — the same code path as
 * the demo's line, the reports passing through the file the demo hands the finder.
 */
class DuplicateAccuracyTest {

    @TempDir
    Path dir;

    /** What the finder sees of the planted reports, through the demo's file. */
    private List<PairVerdicts.Report> shown(List<PlantedDuplicates.Report> planted, String name) throws Exception {
        Path file = dir.resolve(name);
        PlantedDuplicates.writeShown(planted, file);
        return PairVerdicts.readReports(file);
    }

    @Test
    void finderReachesPrecisionAndRecallOfNinetyPercentOnPlantedClusters() throws Exception {
        // the default threshold was chosen from the sweep below on seed 19; the assertions hold on another seed
        List<PlantedDuplicates.Report> tuning = PlantedDuplicates.generate(19, 60);
        List<PlantedDuplicates.Report> planted = PlantedDuplicates.generate(20_261, 60);
        PairVerdicts.Settings settings = PairVerdicts.Settings.defaults();
        Path verdictFile = dir.resolve("verdicts.json");
        PairVerdicts.writeVerdicts(PairVerdicts.judge(shown(planted, "reports.json"), settings), verdictFile);
        DuplicateScore.Outcome outcome =
                DuplicateScore.score(planted, DuplicateScore.readVerdicts(verdictFile), settings.radiusMetres());
        System.out.println(outcome.line());
        List<PairVerdicts.Report> tuningShown = shown(tuning, "tuning.json");
        for (double t = 0.25; t <= 0.55; t += 0.025) {
            PairVerdicts.Settings s = new PairVerdicts.Settings(settings.radiusMetres(), settings.window(), t);
            DuplicateScore.Outcome o = DuplicateScore.score(
                    tuning, simulatorVerdicts(PairVerdicts.judge(tuningShown, s)), s.radiusMetres());
            System.out.printf(
                    "tuning seed, threshold %.3f: precision %.3f recall %.3f%n",
                    t, o.finder().precision(), o.finder().recall());
        }
        assertThat(outcome.clusters()).isEqualTo(60);
        assertThat(outcome.finder().tp()).isGreaterThan(50);
        assertThat(outcome.finder().precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(outcome.finder().recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(outcome.meets(0.9)).isTrue();
        // the planted near-duplicates are what the baseline cannot tell apart
        assertThat(outcome.baseline().precision()).isLessThan(outcome.finder().precision());
        assertThat(outcome.line())
                .startsWith("duplicates: planted 60 clusters")
                .contains("baseline same-category-within-500m");
    }

    @Test
    void aFinderThatMergesEverythingNearbyScoresOnlyTheBaselinesPrecision() throws Exception {
        // the scorer can fail: with the threshold at 0, the finder is the baseline's radius rule (any category)
        List<PlantedDuplicates.Report> planted = PlantedDuplicates.generate(20_261, 60);
        PairVerdicts.Settings loose =
                new PairVerdicts.Settings(500, PairVerdicts.Settings.defaults().window(), 0);
        DuplicateScore.Outcome o = DuplicateScore.score(
                planted, simulatorVerdicts(PairVerdicts.judge(shown(planted, "reports.json"), loose)), 500);
        assertThat(o.finder().recall()).isGreaterThanOrEqualTo(o.baseline().recall());
        assertThat(o.finder().precision()).isLessThan(0.9);
        assertThat(o.meets(0.9)).isFalse();
    }

    @Test
    void pairsOutsideTheWindowAreNotJudgedAndCountAsMissed() {
        PairVerdicts.Report early = new PairVerdicts.Report("A", "C0101", "", "路灯不亮已经一周了，晚上很黑", 36.68, 117.06, 0);
        PairVerdicts.Report late =
                new PairVerdicts.Report("B", "C0101", "", "这边的路灯一直不亮，晚上走路很黑", 36.68, 117.0601, 16L * 24 * 60);
        PairVerdicts.Settings s = PairVerdicts.Settings.defaults();
        assertThat(PairVerdicts.judge(List.of(early, late), s)).isEmpty();
        List<PairVerdicts.Verdict> inWindow = PairVerdicts.judge(
                List.of(early, new PairVerdicts.Report("B", "C0101", "", late.description(), 36.68, 117.0601, 60)), s);
        assertThat(inWindow).singleElement().satisfies(v -> {
            assertThat(v.reportId()).isEqualTo("B");
            assertThat(v.candidateId()).isEqualTo("A");
            assertThat(v.metres()).isBetween(5.0, 15.0);
            assertThat(v.duplicate()).isTrue();
        });
    }

    private static List<DuplicateScore.Verdict> simulatorVerdicts(List<PairVerdicts.Verdict> verdicts) {
        return verdicts.stream()
                .map(v ->
                        new DuplicateScore.Verdict(v.reportId(), v.candidateId(), v.metres(), v.score(), v.duplicate()))
                .toList();
    }

    @Test
    void storedSignaturesScoreEveryPlantedPairAsTheFeatureMapsDo() {
        List<PlantedDuplicates.Report> reports = PlantedDuplicates.generate(20_261, 60);
        int pairs = 0;
        int alike = 0;
        for (PlantedDuplicates.Report a : reports) {
            TextSignature sa = TextSignature.of(a.title(), a.description());
            for (PlantedDuplicates.Report b : reports) {
                double maps = TextSimilarity.cosine(
                        TextSimilarity.features(a.title(), a.description()),
                        TextSimilarity.features(b.title(), b.description()));
                double stored =
                        sa.cosine(TextSignature.of(b.title(), b.description()).bytes());
                assertThat(stored)
                        .as("%s / %s", a.description(), b.description())
                        .isCloseTo(maps, within(1e-9));
                pairs++;
                alike += maps > 0.3 ? 1 : 0;
            }
        }
        assertThat(pairs).isGreaterThan(1000);
        assertThat(alike).isGreaterThan(reports.size()); // not only each report with itself
    }

    @Test
    void sameWordsScoreHigherThanAnotherProblemAtTheSamePlace() {
        double same = DuplicateFinder.score(
                TextSimilarity.features("", "路灯不亮已经一周了，晚上很黑"), TextSimilarity.features("", "这边的路灯一直不亮，晚上走路很黑"), true);
        double other = DuplicateFinder.score(
                TextSimilarity.features("", "路灯不亮已经一周了，晚上很黑"), TextSimilarity.features("", "垃圾桶满了没人清运，气味很大"), true);
        assertThat(same).isGreaterThan(other);
        assertThat(DuplicateFinder.label("C1", 230, 125, 0.82)).isEqualTo("可能重复: C1, 230 m, 2 小时前, 相似度 0.82");
    }
}

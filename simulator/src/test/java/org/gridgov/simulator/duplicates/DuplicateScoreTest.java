package org.gridgov.simulator.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planted duplicates and their pairwise score, with verdicts written by hand (no finder here). */
class DuplicateScoreTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedPlantsTheSameReportsAndEveryClusterHasItsNearDuplicates() {
        List<PlantedDuplicates.Report> a = PlantedDuplicates.generate(7, 40);
        assertThat(PlantedDuplicates.generate(7, 40)).isEqualTo(a);
        assertThat(PlantedDuplicates.generate(8, 40)).isNotEqualTo(a);
        assertThat(PlantedDuplicates.clusters(a)).isEqualTo(40);
        // 2 to 4 callers plus two near-duplicates per cluster
        assertThat(a.size()).isBetween(40 * 4, 40 * 6);
        assertThat(a).extracting(PlantedDuplicates.Report::id).doesNotHaveDuplicates();
    }

    @Test
    void whatTheFinderIsShownHoldsNoCluster() throws Exception {
        Path file = dir.resolve("reports.json");
        PlantedDuplicates.writeShown(PlantedDuplicates.generate(7, 3), file);
        String json = Files.readString(file);
        assertThat(json)
                .contains("\"category_code\"", "\"reported_minute\"", "\"latitude\"")
                .doesNotContain("cluster");
    }

    @Test
    void perfectVerdictsScoreOneAndMissedOrWrongPairsCount() {
        List<PlantedDuplicates.Report> reports = PlantedDuplicates.generate(11, 10);
        List<DuplicateScore.Verdict> perfect = new ArrayList<>();
        List<DuplicateScore.Verdict> lazy = new ArrayList<>();
        int truePairs = 0;
        for (int i = 0; i < reports.size(); i++) {
            for (int j = 0; j < reports.size(); j++) {
                PlantedDuplicates.Report a = reports.get(i);
                PlantedDuplicates.Report b = reports.get(j);
                if (!DuplicateScore.earlier(b, j, a, i)) {
                    continue;
                }
                boolean same = a.cluster() == b.cluster();
                truePairs += same ? 1 : 0;
                perfect.add(new DuplicateScore.Verdict(a.id(), b.id(), 100, same ? 0.9 : 0.1, same));
                // merges everything it sees: every pair a duplicate
                lazy.add(new DuplicateScore.Verdict(a.id(), b.id(), 100, 0.5, true));
            }
        }
        DuplicateScore.Outcome p = DuplicateScore.score(reports, perfect, 500);
        assertThat(p.finder()).isEqualTo(new DuplicateScore.Counts(truePairs, 0, 0));
        assertThat(p.meets(0.9)).isTrue();
        DuplicateScore.Outcome l = DuplicateScore.score(reports, lazy, 500);
        assertThat(l.finder().recall()).isEqualTo(1.0);
        assertThat(l.finder().precision()).isLessThan(0.5);
        assertThat(l.meets(0.9)).isFalse();
        // no verdicts: every planted pair missed
        DuplicateScore.Outcome none = DuplicateScore.score(reports, List.of(), 500);
        assertThat(none.finder()).isEqualTo(new DuplicateScore.Counts(0, 0, truePairs));
        assertThat(none.line())
                .startsWith("duplicates: planted 10 clusters")
                .contains("precision 0.000 recall 0.000")
                .contains("baseline same-category-within-500m: P 0.000 R 0.000");
    }

    @Test
    void theBaselineIsTheSameCategoryWithinTheRadiusOnTheJudgedPairs() {
        List<PlantedDuplicates.Report> reports = PlantedDuplicates.generate(11, 10);
        PlantedDuplicates.Report a = reports.get(1);
        PlantedDuplicates.Report b = reports.get(0);
        List<DuplicateScore.Verdict> near = List.of(new DuplicateScore.Verdict(a.id(), b.id(), 499, 0, false));
        List<DuplicateScore.Verdict> far = List.of(new DuplicateScore.Verdict(a.id(), b.id(), 501, 0, false));
        int expected = a.category().equals(b.category()) ? 1 : 0;
        DuplicateScore.Counts n = DuplicateScore.score(reports, near, 500).baseline();
        assertThat(n.tp() + n.fp()).isEqualTo(expected);
        DuplicateScore.Counts f = DuplicateScore.score(reports, far, 500).baseline();
        assertThat(f.tp() + f.fp()).isZero();
    }

    @Test
    void aVerdictOnAReportThatWasNotPlantedIsRefused() {
        List<PlantedDuplicates.Report> reports = PlantedDuplicates.generate(11, 2);
        assertThatThrownBy(() -> DuplicateScore.score(
                        reports,
                        List.of(new DuplicateScore.Verdict("X1", reports.get(0).id(), 1, 1, true)),
                        500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X1");
    }
}

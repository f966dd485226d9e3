package org.gridgov.cases.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.common.io.TsvTable;
import org.junit.jupiter.api.Test;

/**
 * The similar-case finder on a test set written by hand, independent of the generator that tuned it
 * ({@code src/test/resources/duplicates/hand-written-pairs.tsv}): 33 pairs of complaint texts as callers put them,
 * each with the distance and hours between the two reports. 16 are one problem in other words (two of them filed
 * under different categories by different call-takers); 17 must stay separate: another problem at the same place,
 * often of the same category; alike words for another problem (停电/停水, 路灯白天亮/晚上不亮); the same complaint from
 * another building 0.9 to 3 km away. Each pair is judged as {@link PairVerdicts} judges the demo's reports (the later
 * report against the earlier, the configured radius, window and threshold) and printed beside the baseline "same
 * category within the radius". The floors below are what the finder must keep, not what it scored.
 *
 * <p>First run (2026-12-04, threshold 0.29): precision 0.619, recall 0.813 (tp 13, fp 8, fn 3) against the baseline's
 * 0.560 / 0.875 — far below the planted clusters' 1.000 / 0.985. The same category alone gives 0.25 of the 0.29
 * needed, so another problem at the same place sharing one word (小区门口, 停车, 电梯, 物业) passes, and alike words for
 * another problem (停电/停水, 路灯白天亮/晚上不亮) score 0.48; a problem in other words with no shared word (燃气味/煤气味
 * filed under two categories, 排污水/水又黑又臭) scores near 0. The finder only suggests (a person merges), but these
 * figures, not the generator's, are what to expect on real reports.
 */
class HandWrittenPairsTest {

    record Pair(
            int line,
            String kind,
            boolean same,
            int metres,
            int hours,
            String categoryA,
            String textA,
            String categoryB,
            String textB) {}

    static List<Pair> pairs() throws Exception {
        List<Pair> out = new ArrayList<>();
        try (Reader in = new InputStreamReader(
                        Objects.requireNonNull(
                                HandWrittenPairsTest.class.getResourceAsStream("/duplicates/hand-written-pairs.tsv")),
                        StandardCharsets.UTF_8);
                TsvTable t = TsvTable.open(in, "hand-written-pairs.tsv")) {
            for (TsvTable.Line l : t) {
                out.add(new Pair(
                        (int) l.number(),
                        l.cell(t.column("kind")),
                        "1".equals(l.cell(t.column("same"))),
                        Integer.parseInt(l.cell(t.column("metres"))),
                        Integer.parseInt(l.cell(t.column("hours"))),
                        l.cell(t.column("category_a")),
                        l.cell(t.column("text_a")),
                        l.cell(t.column("category_b")),
                        l.cell(t.column("text_b"))));
            }
        }
        return out;
    }

    /** The finder's verdict on the later report of the pair against the earlier one (none: outside the window). */
    static PairVerdicts.Verdict judge(Pair p, PairVerdicts.Settings s) {
        double lat = 36.68;
        double lon = 117.06;
        PairVerdicts.Report a = new PairVerdicts.Report("A", p.categoryA(), "", p.textA(), lat, lon, 0);
        PairVerdicts.Report b = new PairVerdicts.Report(
                "B",
                p.categoryB(),
                "",
                p.textB(),
                lat + p.metres() / (Math.PI * 6_371_008.8 / 180),
                lon,
                p.hours() * 60L);
        List<PairVerdicts.Verdict> v = PairVerdicts.judge(List.of(a, b), s);
        return v.isEmpty() ? null : v.get(0);
    }

    @Test
    void theFinderSeparatesWhatTheBaselineMergesOnPairsWrittenByHand() throws Exception {
        List<Pair> pairs = pairs();
        PairVerdicts.Settings s = PairVerdicts.Settings.defaults();
        int[] finder = new int[3];
        int[] baseline = new int[3];
        List<String> wrong = new ArrayList<>();
        for (Pair p : pairs) {
            PairVerdicts.Verdict v = judge(p, s);
            boolean predicted = v != null && v.duplicate();
            boolean base =
                    v != null && v.metres() <= s.radiusMetres() && p.categoryA().equals(p.categoryB());
            tally(finder, predicted, p.same());
            tally(baseline, base, p.same());
            if (predicted != p.same()) {
                wrong.add(String.format(
                        Locale.ROOT,
                        "  line %d %s: %s / %s (%d m, score %.3f)",
                        p.line(),
                        p.kind(),
                        p.textA(),
                        p.textB(),
                        p.metres(),
                        v == null ? 0 : v.score()));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "hand-written pairs (%d: %d same problem, %d separate): finder precision %.3f"
                        + " recall %.3f (tp %d fp %d fn %d); baseline same-category-within-%dm: precision %.3f"
                        + " recall %.3f (tp %d fp %d fn %d)%n",
                pairs.size(),
                pairs.stream().filter(Pair::same).count(),
                pairs.stream().filter(p -> !p.same()).count(),
                precision(finder),
                recall(finder),
                finder[0],
                finder[1],
                finder[2],
                s.radiusMetres(),
                precision(baseline),
                recall(baseline),
                baseline[0],
                baseline[1],
                baseline[2]);
        wrong.forEach(System.out::println);

        assertThat(pairs).hasSize(33);
        assertThat(pairs).filteredOn(Pair::same).hasSize(16);
        assertThat(precision(finder)).isGreaterThan(precision(baseline));
        assertThat(precision(finder)).isGreaterThanOrEqualTo(0.6);
        assertThat(recall(finder)).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void everyPairIsJudgedOnceAndFarPairsAreNeverDuplicates() throws Exception {
        PairVerdicts.Settings s = PairVerdicts.Settings.defaults();
        for (Pair p : pairs()) {
            PairVerdicts.Verdict v = judge(p, s);
            assertThat(v).as("line %d is within the window", p.line()).isNotNull();
            assertThat(v.metres())
                    .as("line %d", p.line())
                    .isCloseTo(p.metres(), org.assertj.core.api.Assertions.within(1.0));
            if (p.metres() > s.radiusMetres()) {
                assertThat(v.duplicate()).as("line %d", p.line()).isFalse();
            }
        }
    }

    private static void tally(int[] counts, boolean predicted, boolean truth) {
        if (predicted && truth) {
            counts[0]++;
        } else if (predicted) {
            counts[1]++;
        } else if (truth) {
            counts[2]++;
        }
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }
}

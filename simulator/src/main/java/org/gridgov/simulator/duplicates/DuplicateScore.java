package org.gridgov.simulator.duplicates;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.json.Json;

/**
 * Precision and recall of a similar-case finder on {@link PlantedDuplicates}, pair by pair, as the finder meets them:
 * each report against every earlier one (by {@code minute}, ties by position), the earlier one being the open case.
 * A pair is a true duplicate when both reports belong to one planted cluster; every such pair counts, so a pair the
 * finder never saw (outside its time window) is a miss.
 *
 * <p>The finder's answers come as {@link Verdict}s, one per pair it looked at (the case service's
 * {@code PairVerdicts} writes them: every pair within its time window, with distance, score and its decision). The
 * baseline — "the same category within the radius", what a form without text similarity could offer — is judged on
 * the same pairs, so both see the same window.
 */
public final class DuplicateScore {

    /** One pair the finder judged: the newer report, the earlier (open) one, their distance, score and decision. */
    public record Verdict(String reportId, String candidateId, double metres, double score, boolean duplicate) {}

    /** Pair counts; precision and recall are 0 when nothing was predicted or planted. */
    public record Counts(int tp, int fp, int fn) {

        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }
    }

    /** The finder's and the baseline's counts on one planted set. */
    public record Outcome(long clusters, int reports, Counts finder, Counts baseline, int radiusMetres) {

        /** The demo's line: {@code duplicates: planted 40 clusters, precision 1.000 recall 0.985 (baseline ...)}. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "duplicates: planted %d clusters (%d reports), precision %.3f recall"
                            + " %.3f (tp %d fp %d fn %d) (baseline same-category-within-%dm: P %.3f R %.3f)",
                    clusters,
                    reports,
                    finder.precision(),
                    finder.recall(),
                    finder.tp(),
                    finder.fp(),
                    finder.fn(),
                    radiusMetres,
                    baseline.precision(),
                    baseline.recall());
        }

        /** Both figures at or above {@code min}. */
        public boolean meets(double min) {
            return finder.precision() >= min && finder.recall() >= min;
        }
    }

    private DuplicateScore() {}

    /** Reads the verdicts the case service wrote (a JSON array). */
    public static List<Verdict> readVerdicts(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), new TypeReference<List<Verdict>>() {});
    }

    /** The finder's verdicts and the baseline on the same pairs, against the planted clusters. */
    public static Outcome score(List<PlantedDuplicates.Report> reports, List<Verdict> verdicts, int radiusMetres) {
        Map<String, PlantedDuplicates.Report> byId = new HashMap<>();
        reports.forEach(r -> byId.put(r.id(), r));
        Set<String> finder = new HashSet<>();
        Set<String> baseline = new HashSet<>();
        for (Verdict v : verdicts) {
            PlantedDuplicates.Report a = byId.get(v.reportId());
            PlantedDuplicates.Report b = byId.get(v.candidateId());
            if (a == null || b == null) {
                throw new IllegalArgumentException("a verdict names a report that was not planted: " + v);
            }
            if (v.duplicate()) {
                finder.add(key(a, b));
            }
            if (v.metres() <= radiusMetres && a.category().equals(b.category())) {
                baseline.add(key(a, b));
            }
        }
        return new Outcome(
                PlantedDuplicates.clusters(reports),
                reports.size(),
                counts(reports, finder),
                counts(reports, baseline),
                radiusMetres);
    }

    /** Counts over every ordered pair (newer, earlier) of {@code reports}; {@code predicted} holds {@link #key}s. */
    static Counts counts(List<PlantedDuplicates.Report> reports, Set<String> predicted) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < reports.size(); i++) {
            for (int j = 0; j < reports.size(); j++) {
                PlantedDuplicates.Report a = reports.get(i);
                PlantedDuplicates.Report b = reports.get(j);
                if (!earlier(b, j, a, i)) {
                    continue;
                }
                boolean p = predicted.contains(key(a, b));
                boolean truth = a.cluster() == b.cluster();
                if (p && truth) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (truth) {
                    fn++;
                }
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** Whether report {@code b} (at position {@code j}) came before {@code a} (at {@code i}): time, then position. */
    public static boolean earlier(PlantedDuplicates.Report b, int j, PlantedDuplicates.Report a, int i) {
        return i != j && (b.minute() < a.minute() || (b.minute() == a.minute() && j < i));
    }

    private static String key(PlantedDuplicates.Report newer, PlantedDuplicates.Report older) {
        return newer.id() + "\u0000" + older.id();
    }
}

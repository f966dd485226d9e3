package org.gridgov.cases.duplicate;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.cases.launch.CaseServiceCommand;
import org.gridgov.cases.launch.CaseServiceOptions;
import org.gridgov.cases.launch.DuplicateVerdictOptions;
import org.gridgov.cases.similarity.TextSignature;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.json.Json;

/**
 * The similar-case finder's decision on every pair of a set of reports, as {@link DuplicateFinder#find} decides for
 * a new report against the open cases: each report against every earlier one (report time, then file order) reported
 * within the window, scored as the finder scores (the new report's signature against the stored one of the earlier,
 * {@link DuplicateFinder#score}), a duplicate when within the radius and at or above the threshold. What it is
 * shown carries no answer; the demo and {@code DuplicateAccuracyTest} score the verdicts against the simulator's
 * planted clusters (the simulator owns the ground truth, and the service never depends on it).
 *
 * <p>{@link #main} is {@code CaseServiceCommand.DUPLICATE_VERDICTS}: reads the reports file, writes the verdicts file
 * (both JSON arrays, snake_case as {@link Json} writes them) and prints one summary line. Exit 0, 2 on a
 * configuration error, 1 when a file cannot be read or written.
 */
public final class PairVerdicts {

    /** A report as the finder is shown it; {@code reportedMinute} orders reports in time. */
    public record Report(
            String id,
            String categoryCode,
            String title,
            String description,
            double latitude,
            double longitude,
            long reportedMinute) {}

    /** The finder's decision on a pair: the newer report, the earlier (open) one, distance, score, decision. */
    public record Verdict(String reportId, String candidateId, double metres, double score, boolean duplicate) {}

    /** What the finder is configured with: radius, time window and threshold. */
    public record Settings(int radiusMetres, Duration window, double threshold) {

        public static Settings defaults() {
            return new Settings(
                    CaseServiceOptions.DUPLICATE_RADIUS_METRES.defaultValue(),
                    CaseServiceOptions.DUPLICATE_WINDOW.defaultValue(),
                    CaseServiceOptions.DUPLICATE_THRESHOLD.defaultValue());
        }
    }

    private PairVerdicts() {}

    /** One verdict for each pair (newer, earlier) whose earlier report lies within the window before the newer. */
    public static List<Verdict> judge(List<Report> reports, Settings s) {
        List<TextSignature> signatures = new ArrayList<>(reports.size());
        List<byte[]> stored = new ArrayList<>(reports.size());
        for (Report r : reports) {
            TextSignature sig = TextSignature.of(r.title(), r.description());
            signatures.add(sig);
            stored.add(sig.bytes());
        }
        long windowMinutes = s.window().toMinutes();
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Report a = reports.get(i);
            for (int j = 0; j < reports.size(); j++) {
                Report b = reports.get(j);
                boolean earlier = i != j
                        && (b.reportedMinute() < a.reportedMinute()
                                || (b.reportedMinute() == a.reportedMinute() && j < i));
                if (!earlier || a.reportedMinute() - b.reportedMinute() > windowMinutes) {
                    continue;
                }
                double metres = GeoDistance.metres(a.latitude(), a.longitude(), b.latitude(), b.longitude());
                double score = DuplicateFinder.score(
                        signatures.get(i).cosine(stored.get(j)),
                        a.categoryCode().equals(b.categoryCode()));
                out.add(new Verdict(
                        a.id(), b.id(), metres, score, metres <= s.radiusMetres() && score >= s.threshold()));
            }
        }
        return out;
    }

    public static List<Report> readReports(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), new TypeReference<List<Report>>() {});
    }

    public static void writeVerdicts(List<Verdict> verdicts, Path file) throws IOException {
        Files.writeString(file, Json.write(verdicts));
    }

    public static void main(String[] args) {
        GridgovConfig config;
        Path in;
        Path out;
        Settings settings;
        try {
            config = GridgovConfig.fromArgs(args, CaseServiceCommand.DUPLICATE_VERDICTS.options());
            in = Path.of(config.require(DuplicateVerdictOptions.REPORTS));
            out = Path.of(config.require(DuplicateVerdictOptions.VERDICTS));
            settings = new Settings(
                    config.get(CaseServiceOptions.DUPLICATE_RADIUS_METRES),
                    config.get(CaseServiceOptions.DUPLICATE_WINDOW),
                    config.get(CaseServiceOptions.DUPLICATE_THRESHOLD));
        } catch (RuntimeException e) {
            System.err.println("duplicate verdicts: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            List<Report> reports = readReports(in);
            List<Verdict> verdicts = judge(reports, settings);
            writeVerdicts(verdicts, out);
            System.out.printf(
                    "duplicate verdicts: %d reports, %d pairs within %s, %d duplicates (radius %d m,"
                            + " threshold %.3f) → %s%n",
                    reports.size(),
                    verdicts.size(),
                    settings.window(),
                    verdicts.stream().filter(Verdict::duplicate).count(),
                    settings.radiusMetres(),
                    settings.threshold(),
                    out);
        } catch (IOException | RuntimeException e) {
            System.err.println("duplicate verdicts failed: " + e);
            System.exit(1);
        }
    }
}

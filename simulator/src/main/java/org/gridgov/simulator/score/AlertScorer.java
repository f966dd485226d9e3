package org.gridgov.simulator.score;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.simulator.api.ScoreOptions;
import org.gridgov.simulator.api.SimulatorCommand;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * Scores the alerts in {@code ads_alert_event} against a generator ground truth, per rule. The demo calls
 * {@link #score} with its warehouse connection; as a command line:
 * {@code java ... org.gridgov.simulator.score.AlertScorer --alerts.score.ground-truth=.gridgov/demo/ground-truth.json
 * --warehouse.jdbc-url=...} with GRIDGOV_PII_SALT set to the salt the job ran with.
 *
 * <p>Prints one line with every rule's precision and recall; exits 0 when all reach {@code alerts.score.min}
 * (default 0.95), 3 when one does not (the line still on stdout, the failing rules on stderr), 2 on a configuration
 * error, 1 when the warehouse cannot be read.
 */
public final class AlertScorer {

    /** The scores of every rule and whether each reaches {@code min}. */
    public record Verdict(Map<ScoredRule, AlertScoring.RuleScore> scores, double min) {

        /** Codes of the rules whose precision or recall is below {@code min}. */
        public List<String> below() {
            return scores.values().stream()
                    .filter(s -> !s.reaches(min))
                    .map(s -> s.rule().code())
                    .toList();
        }

        public boolean met() {
            return below().isEmpty();
        }

        /** The line the demo prints: {@code alert score: <every rule>; every rule reaches 0.95}. */
        public String line() {
            return "alert score: " + AlertScoring.line(scores)
                    + (met() ? "; every rule reaches " + min : "; below " + min + ": " + below());
        }
    }

    private AlertScorer() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Scores the alert table of {@code warehouse} against the ground truth. */
    public static Verdict score(ExpectedAlerts expected, Connection warehouse, double min) throws SQLException {
        return new Verdict(AlertScoring.score(expected, readAlerts(warehouse)), min);
    }

    /** Scores and returns the exit code main would exit with. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path truth;
        double min;
        PiiProtector pii;
        WarehouseSettings warehouse;
        try {
            GridgovConfig config = GridgovConfig.fromArgs(args, SimulatorCommand.ALERT_SCORER.options());
            String file = config.get(ScoreOptions.GROUND_TRUTH);
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException(
                        "alerts.score.ground-truth is not set: the generator's " + "ground-truth.json");
            }
            truth = Path.of(file);
            if (!Files.isRegularFile(truth)) {
                throw new IllegalArgumentException("no ground-truth file at " + truth);
            }
            min = config.get(ScoreOptions.MIN_SCORE);
            pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
            warehouse = WarehouseSettings.from(config);
        } catch (RuntimeException e) {
            err.println("alert scorer: " + e.getMessage());
            return 2;
        }
        Verdict verdict;
        try (Connection c = warehouse.open()) {
            verdict = score(ExpectedAlerts.read(truth, pii), c, min);
        } catch (SQLException e) {
            err.println("alert scorer: warehouse at " + warehouse.safeUrl() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("alert scorer: " + e.getMessage());
            return 2;
        }
        out.println(verdict.line());
        if (!verdict.met()) {
            err.println("alert scorer: precision or recall below " + min + " for " + verdict.below());
            return 3;
        }
        return 0;
    }

    /** The alerts as stored in {@code ads_alert_event} (the scoring keeps those of the scored rules). */
    public static List<AlertScoring.Raised> readAlerts(Connection warehouse) throws SQLException {
        List<AlertScoring.Raised> out = new ArrayList<>();
        try (Statement s = warehouse.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT alert_id, rule, subject_key, evidence_ids FROM ads_alert_event")) {
            while (rs.next()) {
                out.add(new AlertScoring.Raised(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        new LinkedHashSet<>(Arrays.asList(rs.getString(4).split(",")))));
            }
        }
        return out;
    }
}

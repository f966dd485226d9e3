package org.gridgov.streaming.alerts.score;

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
import org.gridgov.streaming.alerts.AlertOptions;
import org.gridgov.streaming.alerts.AlertRule;
import org.gridgov.streaming.alerts.fanout.Jdbc;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * Scores the alerts in {@code ads_alert_event} against a generator ground truth, per rule:
 * {@code java ... org.gridgov.streaming.alerts.score.AlertScorer --alerts.score.ground-truth=.gridgov/demo/ground-truth.json
 * --warehouse.jdbc-url=... --warehouse.dialect=mysql} with GRIDGOV_PII_SALT set to the salt the job ran with.
 *
 * <p>Prints one line with every rule's precision and recall; exits 0 when all reach {@code alerts.score.min}
 * (default 0.95), 3 when one does not (the line still on stdout, the failing rules on stderr), 2 on a configuration
 * error, 1 when the warehouse cannot be read.
 */
public final class AlertScorer {

    private AlertScorer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Scores and returns the exit code main would exit with. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path truth;
        double min;
        PiiProtector pii;
        WarehouseSettings warehouse;
        try {
            GridgovConfig config = GridgovConfig.fromArgs(args, AlertOptions.ALL);
            String file = config.get(AlertOptions.GROUND_TRUTH);
            if (file == null || file.isBlank()) {
                throw new IllegalArgumentException("alerts.score.ground-truth is not set: the generator's "
                        + "ground-truth.json");
            }
            truth = Path.of(file);
            if (!Files.isRegularFile(truth)) {
                throw new IllegalArgumentException("no ground-truth file at " + truth);
            }
            min = Double.parseDouble(config.get(AlertOptions.MIN_SCORE));
            pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
            warehouse = WarehouseSettings.from(config);
        } catch (RuntimeException e) {
            err.println("alert scorer: " + e.getMessage());
            return 2;
        }
        List<AlertScoring.Raised> raised;
        ExpectedAlerts expected;
        try {
            expected = ExpectedAlerts.read(truth, pii);
            raised = readAlerts(warehouse);
        } catch (SQLException e) {
            err.println("alert scorer: warehouse at " + Jdbc.safeUrl(warehouse) + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("alert scorer: " + e.getMessage());
            return 2;
        }
        Map<AlertRule, AlertScoring.RuleScore> scores = AlertScoring.score(expected, raised);
        List<String> below = scores.values().stream().filter(s -> !s.reaches(min)).map(s -> s.rule().code()).toList();
        out.println("alert score: " + AlertScoring.line(scores) + (below.isEmpty()
                ? "; every rule reaches " + min : "; below " + min + ": " + below));
        if (!below.isEmpty()) {
            err.println("alert scorer: precision or recall below " + min + " for " + below);
            return 3;
        }
        return 0;
    }

    /** The alerts of the scored rules as stored in {@code ads_alert_event}. */
    public static List<AlertScoring.Raised> readAlerts(WarehouseSettings warehouse) throws SQLException {
        List<AlertScoring.Raised> out = new ArrayList<>();
        try (Connection c = Jdbc.open(warehouse); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT alert_id, rule, subject_key, evidence_ids FROM ads_alert_event")) {
            while (rs.next()) {
                out.add(new AlertScoring.Raised(rs.getString(1), rs.getString(2), rs.getString(3),
                        new LinkedHashSet<>(Arrays.asList(rs.getString(4).split(",")))));
            }
        }
        return out;
    }
}

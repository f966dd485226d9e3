package org.gridgov.simulator.score;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Precision and recall of raised alerts against planted ones, per rule. An alert matches a planted incident when
 * both name the same subject and share at least one evidence record. Precision = matching alerts / alerts of the
 * rule; recall = planted incidents matched / planted incidents. Evidence recall tells how much of the planted
 * evidence the matching alerts cite.
 */
public final class AlertScoring {

    /** A raised alert as the scorer sees it. */
    public record Raised(String alertId, String rule, String subject, Set<String> evidence) {}

    public record RuleScore(
            ScoredRule rule,
            int alerts,
            int planted,
            int matchingAlerts,
            int foundPlanted,
            int plantedEvidence,
            int citedEvidence) {

        public double precision() {
            return alerts == 0 ? (planted == 0 ? 1.0 : 0.0) : matchingAlerts / (double) alerts;
        }

        public double recall() {
            return planted == 0 ? 1.0 : foundPlanted / (double) planted;
        }

        public double evidenceRecall() {
            return plantedEvidence == 0 ? 1.0 : citedEvidence / (double) plantedEvidence;
        }

        public boolean reaches(double min) {
            return precision() >= min && recall() >= min;
        }

        @Override
        public String toString() {
            return String.format(
                    "%s P=%.3f R=%.3f (%d alerts, %d planted, evidence %d/%d)",
                    rule.code(), precision(), recall(), alerts, planted, citedEvidence, plantedEvidence);
        }
    }

    private AlertScoring() {}

    public static Map<ScoredRule, RuleScore> score(ExpectedAlerts expected, List<Raised> raised) {
        Map<ScoredRule, RuleScore> out = new LinkedHashMap<>();
        for (ScoredRule rule : ScoredRule.values()) {
            List<ExpectedAlerts.Item> planted = expected.items(rule);
            List<Raised> alerts =
                    raised.stream().filter(a -> a.rule().equals(rule.code())).toList();
            int matchingAlerts = 0;
            for (Raised a : alerts) {
                if (planted.stream().anyMatch(p -> matches(p, a))) {
                    matchingAlerts++;
                }
            }
            int found = 0;
            int plantedEvidence = 0;
            int cited = 0;
            for (ExpectedAlerts.Item p : planted) {
                List<Raised> hits = alerts.stream().filter(a -> matches(p, a)).toList();
                if (!hits.isEmpty()) {
                    found++;
                }
                Set<String> citedIds =
                        hits.stream().flatMap(a -> a.evidence().stream()).collect(Collectors.toSet());
                plantedEvidence += p.evidence().size();
                cited += (int) p.evidence().stream().filter(citedIds::contains).count();
            }
            out.put(
                    rule,
                    new RuleScore(rule, alerts.size(), planted.size(), matchingAlerts, found, plantedEvidence, cited));
        }
        return out;
    }

    static boolean matches(ExpectedAlerts.Item planted, Raised a) {
        if (!planted.subject().equals(a.subject())) {
            return false;
        }
        Set<String> shared = new HashSet<>(planted.evidence());
        shared.retainAll(a.evidence());
        return !shared.isEmpty();
    }

    /** One line: every rule's score. */
    public static String line(Map<ScoredRule, RuleScore> scores) {
        List<String> parts = new ArrayList<>();
        scores.values().forEach(s -> parts.add(s.toString()));
        return String.join("; ", parts);
    }
}

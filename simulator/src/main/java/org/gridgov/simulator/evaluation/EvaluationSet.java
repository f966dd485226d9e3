package org.gridgov.simulator.evaluation;

import java.util.List;
import java.util.Map;
import org.gridgov.simulator.generator.GroundTruth;

/**
 * The independent evaluation set: records in arrival order, the ground truth of what the alert rules must find (in
 * the scorer's format, so {@code ExpectedAlerts.of} reads it), and how many hard negatives of each kind it holds
 * (records and persons placed just outside a rule's definition, where a rule that fires on "similar" fails).
 */
public record EvaluationSet(List<EvaluationRecord> records, GroundTruth truth, Map<String, Integer> hardNegatives) {

    public EvaluationSet {
        records = List.copyOf(records);
        hardNegatives = Map.copyOf(hardNegatives);
    }
}

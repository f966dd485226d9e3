package org.gridgov.cases.assessment;

/**
 * One item of a rule version: what is measured, its points, the monthly target and the scoring method.
 *
 * @param direction how the page explains the method (the method's own sentence)
 */
public record RuleItem(
        AssessmentItem item, String name, double weight, double target, ScoringMethod method, String direction) {}

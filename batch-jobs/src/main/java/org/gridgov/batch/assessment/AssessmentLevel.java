package org.gridgov.batch.assessment;

/** Who is assessed: {@code dim_assessment_rule.level}, {@code dwd_manual_score.level}, {@code ads_unit_assessment.level}. */
public enum AssessmentLevel {
    /** A grid worker (one per grid), subject code the worker id. */
    GRID_WORKER,
    /** A community, from its workers' figures. */
    COMMUNITY,
    /** A street, from its workers' figures. */
    STREET,
    /** A department, from the case-service cases it handled ({@code dwd_case}). */
    DEPARTMENT
}

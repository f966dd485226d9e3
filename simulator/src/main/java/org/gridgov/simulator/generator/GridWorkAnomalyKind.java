package org.gridgov.simulator.generator;

/**
 * The grid workers' anomalies the generator plants (issue 16), named as the assessment's {@code anomaly_flags} name
 * them, each with the definition a month of {@code dwd_grid_*} rows is flagged by. Background workers never meet a
 * definition, so flagging by it finds exactly the planted ones.
 */
public enum GridWorkAnomalyKind {
    /** Every patrol of the month stays within ~200 m: {@code coverage_ratio} < 0.15 on each of them. */
    STAYS_IN_ONE_PLACE,
    /** A patrol of the month with a segment faster than 120 km/h: {@code is_fake_jump} = 1. */
    FAKE_PATROL_JUMP,
    /** At least 3 days of the month without check-out: {@code is_missing_checkout} = 1. */
    MISSING_CHECKOUT;

    /** A patrol below this coverage is "in one place" (the rule needs all the month's patrols below it). */
    public static final double STAY_COVERAGE = 0.15;
    /** Days without check-out in a month from which a worker is flagged. */
    public static final int MISSING_CHECKOUT_DAYS = 3;
}

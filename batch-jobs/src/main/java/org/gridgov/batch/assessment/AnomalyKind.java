package org.gridgov.batch.assessment;

/**
 * The anomalies the assessment flags on a worker's month (the contract; the simulator's ground truth uses the
 * same names), in the order {@code anomaly_flags} lists them.
 */
public enum AnomalyKind {
    /** Every patrol of the month covered less than {@link #LOW_COVERAGE} of the grid (and there was one at least). */
    STAYS_IN_ONE_PLACE,
    /** A patrol with a segment faster than 120 km/h ({@code dwd_grid_patrol.is_fake_jump}). */
    FAKE_PATROL_JUMP,
    /** At least {@link #MISSING_CHECKOUT_DAYS} days of the month without a check-out. */
    MISSING_CHECKOUT;

    /** A patrol covering less than this share of its grid stayed in one place. */
    public static final double LOW_COVERAGE = 0.15;
    /** Days without check-out that flag a month. */
    public static final int MISSING_CHECKOUT_DAYS = 3;
}

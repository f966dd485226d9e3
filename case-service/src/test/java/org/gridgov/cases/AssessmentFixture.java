package org.gridgov.cases;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row of the monthly assessment job's {@code ads_grid_worker_assessment} (batch-jobs writes it, issue 16 part 4),
 * for the score card tests: the table is created with the contract's columns if the catalogue has not got it yet,
 * with two of the item column pairs ({@code <item>_raw}, {@code <item>_points}).
 */
public final class AssessmentFixture {

    private AssessmentFixture() {}

    public static void assessed(
            JdbcTemplate warehouse, String month, String workerId, String grid, double total, int rank, String flags) {
        warehouse.execute("CREATE TABLE IF NOT EXISTS ads_grid_worker_assessment (month VARCHAR(7) NOT NULL,"
                + " worker_id VARCHAR(32) NOT NULL, grid_code VARCHAR(32), community_code VARCHAR(32),"
                + " community_name VARCHAR(64), street_code VARCHAR(32), street_name VARCHAR(64), total_score DOUBLE, `rank` INT, rule_version INT,"
                + " events_reported_raw DOUBLE, events_reported_points DOUBLE, attendance_raw DOUBLE,"
                + " attendance_points DOUBLE, manual_points DOUBLE, anomaly_flags VARCHAR(200),"
                + " updated_at DATETIME, PRIMARY KEY (month, worker_id))");
        warehouse.update(
                "REPLACE INTO ads_grid_worker_assessment (month, worker_id, grid_code, community_code,"
                        + " community_name, street_code, street_name, total_score, `rank`, rule_version, events_reported_raw, events_reported_points,"
                        + " attendance_raw, attendance_points, manual_points, anomaly_flags, updated_at)"
                        + " VALUES (?, ?, ?, ?, '测试社区', ?, '测试街道', ?, ?, 1, 10, 7.5, 0.9, 14.21, 5.5, ?, NOW())",
                month,
                workerId,
                grid,
                grid.substring(0, 12),
                grid.substring(0, 9),
                total,
                rank,
                flags);
    }
}

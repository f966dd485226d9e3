package org.gridgov.batch.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.batch.AnalyticsJobs;
import org.gridgov.batch.GeneratedWarehouse;
import org.gridgov.common.district.District;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's end to end on the generator's grid work: one generated month with planted anomalies goes through the ODS
 * mapping into the dwd_grid_* tables (as the loader writes them), the monthly assessment runs through
 * {@link AnalyticsJobs} as the demo and the DAG run it, and its {@code anomaly_flags} must name exactly the workers
 * and kinds the ground truth planted — every planted one, no other. The patrol-coverage item's points are checked
 * against the same rule computed here in SQL from dwd_grid_patrol, for every worker.
 */
class AssessmentGroundTruthIT {

    static final YearMonth MONTH = YearMonth.of(2024, 4);
    static final GeneratorSpec SPEC = new GeneratorSpec(16L, MONTH, 1, 2_000, 0.0, true);
    static final double COVERAGE_WEIGHT = 10;
    static final double COVERAGE_TARGET = 0.25;

    private static EmbeddedWarehouse warehouse;
    private static GroundTruth truth;

    @BeforeAll
    static void load() throws Exception {
        warehouse = EmbeddedWarehouse.start();
        truth = GeneratedWarehouse.load(warehouse, SPEC).truth();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM dim_assessment_rule");
            s.executeUpdate("INSERT INTO dim_assessment_rule (rule_version, level, scope_code, item_code, valid_from,"
                    + " valid_to, item_name, weight, target, method, direction) VALUES"
                    + " (1, 'GRID_WORKER', '370112', 'PATROL_COVERAGE', '2020-01-01', NULL, '巡查覆盖率', "
                    + COVERAGE_WEIGHT + ", " + COVERAGE_TARGET + ", 'RATIO_TO_TARGET', '平均覆盖率达到目标得满分'),"
                    + " (1, 'GRID_WORKER', '370112', 'ATTENDANCE', '2020-01-01', NULL, '出勤率', 90, 1.0,"
                    + " 'RATIO_TO_TARGET',"
                    + " '工作日打卡')");
        }
        AnalyticsJobs.run(new String[] {
            "--warehouse.jdbc-url=" + warehouse.jdbcUrl(),
            "--warehouse.dialect=mysql",
            "--warehouse.user=" + EmbeddedWarehouse.USER,
            "--warehouse.password=" + EmbeddedWarehouse.PASSWORD,
            "--spark.master=local[2]",
            "--batch.month=" + MONTH,
            "--analytics.jobs=assessment"
        });
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    void flagsExactlyThePlantedAnomalies() throws Exception {
        Map<String, TreeSet<String>> planted = new TreeMap<>();
        for (GroundTruth.GridWorkAnomaly a : truth.gridWorkAnomalies()) {
            if (a.month().equals(MONTH)) {
                planted.computeIfAbsent(a.workerId(), w -> new TreeSet<>())
                        .add(a.kind().name());
            }
        }
        assertThat(planted).as("the generator plants anomalies in the month").hasSizeGreaterThanOrEqualTo(9);

        Map<String, TreeSet<String>> flagged = new TreeMap<>();
        int workers = 0;
        try (Connection c = warehouse.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT worker_id, anomaly_flags FROM ads_grid_worker_assessment WHERE `month` = ?")) {
            ps.setString(1, MONTH.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    workers++;
                    String flags = rs.getString(2);
                    if (flags != null) {
                        flagged.put(rs.getString(1), new TreeSet<>(java.util.List.of(flags.split(","))));
                    }
                }
            }
        }
        assertThat(workers)
                .as("every grid's worker is assessed")
                .isEqualTo(District.licheng().grids().size());
        assertThat(flagged)
                .as("flagged workers and kinds = planted workers and kinds")
                .isEqualTo(planted);
    }

    @Test
    void coveragePointsFollowTheRuleOnEveryWorker() throws Exception {
        Map<String, Double> expected = new HashMap<>();
        Map<String, Double> actual = new HashMap<>();
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT worker_id, AVG(coverage_ratio) FROM dwd_grid_patrol"
                    + " WHERE DATE_FORMAT(patrol_date, '%Y-%m') = '" + MONTH + "' GROUP BY worker_id")) {
                while (rs.next()) {
                    expected.put(rs.getString(1), COVERAGE_WEIGHT * Math.min(1.0, rs.getDouble(2) / COVERAGE_TARGET));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT worker_id, patrol_coverage_points, rule_version"
                    + " FROM ads_grid_worker_assessment WHERE `month` = '" + MONTH + "'")) {
                while (rs.next()) {
                    assertThat(rs.getInt(3)).isEqualTo(1);
                    actual.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        assertThat(expected).as("workers who patrolled").hasSizeGreaterThan(300);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertThat(actual.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue(), within(0.006));
        }
    }
}

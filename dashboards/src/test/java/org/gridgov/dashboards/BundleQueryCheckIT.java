package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every dataset and chart query of the bundle on the embedded MariaDB warehouse with a few rows per ADS table. */
class BundleQueryCheckIT {

    private static EmbeddedWarehouse warehouse;

    @BeforeAll
    static void start() throws Exception {
        warehouse = EmbeddedWarehouse.start();
        try (Connection c = warehouse.connect()) {
            AdsFixtures.load(c);
        }
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    private static BundleQueryReport check(SupersetBundle bundle) throws Exception {
        return BundleQueryCheck.run(bundle, warehouse.jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD);
    }

    @Test
    void everyDatasetAndChartRunsAndReturnsRows() throws Exception {
        BundleQueryReport report = check(SupersetBundle.fromClasspath());
        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.empty()).as(report.summary()).isEmpty();
        assertThat(report.datasets()).hasSize(18);
        assertThat(report.charts()).hasSize(66);
        assertThat(report.summary()).endsWith(": 18 datasets, 66 charts, 0 failed, 0 empty");
    }

    @Test
    void aNumberOverFilteredRowsIsEmptyWhenNothingMatches() throws Exception {
        // a big number always returns one row; the check counts the rows behind it instead
        SupersetBundle edited =
                BundleFiles.withEdit("charts/supervision_overdue.yaml", "comparator: STREET", "comparator: DISTRICT");
        assertThat(check(edited).empty())
                .extracting(QueryResult::path)
                .containsExactly("charts/supervision_overdue.yaml");
    }

    @Test
    void aColumnTheWarehouseDoesNotHaveFailsTheDatasetAndItsCharts() throws Exception {
        SupersetBundle broken = BundleFiles.withEdit(
                "datasets/gridgov_doris/v_hotline_street_month.yaml",
                "dim_name AS street_name",
                "dim_label AS street_name");
        BundleQueryReport report = check(broken);
        assertThat(report.ok()).isFalse();
        assertThat(report.failures())
                .extracting(QueryResult::path)
                .contains(
                        "datasets/gridgov_doris/v_hotline_street_month.yaml",
                        "charts/cockpit_hotline_by_street.yaml",
                        "charts/hotline_accepted.yaml");
        assertThat(report.failures()).allMatch(r -> r.error().contains("dim_label"));
        assertThat(report.summary()).startsWith("FAIL  dataset v_hotline_street_month");
    }

    @Test
    void aBrokenMetricExpressionFailsItsDatasetAndTheChartsUsingIt() throws Exception {
        SupersetBundle broken = BundleFiles.withEdit(
                "datasets/gridgov_doris/ads_petition_street_month.yaml",
                "expression: SUM(visit_cnt)",
                "expression: SUM(visits_cnt)");
        BundleQueryReport report = check(broken);
        assertThat(report.failures())
                .extracting(QueryResult::path)
                .containsExactlyInAnyOrder(
                        "datasets/gridgov_doris/ads_petition_street_month.yaml", "charts/petition_trend.yaml");
        assertThat(report.failures().get(0).error()).startsWith("metrics: ").contains("visits_cnt");
    }
}

package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChartQueryTest {

    private final SupersetBundle bundle = BundleFiles.real();

    private ChartQuery query(String path) {
        BundleChart chart = bundle.charts().stream()
                .filter(c -> c.path().equals(path))
                .findFirst()
                .orElseThrow();
        return ChartQuery.of(chart, bundle.dataset(chart.datasetUuid()).orElseThrow(), 10_000);
    }

    @Test
    void aPieGroupsByItsColumnAndFiltersByDimensionType() {
        assertThat(query("charts/hotline_channels.yaml").sql()).isEqualTo("""
                SELECT `dim_name` AS `dim_name`, (SUM(accepted_cnt)) AS `accepted`
                FROM `gridgov`.`ads_hotline_dim_month`
                WHERE `dim_type` = 'CHANNEL'
                GROUP BY `dim_name`
                ORDER BY `accepted` DESC
                LIMIT 100""");
    }

    @Test
    void aBigNumberCountsTheRowsBehindIt() {
        ChartQuery q = query("charts/cockpit_hotline_accepted.yaml");
        assertThat(q.ungroupedAggregate()).isTrue();
        assertThat(q.sql())
                .startsWith("SELECT COUNT(*) AS gridgov_source_rows, (SUM(accepted_cnt)) AS `accepted`\n"
                        + "FROM (SELECT stat_month,")
                .doesNotContain("GROUP BY");
    }

    @Test
    void aCalculatedColumnIsReplacedByItsExpression() {
        assertThat(query("charts/cockpit_petition_trend.yaml").sql())
                .startsWith("SELECT (CAST(CONCAT(stat_month, '-01') AS DATE)) AS `stat_date`")
                .contains("GROUP BY (CAST(CONCAT(stat_month, '-01') AS DATE))");
    }

    @Test
    void aRawTableSelectsItsColumnsInItsOrder() {
        assertThat(query("charts/supervision_grid_rank.yaml").sql())
                .contains("WHERE `area_level` = 'GRID'")
                .endsWith("ORDER BY `overdue_rank` ASC\nLIMIT 50");
    }

    @Test
    void everyChartOfTheBundleYieldsAQuery() {
        assertThat(bundle.charts()).allSatisfy(c -> assertThat(
                        ChartQuery.of(c, bundle.dataset(c.datasetUuid()).orElseThrow(), 10)
                                .sql())
                .contains("FROM"));
    }

    @Test
    void aColumnTheDatasetDoesNotDeclareIsRefused() {
        SupersetBundle broken = BundleFiles.withEdit("charts/hotline_channels.yaml", "- dim_name", "- dim_label");
        BundleChart chart = broken.charts().stream()
                .filter(c -> c.path().equals("charts/hotline_channels.yaml"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() ->
                        ChartQuery.of(chart, broken.dataset(chart.datasetUuid()).orElseThrow(), 10))
                .hasMessageContaining("uses column 'dim_label' that dataset ads_hotline_dim_month does not declare");
    }

    @Test
    void aMetricTheDatasetDoesNotDefineIsRefused() {
        SupersetBundle broken =
                BundleFiles.withEdit("charts/hotline_channels.yaml", "metric: accepted", "metric: received");
        BundleChart chart = broken.charts().stream()
                .filter(c -> c.path().equals("charts/hotline_channels.yaml"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() ->
                        ChartQuery.of(chart, broken.dataset(chart.datasetUuid()).orElseThrow(), 10))
                .hasMessageContaining("uses metric 'received'");
    }

    @Test
    void aStringComparatorIsQuotedSafely() {
        SupersetBundle edited =
                BundleFiles.withEdit("charts/hotline_channels.yaml", "comparator: CHANNEL", "comparator: \"O'Brien\"");
        BundleChart chart = edited.charts().stream()
                .filter(c -> c.path().equals("charts/hotline_channels.yaml"))
                .findFirst()
                .orElseThrow();
        assertThat(ChartQuery.of(chart, edited.dataset(chart.datasetUuid()).orElseThrow(), 10)
                        .sql())
                .contains("`dim_type` = 'O''Brien'");
    }
}

package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.warehouse.AlertTables;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

/** Every chart reads only tables a job writes: a chart on a table nothing fills would stay empty in production. */
class ChartLineageTest {

    private static final Map<String, String> PRODUCED = JobOutputs.scan(
            BundleFiles.repoRoot().resolve(Path.of("batch-jobs", "src", "main", "java")),
            BundleFiles.repoRoot().resolve(Path.of("streaming-jobs", "src", "main", "java")));

    /** Charts (path → table) whose dataset reads a table no job writes. */
    static List<String> chartsOnUnproducedTables(SupersetBundle bundle, Set<String> produced) {
        List<String> out = new ArrayList<>();
        for (BundleChart c : bundle.charts()) {
            BundleDataset d = bundle.dataset(c.datasetUuid()).orElseThrow();
            for (String table : DatasetTables.of(d)) {
                if (!produced.contains(table)) {
                    out.add(c.path() + " → " + d.tableName() + " reads " + table);
                }
            }
        }
        return out;
    }

    @Test
    void theScanFindsTheBatchAndStreamingOutputs() {
        // guards the scan itself: if it found nothing, every bundle would look unproduced or the regexes rotted
        List<String> expected =
                new ArrayList<>(AnalyticsTables.ALL.stream().map(Table::name).toList());
        expected.add(WarehouseSchema.ADS_HOTLINE_STREET_MONTH.name());
        expected.add(AlertTables.ADS_ALERT_EVENT.name());
        assertThat(PRODUCED.keySet()).containsAll(expected);
        assertThat(PRODUCED.get("ads_alert_event")).startsWith("org/gridgov/streaming/alerts");
        assertThat(PRODUCED.get("ads_hotline_street_month")).endsWith("HotlineStreetMonthJob.java");
        assertThat(PRODUCED).doesNotContainKey("dim_street");
    }

    @Test
    void everyChartTracesToATableAJobWrites() {
        assertThat(chartsOnUnproducedTables(BundleFiles.real(), PRODUCED.keySet()))
                .isEmpty();
    }

    @Test
    void everyDatasetReadsAnAdsTable() {
        assertThat(BundleFiles.real().datasets())
                .allSatisfy(d -> assertThat(DatasetTables.of(d)).allMatch(t -> t.startsWith("ads_")));
    }

    @Test
    void aChartOnATableNoJobWritesIsListed() {
        SupersetBundle onDimension = BundleFiles.withEdit(
                "datasets/gridgov_doris/v_hotline_street_month.yaml",
                "FROM ads_hotline_dim_month",
                "FROM ads_hotline_dim_month JOIN dim_street ON dim_code = street_code");
        List<String> listed = chartsOnUnproducedTables(onDimension, PRODUCED.keySet());
        assertThat(listed).isNotEmpty().allMatch(s -> s.endsWith("reads dim_street"));
        assertThat(listed).contains("charts/cockpit_hotline_by_street.yaml → v_hotline_street_month reads dim_street");

        SupersetBundle onOds = BundleFiles.withEdit(
                "datasets/gridgov_doris/ads_alert_event.yaml",
                "table_name: ads_alert_event",
                "table_name: ods_petition");
        assertThat(chartsOnUnproducedTables(onOds, PRODUCED.keySet()))
                .contains("charts/cockpit_alert_levels.yaml → ods_petition reads ods_petition");
    }

    @Test
    void aWriteIntoSomethingThatIsNoTableFailsTheScanInsteadOfBeingSkipped() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> JobOutputs.writes("io.upsert(rows, NOT_A_TABLE);", "X.java"))
                .hasMessageContaining("X.java: upsert into NOT_A_TABLE");
        assertThat(JobOutputs.writes(
                        "static final Table T = AnalyticsTables.ADS_ARREARS_KEY_CASE;\nio.upsert(x, T);", "Y.java"))
                .containsExactly("ads_arrears_key_case");
    }
}

package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundle as Superset's importer sees it: required keys, uuids, references, filter scopes. */
class BundleStructureTest {

    /**
     * Required keys, from the import schemas ({@code required=True} fields): superset/databases/schemas.py
     * ImportV1DatabaseSchema, superset/datasets/schemas.py ImportV1DatasetSchema, superset/charts/schemas.py
     * ImportV1ChartSchema, superset/dashboards/schemas.py ImportV1DashboardSchema; metadata.yaml from
     * superset/commands/importers/v1/utils.py MetadataSchema. Written out here independently of
     * {@link ImportSchema}, so a slip in one is caught by the other.
     */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "databases/", List.of("database_name", "sqlalchemy_uri", "uuid", "version"),
            "datasets/", List.of("table_name", "uuid", "version", "database_uuid"),
            "charts/", List.of("slice_name", "viz_type", "uuid", "version", "dataset_uuid"),
            "dashboards/", List.of("dashboard_title", "uuid", "version"));

    private final SupersetBundle bundle = BundleFiles.real();

    @Test
    void theBundleHasNoProblemTheImporterWouldHit() {
        assertThat(BundleStructureCheck.problems(bundle)).isEmpty();
    }

    @Test
    void everyFileHasTheKeysTheImporterRequires() {
        assertThat(bundle.file("metadata.yaml")).hasValueSatisfying(m -> {
            assertThat(m.path("version").asText()).isEqualTo("1.0.0");
            assertThat(m.path("type").asText()).isEqualTo("Dashboard");
        });
        List<String> missing = new ArrayList<>();
        for (String path : bundle.paths()) {
            JsonNode yaml = bundle.file(path).orElseThrow();
            REQUIRED.forEach((folder, keys) -> {
                if (path.startsWith(folder)) {
                    keys.stream().filter(k -> !yaml.hasNonNull(k)).forEach(k -> missing.add(path + " " + k));
                }
            });
            // column_name (ImportV1ColumnSchema), metric_name and expression (ImportV1MetricSchema)
            yaml.path("columns").forEach(c -> {
                if (!c.hasNonNull("column_name")) {
                    missing.add(path + " column_name");
                }
            });
            yaml.path("metrics").forEach(m -> {
                if (!m.hasNonNull("metric_name") || !m.hasNonNull("expression")) {
                    missing.add(path + " metric_name/expression");
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void uuidsAreUniqueAndEveryReferenceResolves() {
        Set<String> uuids = new HashSet<>();
        List<String> all = new ArrayList<>();
        bundle.databases().forEach(d -> all.add(d.uuid()));
        bundle.datasets().forEach(d -> all.add(d.uuid()));
        bundle.charts().forEach(c -> all.add(c.uuid()));
        bundle.dashboards().forEach(d -> all.add(d.uuid()));
        assertThat(all).allMatch(uuids::add);

        Set<String> databases = new HashSet<>();
        bundle.databases().forEach(d -> databases.add(d.uuid()));
        assertThat(bundle.datasets()).allSatisfy(d -> assertThat(databases).contains(d.databaseUuid()));
        assertThat(bundle.charts())
                .allSatisfy(c -> assertThat(bundle.dataset(c.datasetUuid())).isPresent());
        for (BundleDashboard d : bundle.dashboards()) {
            Map<Integer, String> chartIds = new HashMap<>();
            for (BundleDashboard.ChartRef ref : d.charts()) {
                assertThat(bundle.chart(ref.chartUuid()))
                        .as(d.path() + " " + ref.nodeId())
                        .isPresent();
                assertThat(chartIds.put(ref.chartId().asInt(), ref.chartUuid()))
                        .as("chartId " + ref.chartId())
                        .isNull();
            }
            for (BundleDashboard.NativeFilter f : d.nativeFilters()) {
                f.targets().forEach(t -> assertThat(
                                bundle.dataset(t.datasetUuid()).orElseThrow().column(t.column()))
                        .as(d.path() + " " + f.name())
                        .isPresent());
                f.excludedChartIds().forEach(id -> assertThat(chartIds).containsKey(id.asInt()));
            }
        }
    }

    @Test
    void fiveDashboardsWithTheirChineseTitles() {
        assertThat(bundle.dashboards())
                .extracting(BundleDashboard::title)
                .containsExactlyInAnyOrder("领导驾驶舱", "12345 市民服务", "信访写实", "清欠调度", "监督考核");
        assertThat(bundle.datasets()).hasSize(18);
        assertThat(bundle.charts()).hasSize(66);
        assertThat(bundle.charts())
                .extracting(BundleChart::vizType)
                .contains(
                        "big_number_total",
                        "echarts_timeseries_bar",
                        "echarts_timeseries_line",
                        "pie",
                        "table",
                        "word_cloud");
        // every dashboard can be drilled down by street and by month
        for (BundleDashboard d : bundle.dashboards()) {
            assertThat(d.nativeFilters())
                    .flatExtracting(BundleDashboard.NativeFilter::targets)
                    .extracting(BundleDashboard.FilterTarget::column)
                    .containsExactlyInAnyOrder("stat_month", "street_name");
            assertThat(d.metadata().path("cross_filters_enabled").asBoolean()).isTrue();
        }
    }

    // --- the check fails on what the importer would refuse

    @Test
    void aMissingRequiredKeyIsReported() {
        SupersetBundle broken = BundleFiles.withEdit("charts/hotline_channels.yaml", "slice_name: 受理渠道分布\n", "");
        assertThat(BundleStructureCheck.problems(broken))
                .containsExactly("charts/hotline_channels.yaml: required key slice_name is missing or null");
    }

    @Test
    void aKeyOlderSupersetsDoNotKnowIsReported() {
        SupersetBundle broken = BundleFiles.withEdit(
                "charts/hotline_channels.yaml", "cache_timeout: null", "cache_timeout: null\ndescription: 渠道");
        assertThat(BundleStructureCheck.problems(broken))
                .containsExactly(
                        "charts/hotline_channels.yaml: unknown key description (the import schema rejects it)");
    }

    @Test
    void aDuplicateUuidIsReported() {
        String other = bundle.charts().get(1).uuid();
        SupersetBundle broken = BundleFiles.withEdit(
                bundle.charts().get(0).path(), "uuid: " + bundle.charts().get(0).uuid(), "uuid: " + other);
        assertThat(BundleStructureCheck.problems(broken)).anyMatch(p -> p.contains("is also the uuid of"));
    }

    @Test
    void aChartOnAMissingDatasetIsReported() {
        BundleChart chart = bundle.charts().get(0);
        SupersetBundle broken = BundleFiles.withEdit(
                chart.path(),
                "dataset_uuid: " + chart.datasetUuid(),
                "dataset_uuid: 00000000-0000-0000-0000-000000000000");
        assertThat(BundleStructureCheck.problems(broken))
                .contains(chart.path()
                        + ": dataset_uuid 00000000-0000-0000-0000-000000000000 is no dataset of the bundle");
    }

    @Test
    void aDashboardPlacingAnUnknownChartIsReported() {
        BundleChart chart = bundle.chart(
                        bundle.dashboards().get(0).charts().get(0).chartUuid())
                .orElseThrow();
        SupersetBundle broken = BundleFiles.withEdit(
                bundle.dashboards().get(0).path(),
                "uuid: " + chart.uuid(),
                "uuid: 00000000-0000-0000-0000-000000000001");
        assertThat(BundleStructureCheck.problems(broken)).anyMatch(p -> p.contains("that is not in the bundle"));
    }

    @Test
    void aStreetFilterOverAChartWithoutStreetsIsReported() {
        // the channel pie has no street column; take it out of the street filter's exclusions
        BundleDashboard hotline = bundle.dashboards().stream()
                .filter(d -> d.path().equals("dashboards/hotline.yaml"))
                .findFirst()
                .orElseThrow();
        BundleDashboard.NativeFilter street = hotline.nativeFilters().stream()
                .filter(f -> f.targets().get(0).column().equals("street_name"))
                .findFirst()
                .orElseThrow();
        int pie = hotline.charts().stream()
                .filter(r -> r.nodeId().equals("CHART-hotline-channels"))
                .findFirst()
                .orElseThrow()
                .chartId()
                .asInt();
        assertThat(street.excludedChartIds()).extracting(JsonNode::asInt).contains(pie);
        Map<String, String> texts = BundleFiles.texts();
        String yaml = texts.get(hotline.path());
        int at = yaml.indexOf("NATIVE_FILTER-hotline-street");
        String before = yaml.substring(0, at);
        String after = yaml.substring(at).replaceFirst("\n      - " + pie + "\n", "\n");
        texts.put(hotline.path(), before + after);
        assertThat(BundleStructureCheck.problems(SupersetBundle.of("edited", texts)))
                .anyMatch(p ->
                        p.contains("charts/hotline_channels.yaml in scope") && p.contains("no column street_name"));
    }

    @Test
    void aMetricNamedLikeAColumnIsReported() {
        SupersetBundle broken = BundleFiles.withEdit(
                "datasets/gridgov_doris/ads_petition_street_month.yaml",
                "metric_name: petitions",
                "metric_name: petition_cnt");
        assertThat(BundleStructureCheck.problems(broken))
                .anyMatch(
                        p -> p.equals(
                                "datasets/gridgov_doris/"
                                        + "ads_petition_street_month.yaml: metric petition_cnt has the name of a column; give it its own name"));
    }

    @Test
    void aPasswordInTheUriIsReported() {
        SupersetBundle broken = BundleFiles.withEdit("databases/gridgov_doris.yaml", "XXXXXXXXXX@", "s3cret@");
        assertThat(BundleStructureCheck.problems(broken)).anyMatch(p -> p.contains("sqlalchemy_uri holds a password"));
    }
}

package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A {@code dashboards/*.yaml} file. Its {@code position} places charts by uuid (the importer maps each CHART node's
 * {@code meta.uuid} to the imported chart and rewrites {@code meta.chartId}); its {@code metadata} holds the native
 * filters, whose scopes name charts by those {@code chartId}s and whose targets name datasets by uuid.
 */
public record BundleDashboard(
        String path, String uuid, String title, JsonNode position, JsonNode metadata, JsonNode yaml) {

    /** A CHART node of the position. */
    public record ChartRef(String nodeId, JsonNode chartId, String chartUuid) {}

    /** One target (dataset and column) of a native filter. */
    public record FilterTarget(String datasetUuid, String column) {}

    /** A native filter with its targets and the chart ids its scope excludes. */
    public record NativeFilter(String id, String name, List<FilterTarget> targets, List<JsonNode> excludedChartIds) {}

    static BundleDashboard of(String path, JsonNode yaml) {
        return new BundleDashboard(
                path,
                Yaml.text(yaml, "uuid"),
                Yaml.text(yaml, "dashboard_title"),
                yaml.path("position"),
                yaml.path("metadata"),
                yaml);
    }

    public List<ChartRef> charts() {
        List<ChartRef> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = position.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode node = e.getValue();
            if (node.isObject() && "CHART".equals(Yaml.text(node, "type"))) {
                out.add(new ChartRef(
                        e.getKey(), node.path("meta").path("chartId"), Yaml.text(node.path("meta"), "uuid")));
            }
        }
        return out;
    }

    public List<NativeFilter> nativeFilters() {
        List<NativeFilter> out = new ArrayList<>();
        for (JsonNode f : metadata.path("native_filter_configuration")) {
            List<FilterTarget> targets = new ArrayList<>();
            for (JsonNode t : f.path("targets")) {
                targets.add(new FilterTarget(Yaml.text(t, "datasetUuid"), Yaml.text(t.path("column"), "name")));
            }
            List<JsonNode> excluded = new ArrayList<>();
            f.path("scope").path("excluded").forEach(excluded::add);
            out.add(new NativeFilter(Yaml.text(f, "id"), Yaml.text(f, "name"), targets, excluded));
        }
        return out;
    }
}

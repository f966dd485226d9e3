package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;

/** A {@code charts/*.yaml} file: a visualization of one dataset; {@code params} is Superset's form data. */
public record BundleChart(
        String path,
        String uuid,
        String sliceName,
        String vizType,
        String datasetUuid,
        JsonNode params,
        JsonNode yaml) {

    static BundleChart of(String path, JsonNode yaml) {
        return new BundleChart(
                path,
                Yaml.text(yaml, "uuid"),
                Yaml.text(yaml, "slice_name"),
                Yaml.text(yaml, "viz_type"),
                Yaml.text(yaml, "dataset_uuid"),
                yaml.path("params"),
                yaml);
    }
}

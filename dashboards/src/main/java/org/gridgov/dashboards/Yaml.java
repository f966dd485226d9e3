package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** YAML as Jackson trees, the way Superset's importer sees the files ({@code yaml.safe_load}). */
final class Yaml {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {}

    static JsonNode parse(String path, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(path + ": not a YAML mapping");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The text of a field, or null when it is missing or YAML null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

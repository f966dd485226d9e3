package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;

/** A {@code databases/*.yaml} file of the bundle: the connection Superset creates on import. */
public record BundleDatabase(String path, String uuid, String name, String sqlalchemyUri, JsonNode yaml) {

    static BundleDatabase of(String path, JsonNode yaml) {
        return new BundleDatabase(
                path,
                Yaml.text(yaml, "uuid"),
                Yaml.text(yaml, "database_name"),
                Yaml.text(yaml, "sqlalchemy_uri"),
                yaml);
    }
}

package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code datasets/<database>/<name>.yaml} file: a physical table ({@code sql} empty) or a virtual dataset (the
 * result of {@code sql}), with the columns and saved metrics charts may use. A column with an expression is a
 * calculated column: Superset puts the expression where the column is used.
 */
public record BundleDataset(
        String path,
        String uuid,
        String tableName,
        String schema,
        String sql,
        String databaseUuid,
        List<Column> columns,
        List<Metric> metrics,
        JsonNode yaml) {

    public record Column(String name, String type, boolean dttm, String expression) {

        public boolean calculated() {
            return expression != null && !expression.isBlank();
        }
    }

    public record Metric(String name, String expression) {}

    static BundleDataset of(String path, JsonNode yaml) {
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : yaml.path("columns")) {
            columns.add(new Column(
                    Yaml.text(c, "column_name"),
                    Yaml.text(c, "type"),
                    c.path("is_dttm").asBoolean(false),
                    Yaml.text(c, "expression")));
        }
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode m : yaml.path("metrics")) {
            metrics.add(new Metric(Yaml.text(m, "metric_name"), Yaml.text(m, "expression")));
        }
        return new BundleDataset(
                path,
                Yaml.text(yaml, "uuid"),
                Yaml.text(yaml, "table_name"),
                Yaml.text(yaml, "schema"),
                Yaml.text(yaml, "sql"),
                Yaml.text(yaml, "database_uuid"),
                List.copyOf(columns),
                List.copyOf(metrics),
                yaml);
    }

    /** Virtual datasets are queried as {@code (sql) AS virtual_table}, physical ones by schema and table name. */
    public boolean virtual() {
        return sql != null && !sql.isBlank();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}

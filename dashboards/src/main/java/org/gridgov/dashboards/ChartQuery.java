package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SQL a chart makes Superset run, close enough to catch what breaks a chart on a warehouse: a column or metric
 * the dataset does not have, a column the table does not have, an expression the engine rejects. Built from the
 * chart's form data the way Superset's query object does: dimensions ({@code x_axis}, {@code groupby},
 * {@code columns}, {@code series}, {@code entity}) grouped, metrics (saved by name, or ad hoc SIMPLE/SQL) aggregated,
 * {@code adhoc_filters} as WHERE/HAVING, raw tables ({@code query_mode: raw}) as a plain select of
 * {@code all_columns}; calculated columns are replaced by their expressions and a virtual dataset is the subquery
 * {@code (sql) AS virtual_table}.
 *
 * <p>Not modelled: time grains (the x axis is grouped by its raw value), time-range filters (Superset's
 * {@code TEMPORAL_RANGE} with "No filter" adds nothing; others are skipped), post-processing (pivots, rolling
 * windows), Jinja templates. Dashboard native filters are not applied: they change values, not whether the query
 * runs.
 *
 * <p>An ungrouped aggregate (a big number) always returns one row, even over no data, so for those the query also
 * selects {@code COUNT(*) AS} {@value #SOURCE_ROWS}: how many source rows the number is computed from.
 */
public final class ChartQuery {

    public static final String SOURCE_ROWS = "gridgov_source_rows";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DIMENSION_KEYS = List.of("x_axis", "groupby", "columns", "series", "entity");
    private static final List<String> METRIC_KEYS = List.of(
            "metric", "metrics", "percent_metrics", "timeseries_limit_metric", "secondary_metric", "size", "x", "y");
    private static final Set<String> AGGREGATES = Set.of("SUM", "AVG", "MIN", "MAX", "COUNT", "COUNT_DISTINCT");

    private final String sql;
    private final boolean ungroupedAggregate;

    private ChartQuery(String sql, boolean ungroupedAggregate) {
        this.sql = sql;
        this.ungroupedAggregate = ungroupedAggregate;
    }

    public String sql() {
        return sql;
    }

    /** True when the query returns one aggregate row and its row count is in column {@value #SOURCE_ROWS}. */
    public boolean ungroupedAggregate() {
        return ungroupedAggregate;
    }

    /**
     * The chart's query on its dataset, at most {@code maxRows} rows (or the chart's smaller {@code row_limit}).
     *
     * @throws IllegalArgumentException naming the column, metric or setting the dataset cannot serve
     */
    public static ChartQuery of(BundleChart chart, BundleDataset dataset, int maxRows) {
        return new Builder(chart, dataset).build(maxRows);
    }

    /** The FROM item of a dataset, as Superset writes it. */
    public static String relation(BundleDataset dataset) {
        if (dataset.virtual()) {
            return "(" + stripSemicolon(dataset.sql()) + ") AS virtual_table";
        }
        String table = quote(dataset.tableName());
        return dataset.schema() == null || dataset.schema().isBlank() ? table : quote(dataset.schema()) + "." + table;
    }

    /** Backticks: understood by Doris, MySQL and MariaDB alike, and safe for names that are keywords somewhere. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static final class Builder {
        private final BundleChart chart;
        private final BundleDataset dataset;
        private final JsonNode params;
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private final Map<String, String> metrics = new LinkedHashMap<>();
        private final List<String> where = new ArrayList<>();
        private final List<String> having = new ArrayList<>();

        Builder(BundleChart chart, BundleDataset dataset) {
            this.chart = chart;
            this.dataset = dataset;
            this.params = chart.params();
        }

        ChartQuery build(int maxRows) {
            int limit = maxRows;
            if (params.path("row_limit").canConvertToInt()
                    && params.path("row_limit").asInt() > 0) {
                limit = Math.min(limit, params.path("row_limit").asInt());
            }
            filters();
            if ("raw".equals(params.path("query_mode").asText())) {
                return raw(limit);
            }
            for (String key : DIMENSION_KEYS) {
                for (JsonNode d : list(params.get(key))) {
                    dimension(key, d);
                }
            }
            for (String key : METRIC_KEYS) {
                for (JsonNode m : list(params.get(key))) {
                    metric(key, m);
                }
            }
            if (dimensions.isEmpty() && metrics.isEmpty()) {
                throw new IllegalArgumentException(chart.path() + ": viz_type " + chart.vizType()
                        + " selects no column and no metric that this check understands");
            }
            List<String> select = new ArrayList<>();
            dimensions.forEach((label, expr) -> select.add(expr + " AS " + quote(label)));
            metrics.forEach((label, expr) -> select.add(expr + " AS " + quote(label)));
            boolean ungrouped = dimensions.isEmpty();
            if (ungrouped) {
                select.add(0, "COUNT(*) AS " + SOURCE_ROWS);
            }
            StringBuilder q = new StringBuilder("SELECT ")
                    .append(String.join(", ", select))
                    .append("\nFROM ")
                    .append(relation(dataset));
            appendWhere(q);
            if (!ungrouped) {
                q.append("\nGROUP BY ").append(String.join(", ", dimensions.values()));
            }
            if (!having.isEmpty()) {
                q.append("\nHAVING ").append(String.join(" AND ", having));
            }
            if (!ungrouped && !metrics.isEmpty()) {
                String first = metrics.keySet().iterator().next();
                String sortLabel = params.hasNonNull("timeseries_limit_metric")
                        ? label(params.get("timeseries_limit_metric"))
                        : first;
                boolean desc =
                        !params.has("order_desc") || params.get("order_desc").asBoolean();
                q.append("\nORDER BY ").append(quote(sortLabel)).append(desc ? " DESC" : " ASC");
            }
            if (!ungrouped) {
                q.append("\nLIMIT ").append(limit);
            }
            return new ChartQuery(q.toString(), ungrouped);
        }

        private ChartQuery raw(int limit) {
            List<String> select = new ArrayList<>();
            for (JsonNode c : list(params.get("all_columns"))) {
                String label = c.isTextual() ? c.asText() : c.path("label").asText();
                select.add(column("all_columns", c) + " AS " + quote(label));
            }
            if (select.isEmpty()) {
                throw new IllegalArgumentException(chart.path() + ": raw table without all_columns");
            }
            StringBuilder q = new StringBuilder("SELECT ")
                    .append(String.join(", ", select))
                    .append("\nFROM ")
                    .append(relation(dataset));
            appendWhere(q);
            List<String> order = new ArrayList<>();
            for (JsonNode o : list(params.get("order_by_cols"))) {
                JsonNode pair = o.isTextual() ? parseJson(o.asText()) : o;
                if (!pair.isArray() || pair.size() != 2) {
                    throw new IllegalArgumentException(
                            chart.path() + ": order_by_cols entry " + o + " is not [column, ascending]");
                }
                order.add(column("order_by_cols", pair.get(0)) + (pair.get(1).asBoolean() ? " ASC" : " DESC"));
            }
            if (!order.isEmpty()) {
                q.append("\nORDER BY ").append(String.join(", ", order));
            }
            q.append("\nLIMIT ").append(limit);
            return new ChartQuery(q.toString(), false);
        }

        private void appendWhere(StringBuilder q) {
            if (!where.isEmpty()) {
                q.append("\nWHERE ").append(String.join(" AND ", where));
            }
        }

        private void dimension(String key, JsonNode d) {
            String label = d.isTextual() ? d.asText() : d.path("label").asText(null);
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException(chart.path() + ": " + key + " entry without a label: " + d);
            }
            dimensions.putIfAbsent(label, column(key, d));
        }

        /** A column reference: a dataset column by name (its expression if calculated) or an ad hoc SQL column. */
        private String column(String key, JsonNode c) {
            if (c.isObject()) {
                String sql = c.path("sqlExpression").asText(null);
                if (sql == null || sql.isBlank()) {
                    throw new IllegalArgumentException(
                            chart.path() + ": " + key + " ad hoc column without sqlExpression");
                }
                return "(" + sql + ")";
            }
            String name = c.asText();
            BundleDataset.Column col = dataset.column(name)
                    .orElseThrow(() -> new IllegalArgumentException(chart.path() + ": " + key + " uses column '" + name
                            + "' that dataset " + dataset.tableName() + " does not declare"));
            return col.calculated() ? "(" + col.expression() + ")" : quote(col.name());
        }

        private void metric(String key, JsonNode m) {
            metrics.putIfAbsent(label(m), metricSql(key, m));
        }

        private String label(JsonNode m) {
            if (m.isTextual()) {
                return m.asText();
            }
            String label = m.path("label").asText(null);
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException(chart.path() + ": ad hoc metric without a label: " + m);
            }
            return label;
        }

        private String metricSql(String key, JsonNode m) {
            if (m.isTextual()) {
                String name = m.asText();
                return dataset.metric(name)
                        .map(x -> "(" + x.expression() + ")")
                        .orElseThrow(() -> new IllegalArgumentException(chart.path() + ": " + key + " uses metric '"
                                + name + "' that dataset " + dataset.tableName() + " does not define"));
            }
            String type = m.path("expressionType").asText();
            if ("SQL".equals(type)) {
                return "(" + m.path("sqlExpression").asText() + ")";
            }
            if ("SIMPLE".equals(type)) {
                String agg = m.path("aggregate").asText().toUpperCase(Locale.ROOT);
                if (!AGGREGATES.contains(agg)) {
                    throw new IllegalArgumentException(chart.path() + ": unknown aggregate " + agg);
                }
                String col = column(key, m.path("column").path("column_name"));
                return agg.equals("COUNT_DISTINCT") ? "COUNT(DISTINCT " + col + ")" : agg + "(" + col + ")";
            }
            throw new IllegalArgumentException(chart.path() + ": " + key + " metric of unknown form " + m);
        }

        private void filters() {
            for (JsonNode f : list(params.get("adhoc_filters"))) {
                String clause = f.path("clause").asText("WHERE");
                String condition;
                if ("SQL".equals(f.path("expressionType").asText())) {
                    condition = "(" + f.path("sqlExpression").asText() + ")";
                } else {
                    condition = simpleFilter(f);
                }
                if (condition == null) {
                    continue;
                }
                ("HAVING".equals(clause) ? having : where).add(condition);
            }
        }

        /** A SIMPLE ad hoc filter as SQL; null for a time range, which this check does not apply. */
        private String simpleFilter(JsonNode f) {
            String subject = column("adhoc_filters", f.path("subject"));
            String op = f.path("operator").asText().toUpperCase(Locale.ROOT);
            JsonNode value = f.get("comparator");
            return switch (op) {
                case "TEMPORAL_RANGE" -> null;
                case "==", "=" -> subject + " = " + literal(value);
                case "!=", "<>" -> subject + " <> " + literal(value);
                case ">", "<", ">=", "<=" -> subject + " " + op + " " + literal(value);
                case "IN", "NOT IN" -> {
                    List<String> values = new ArrayList<>();
                    for (JsonNode v : list(value)) {
                        values.add(literal(v));
                    }
                    if (values.isEmpty()) {
                        throw new IllegalArgumentException(
                                chart.path() + ": " + op + " filter on " + subject + " without values");
                    }
                    yield subject + " " + op + " (" + String.join(", ", values) + ")";
                }
                case "IS NULL", "IS NOT NULL" -> subject + " " + op;
                case "LIKE", "ILIKE" -> subject + " LIKE " + literal(value);
                default ->
                    throw new IllegalArgumentException(chart.path() + ": filter operator " + op + " not supported");
            };
        }

        private String literal(JsonNode v) {
            if (v == null || v.isNull()) {
                throw new IllegalArgumentException(chart.path() + ": filter without a comparator");
            }
            if (v.isNumber() || v.isBoolean()) {
                return v.asText();
            }
            return "'" + v.asText().replace("'", "''") + "'";
        }

        private JsonNode parseJson(String text) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalArgumentException(chart.path() + ": not JSON: " + text, e);
            }
        }

        private static List<JsonNode> list(JsonNode node) {
            List<JsonNode> out = new ArrayList<>();
            if (node == null || node.isNull() || node.isMissingNode()) {
                return out;
            }
            if (node.isArray()) {
                node.forEach(out::add);
            } else if (!(node.isTextual() && node.asText().isEmpty())) {
                out.add(node);
            }
            return out;
        }
    }
}

package org.gridgov.dashboards;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every dataset and every chart of a bundle against a warehouse (Doris FE or MariaDB, over JDBC) and reports,
 * for each, the rows it returned or the error. A dataset is checked with two queries: every declared column (a
 * calculated one by its expression) selected from its table or SQL, and {@code COUNT(*)} with every saved metric; a
 * chart with the query {@link ChartQuery} builds. Nothing is written.
 *
 * <p>Typical use, after the warehouse has data: {@code BundleQueryCheck.run(SupersetBundle.fromClasspath(), url,
 * user, password)}, then assert {@code failures()} and {@code empty()} are empty and print {@code summary()}.
 */
public final class BundleQueryCheck {

    /** Upper bound of rows a chart query may return here (Superset's default row limit). */
    public static final int MAX_ROWS = 10_000;

    private static final int QUERY_TIMEOUT_SECONDS = 60;

    private BundleQueryCheck() {}

    /** Opens a connection with the given credentials, checks the bundle and closes it. */
    public static BundleQueryReport run(SupersetBundle bundle, String jdbcUrl, String user, String password)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            return run(bundle, c);
        }
    }

    /** Checks the bundle on a connection the caller owns (its default database must hold the tables). */
    public static BundleQueryReport run(SupersetBundle bundle, Connection connection) {
        List<QueryResult> results = new ArrayList<>();
        for (BundleDataset d : bundle.datasets()) {
            results.add(checkDataset(d, connection));
        }
        for (BundleChart chart : bundle.charts()) {
            results.add(checkChart(bundle, chart, connection));
        }
        return new BundleQueryReport(bundle.source(), results);
    }

    static QueryResult checkDataset(BundleDataset d, Connection connection) {
        String relation = ChartQuery.relation(d);
        List<String> columns = new ArrayList<>();
        for (BundleDataset.Column c : d.columns()) {
            columns.add((c.calculated() ? "(" + c.expression() + ")" : ChartQuery.quote(c.name())) + " AS "
                    + ChartQuery.quote(c.name()));
        }
        List<String> counted = new ArrayList<>();
        counted.add("COUNT(*) AS row_count");
        for (BundleDataset.Metric m : d.metrics()) {
            counted.add("(" + m.expression() + ") AS " + ChartQuery.quote(m.name()));
        }
        String columnsSql =
                "SELECT " + (columns.isEmpty() ? "*" : String.join(", ", columns)) + "\nFROM " + relation + "\nLIMIT 1";
        String countSql = "SELECT " + String.join(", ", counted) + "\nFROM " + relation;
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery(columnsSql)) {
                while (rs.next()) {
                    // reading the row makes the engine evaluate the calculated columns, not only parse them
                }
            } catch (SQLException e) {
                return new QueryResult(
                        QueryResult.Kind.DATASET,
                        d.tableName(),
                        d.path(),
                        columnsSql,
                        0,
                        "declared columns: " + e.getMessage());
            }
            try (ResultSet rs = s.executeQuery(countSql)) {
                rs.next();
                return new QueryResult(
                        QueryResult.Kind.DATASET, d.tableName(), d.path(), countSql, rs.getLong(1), null);
            } catch (SQLException e) {
                return new QueryResult(
                        QueryResult.Kind.DATASET, d.tableName(), d.path(), countSql, 0, "metrics: " + e.getMessage());
            }
        } catch (SQLException e) {
            return new QueryResult(QueryResult.Kind.DATASET, d.tableName(), d.path(), columnsSql, 0, e.getMessage());
        }
    }

    static QueryResult checkChart(SupersetBundle bundle, BundleChart chart, Connection connection) {
        Optional<BundleDataset> dataset = bundle.dataset(chart.datasetUuid());
        if (dataset.isEmpty()) {
            return new QueryResult(
                    QueryResult.Kind.CHART,
                    chart.sliceName(),
                    chart.path(),
                    null,
                    0,
                    "dataset_uuid " + chart.datasetUuid() + " is not in the bundle");
        }
        ChartQuery query;
        try {
            query = ChartQuery.of(chart, dataset.get(), MAX_ROWS);
        } catch (IllegalArgumentException e) {
            return new QueryResult(QueryResult.Kind.CHART, chart.sliceName(), chart.path(), null, 0, e.getMessage());
        }
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery(query.sql())) {
                long rows = 0;
                if (query.ungroupedAggregate()) {
                    rows = rs.next() ? rs.getLong(ChartQuery.SOURCE_ROWS) : 0;
                } else {
                    while (rs.next()) {
                        rows++;
                    }
                }
                return new QueryResult(
                        QueryResult.Kind.CHART, chart.sliceName(), chart.path(), query.sql(), rows, null);
            }
        } catch (SQLException e) {
            return new QueryResult(
                    QueryResult.Kind.CHART, chart.sliceName(), chart.path(), query.sql(), 0, e.getMessage());
        }
    }
}

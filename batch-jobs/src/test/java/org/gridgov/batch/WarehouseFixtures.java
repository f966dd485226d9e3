package org.gridgov.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;

/** Plain-JDBC seeding and reading of the embedded warehouse, independent of the code under test. */
public final class WarehouseFixtures {

    private WarehouseFixtures() {}

    /** Upserts rows (values in catalogue order) with the MySQL dialect's statement. */
    public static void insert(Connection c, Table table, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlDialect.MYSQL.upsert(table))) {
            for (Row r : rows) {
                for (int i = 0; i < r.length(); i++) {
                    ps.setObject(i + 1, r.get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every row of the table as text, ordered by key: what a dashboard query would see. */
    public static List<List<String>> select(Connection c, Table table) throws SQLException {
        String order = String.join(", ", table.keyColumns());
        List<List<String>> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + String.join(", ", table.columnNames()) + " FROM "
                        + SqlDialect.quote(table.name()) + " ORDER BY " + order)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= table.columns().size(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    public static void truncate(Connection c, Table table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE " + SqlDialect.quote(table.name()));
        }
    }
}

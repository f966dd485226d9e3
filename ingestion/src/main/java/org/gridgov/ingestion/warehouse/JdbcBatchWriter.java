package org.gridgov.ingestion.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * Writes batches with the dialect's upsert over one JDBC connection: on MariaDB one transaction per batch (READ
 * COMMITTED, so parallel writers on disjoint keys do not gap-lock each other); on Doris every INSERT is its own load,
 * and a retried batch simply upserts again. A failed batch is retried a few times on a fresh connection (deadlocks,
 * dropped connections); rows are idempotent upserts, so a retry cannot duplicate anything.
 */
public final class JdbcBatchWriter implements BatchWriter {

    private static final int ATTEMPTS = 3;
    /** Keys per read-back query; MySQL handles IN lists of this size by primary-key lookups. */
    private static final int VERIFY_CHUNK = 1000;

    private final WarehouseAccess access;
    private final JdbcUpserter upserter;
    private Connection connection;

    public JdbcBatchWriter(WarehouseAccess access) {
        this.access = access;
        this.upserter = new JdbcUpserter(access.dialect());
    }

    @Override
    public void write(Map<Table, List<TableRow>> rowsByTable) throws SQLException, InterruptedException {
        long backoff = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                Connection c = connection();
                for (Map.Entry<Table, List<TableRow>> e : rowsByTable.entrySet()) {
                    upserter.upsert(c, e.getKey(), e.getValue());
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return;
            } catch (SQLException e) {
                discard();
                if (attempt >= ATTEMPTS) {
                    throw new SQLException("writing " + rowsByTable.keySet() + " to " + access.safeUrl() + " failed "
                            + attempt + " times: " + e.getMessage(), e);
                }
                Thread.sleep(backoff);
                backoff *= 4;
            }
        }
    }

    @Override
    public int countPresent(Table table, Collection<TableRow> rows) throws SQLException {
        List<String> keys = table.keyColumns();
        int first = table.position(keys.get(0));
        int[] positions = keys.stream().mapToInt(table::position).toArray();
        Set<String> wanted = new HashSet<>();
        List<String> firstValues = new ArrayList<>();
        for (TableRow r : rows) {
            if (wanted.add(key(r.values, positions))) {
                firstValues.add(r.values[first]);
            }
        }
        String select = "SELECT " + String.join(", ", keys.stream().map(SqlDialect::quote).toList())
                + " FROM " + SqlDialect.quote(table.name()) + " WHERE " + SqlDialect.quote(keys.get(0)) + " IN (";
        int present = 0;
        Connection c = connection();
        for (int from = 0; from < firstValues.size(); from += VERIFY_CHUNK) {
            List<String> chunk = firstValues.subList(from, Math.min(firstValues.size(), from + VERIFY_CHUNK));
            String sql = select + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    String[] values = new String[keys.size()];
                    int[] identity = new int[keys.size()];
                    for (int i = 0; i < identity.length; i++) {
                        identity[i] = i;
                    }
                    while (rs.next()) {
                        for (int i = 0; i < values.length; i++) {
                            values[i] = rs.getString(i + 1);
                        }
                        if (wanted.remove(key(values, identity))) {
                            present++;
                        }
                    }
                }
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return present;
    }

    private static String key(String[] values, int[] positions) {
        StringBuilder sb = new StringBuilder();
        for (int p : positions) {
            sb.append(values[p]).append('\u0001');
        }
        return sb.toString();
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = access.open();
            try {
                if (access.dialect() == SqlDialect.MYSQL) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    c.setAutoCommit(false);
                } else {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    private void discard() {
        if (connection != null) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException ignored) {
                // the connection is thrown away anyway
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // same
            }
            connection = null;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            try {
                connection.close();
            } finally {
                connection = null;
            }
        }
    }
}

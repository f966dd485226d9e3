package org.gridgov.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

/**
 * Writes rows of one table as a JDBC batch of the dialect's upsert. Values are bound as text (or NULL); MariaDB and
 * Doris convert them to the column type. The caller owns the connection and its transaction.
 */
public final class JdbcUpserter {

    private final SqlDialect dialect;

    public JdbcUpserter(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Upserts the rows (all of {@code table}) in one batch; returns how many were sent. */
    public int upsert(Connection connection, Table table, Collection<TableRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = connection.prepareStatement(dialect.upsert(table))) {
            for (TableRow row : rows) {
                if (!row.table.equals(table.name())
                        || row.values.length != table.columns().size()) {
                    throw new IllegalArgumentException("row " + row + " does not fit table " + table.name());
                }
                for (int i = 0; i < row.values.length; i++) {
                    if (row.values[i] == null) {
                        ps.setNull(i + 1, Types.VARCHAR);
                    } else {
                        ps.setString(i + 1, row.values[i]);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }
}

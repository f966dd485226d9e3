package org.gridgov.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/** Connection handling shared by the warehouse writers. */
public final class JdbcConnections {

    private JdbcConnections() {}

    /**
     * Rolls back an open transaction and closes the connection, ignoring errors: used after a failed write, when the
     * connection may be broken and is being thrown away so the retry starts on a fresh one.
     */
    public static void discardQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
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
    }
}

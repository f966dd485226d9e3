package org.gridgov.streaming.odsloader;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.gridgov.warehouse.SqlDialect;

/**
 * Where and how the sink writes: JDBC URL, user, password and the SQL dialect that decides the upsert statement.
 * Serializable because it ships with the sink to the task managers. The password comes from configuration
 * (GRIDGOV_WAREHOUSE_PASSWORD) and is kept out of {@link #toString()} so it never reaches a log.
 */
public record WarehouseConnection(String url, String user, String password, SqlDialect dialect)
        implements Serializable {

    public WarehouseConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(dialect, "dialect");
        // an empty password means "none", as in GRIDGOV_WAREHOUSE_PASSWORD=""
        password = password == null || password.isEmpty() ? null : password;
    }

    /** {@code doris} or {@code mysql}, case-insensitive. */
    public static SqlDialect dialect(String name) {
        for (SqlDialect d : SqlDialect.values()) {
            if (d.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("warehouse.dialect must be doris or mysql, got '" + name + "'");
    }

    /**
     * Opens a connection with the MySQL driver, which speaks to Doris FE and MariaDB alike. The driver is called
     * directly instead of through DriverManager, which does not see drivers loaded by Flink's user-code class loader.
     */
    Connection open() throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        // multi-row INSERTs instead of one round trip per row; a URL parameter of the same name wins
        p.setProperty("rewriteBatchedStatements", "true");
        // an unreachable host fails in seconds instead of the OS TCP timeout; the batch retry takes it from there
        p.setProperty("connectTimeout", "10000");
        Connection c = new com.mysql.cj.jdbc.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("not a MySQL-protocol JDBC URL (expected jdbc:mysql://...): " + safeUrl());
        }
        return c;
    }

    /** The URL without its query string, which may carry credentials. */
    String safeUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "WarehouseConnection[" + safeUrl() + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + ", dialect=" + dialect + "]";
    }
}

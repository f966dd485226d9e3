package org.gridgov.ingestion.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.warehouse.SqlDialect;

/**
 * The warehouse the ingestion mains write to: Doris FE (production, {@code doris}) or MariaDB ({@code mysql}), both
 * over the MySQL protocol. The password comes from {@code GRIDGOV_WAREHOUSE_PASSWORD} and never appears in
 * {@link #toString()}.
 */
public record WarehouseAccess(String url, String user, String password, SqlDialect dialect) {

    public static WarehouseAccess from(GridgovConfig config) {
        return new WarehouseAccess(config.get(GridgovOptions.WAREHOUSE_URL), config.get(GridgovOptions.WAREHOUSE_USER),
                config.get(GridgovOptions.WAREHOUSE_PASSWORD), dialect(config.get(GridgovOptions.WAREHOUSE_DIALECT)));
    }

    public static SqlDialect dialect(String name) {
        for (SqlDialect d : SqlDialect.values()) {
            if (d.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("warehouse.dialect must be doris or mysql, got '" + name + "'");
    }

    public Connection open() throws SQLException {
        return open(null);
    }

    /**
     * A connection that may send files to the server from {@code bulkDir} only, for LOAD DATA LOCAL INFILE
     * ({@code allowLoadLocalInfileInPath}); null for none.
     */
    public Connection open(java.nio.file.Path bulkDir) throws SQLException {
        Properties p = new Properties();
        if (bulkDir != null) {
            p.setProperty("allowLoadLocalInfileInPath", bulkDir.toAbsolutePath().toString());
        }
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        // multi-row INSERTs instead of a round trip per row; a URL parameter of the same name wins
        p.setProperty("rewriteBatchedStatements", "true");
        p.setProperty("connectTimeout", "10000");
        return DriverManager.getConnection(url, p);
    }

    /** The URL without its query string, which may carry credentials. */
    public String safeUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "WarehouseAccess[" + safeUrl() + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "none" : "***") + ", dialect=" + dialect + "]";
    }
}

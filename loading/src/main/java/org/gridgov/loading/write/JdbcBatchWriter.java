package org.gridgov.loading.write;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.warehouse.ColumnType;
import org.gridgov.warehouse.JdbcConnections;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse writer of every loading path (the Flink sinks, the local DataX runner): writes batches over one JDBC
 * connection. On MariaDB one transaction per batch (READ COMMITTED, so parallel writers on disjoint keys do not
 * gap-lock each other); on Doris every INSERT is its own load, and a partly applied batch is repaired by the retry's
 * upserts. A failed batch is retried on a fresh connection ({@link WriteRetry}, Failsafe); rows are idempotent
 * upserts, so a retry cannot duplicate anything. Not thread-safe: one per writer thread or sink subtask; only
 * {@link #prepare} may run on a second thread beside the one that writes.
 *
 * <p>Two ways to write: the dialect's upsert as a JDBC batch ({@link JdbcUpserter}, multi-row
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} on MariaDB, plain {@code INSERT} into UNIQUE KEY tables on Doris), or, on
 * MariaDB with a bulk directory, {@code LOAD DATA LOCAL INFILE ... REPLACE} of a tab-separated file written there
 * (about four times faster: no per-parameter binding, no statement parsing). The driver may then send files from that
 * directory only ({@link WarehouseSettings#open(Path)}). Files, not a stream: MySQL Connector/J sends a statement's
 * {@code setLocalInfileInputStream} only with {@code allowLoadLocalInfile=true} (its {@code NativeProtocol.getFileStream}
 * checks that first), which would let a server ask for any file of ours. {@link #prepare} encodes the files, so a
 * pipeline can encode the next batch while this one loads.
 */
public final class JdbcBatchWriter implements BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcBatchWriter.class);
    /** Keys per read-back query; MySQL handles IN lists of this size by primary-key lookups. */
    private static final int VERIFY_CHUNK = 1000;

    private final WarehouseSettings settings;
    private final JdbcUpserter upserter;
    private final Path bulkDir;
    private final WriteRetry retry;
    private final Runnable onFailedAttempt;
    /** LOAD DATA files prepared and not deleted yet (written by the preparing thread, deleted by the writing one). */
    private final Set<Path> staged = ConcurrentHashMap.newKeySet();

    private Connection connection;

    public JdbcBatchWriter(WarehouseSettings settings) {
        this(settings, null);
    }

    /** With {@code bulkDir} (MariaDB only): batches go in by LOAD DATA LOCAL INFILE from files in that directory. */
    public JdbcBatchWriter(WarehouseSettings settings, Path bulkDir) {
        this(settings, bulkDir, WriteRetry.BATCH_LOAD, () -> {});
    }

    /** {@code onFailedAttempt} runs after every failed try (a sink counts its write errors with it). */
    public JdbcBatchWriter(WarehouseSettings settings, Path bulkDir, WriteRetry retry, Runnable onFailedAttempt) {
        if (bulkDir != null && settings.dialect() != SqlDialect.MYSQL) {
            throw new IllegalArgumentException("bulk loading is for the mysql dialect only");
        }
        this.settings = settings;
        this.upserter = new JdbcUpserter(settings.dialect());
        this.bulkDir = bulkDir;
        this.retry = retry;
        this.onFailedAttempt = onFailedAttempt;
    }

    /**
     * Writes every table's rows and commits, retrying the whole unit; throws once the tries are used up (the caller
     * still holds the rows: a Flink job restarts from its checkpoint, the DataX runner fails the batch).
     */
    @Override
    public void write(Map<Table, List<TableRow>> rowsByTable) throws SQLException, InterruptedException {
        if (bulkDir != null) {
            write(prepare(rowsByTable));
            return;
        }
        writeRetrying(rowsByTable, c -> {
            for (Map.Entry<Table, List<TableRow>> e : rowsByTable.entrySet()) {
                upserter.upsert(c, e.getKey(), e.getValue());
            }
        });
    }

    /**
     * On MariaDB with a bulk directory: encodes every table's rows into a LOAD DATA file of its own there, on the
     * calling thread; otherwise keeps the rows for the upserts. Safe to call while another thread writes.
     */
    @Override
    public Prepared prepare(Map<Table, List<TableRow>> rowsByTable) throws SQLException {
        if (bulkDir == null) {
            return () -> rowsByTable;
        }
        Map<Table, Path> files = new LinkedHashMap<>();
        try {
            for (Map.Entry<Table, List<TableRow>> e : rowsByTable.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                Path file = Files.createTempFile(bulkDir, "batch-", ".tsv");
                staged.add(file);
                files.put(e.getKey(), file);
                LoadDataFile format = new LoadDataFile(e.getKey());
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    for (TableRow r : e.getValue()) {
                        format.append(r, out);
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(files.values());
            throw new SQLException("cannot write the bulk file in " + bulkDir + ": " + e.getMessage(), e);
        }
        return new StagedFiles(rowsByTable, files);
    }

    /**
     * Loads a batch's files ({@code REPLACE}: a row with an existing key replaces it, as the upsert does,
     * {@link LoadDataFile}) and commits, retrying as {@link #write(Map)} does; the files are deleted afterwards, written
     * or not (the caller still holds the rows). A batch prepared elsewhere is written from its rows.
     */
    @Override
    public void write(Prepared batch) throws SQLException, InterruptedException {
        if (!(batch instanceof StagedFiles staged) || bulkDir == null) {
            write(batch.rows());
            return;
        }
        try {
            writeRetrying(staged.rows(), c -> {
                try (Statement s = c.createStatement()) {
                    for (Map.Entry<Table, Path> e : staged.files().entrySet()) {
                        new LoadDataFile(e.getKey()).load(s, e.getValue(), null);
                    }
                }
            });
        } finally {
            deleteQuietly(staged.files().values());
        }
    }

    /** A batch encoded for LOAD DATA: one file per table, in the order the tables are written. */
    private record StagedFiles(Map<Table, List<TableRow>> rows, Map<Table, Path> files) implements Prepared {}

    /** The statements of one try of a batch, on the writer's connection. */
    @FunctionalInterface
    private interface Attempt {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code attempt} and commits, retrying the whole unit; throws once the tries are used up (the caller still
     * holds the rows: a Flink job restarts from its checkpoint, the DataX runner fails the batch).
     */
    private void writeRetrying(Map<Table, List<TableRow>> rowsByTable, Attempt attempt)
            throws SQLException, InterruptedException {
        int rows = rowsByTable.values().stream().mapToInt(List::size).sum();
        if (rows == 0) {
            return;
        }
        List<String> tables = rowsByTable.keySet().stream().map(Table::name).toList();
        RetryPolicyBuilder<Object> policy = RetryPolicy.builder()
                .handle(SQLException.class)
                .withMaxAttempts(retry.maxAttempts())
                .onFailedAttempt(e -> {
                    discard();
                    onFailedAttempt.run();
                })
                .onRetryScheduled(e -> LOG.warn(
                        "writing {} rows to {} failed (attempt {}/{}), retrying in {} ms: {}",
                        rows,
                        tables,
                        e.getAttemptCount(),
                        retry.maxAttempts(),
                        e.getDelay().toMillis(),
                        e.getLastException().getMessage()));
        if (!retry.initialBackoff().isZero()) {
            if (retry.factor() > 1) {
                policy.withBackoff(retry.initialBackoff(), retry.maxBackoff().plusMillis(1), retry.factor());
            } else {
                policy.withDelay(retry.initialBackoff());
            }
        }
        try {
            Failsafe.with(policy.build()).run(() -> {
                Connection c = connection();
                attempt.run(c);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            });
        } catch (FailsafeException e) {
            // Failsafe wraps the last try's checked exception
            if (e.getCause() instanceof InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw ie;
            }
            if (e.getCause() instanceof SQLException last) {
                throw new SQLException(
                        "writing " + rows + " rows to " + tables + " at " + settings.safeUrl() + " failed "
                                + retry.maxAttempts() + " times: " + last.getMessage(),
                        last.getSQLState(),
                        last.getErrorCode(),
                        last);
            }
            throw e;
        }
    }

    private void deleteQuietly(Collection<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
                staged.remove(f);
            } catch (IOException ignored) {
                // close() tries again; the runner deletes the whole bulk directory at the end
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
        String select = "SELECT "
                + String.join(
                        ", ", keys.stream().map(k -> selectedAsText(table, k)).toList()) + " FROM "
                + SqlDialect.quote(table.name()) + " WHERE " + SqlDialect.quote(keys.get(0)) + " IN (";
        int[] identity = new int[keys.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        int present = 0;
        Connection c = connection();
        for (int from = 0; from < firstValues.size(); from += VERIFY_CHUNK) {
            List<String> chunk = firstValues.subList(from, Math.min(firstValues.size(), from + VERIFY_CHUNK));
            String sql = select + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    String[] values = new String[keys.size()];
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

    /**
     * A key column as the read-back selects it. On MariaDB a DATE or DATETIME comes back as the server's text
     * ({@code CAST(... AS CHAR)}: '2024-01-31', the form our rows hold): the driver's own DATE to String conversion
     * goes through {@code String.format} and was a fifth of a writer thread's CPU (issue 15).
     */
    private String selectedAsText(Table table, String column) {
        ColumnType.Kind kind = table.column(column).type().kind();
        boolean temporal = kind == ColumnType.Kind.DATE || kind == ColumnType.Kind.DATETIME;
        return temporal && settings.dialect() == SqlDialect.MYSQL
                ? "CAST(" + SqlDialect.quote(column) + " AS CHAR)"
                : SqlDialect.quote(column);
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
            Connection c = settings.open(bulkDir);
            try {
                if (settings.dialect() == SqlDialect.MYSQL) {
                    // one transaction per batch; READ COMMITTED avoids most gap-lock deadlocks between writers
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    c.setAutoCommit(false);
                } else {
                    // Doris commits each INSERT as one load; a partly applied batch is repaired by the retry's upserts
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
        JdbcConnections.discardQuietly(connection);
        connection = null;
    }

    /** Deletes the LOAD DATA files not written and closes the connection; rows not written yet are the caller's. */
    @Override
    public void close() throws SQLException {
        deleteQuietly(List.copyOf(staged));
        if (connection != null) {
            try {
                connection.close();
            } finally {
                connection = null;
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcBatchWriter[" + settings + (bulkDir != null ? ", bulk load" : "") + "]";
    }
}

package org.gridgov.streaming.odsloader;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import org.gridgov.warehouse.JdbcConnections;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * One sink subtask's writer: buffers rows per table ({@link TableBuffer}, deduplicated by key), writes a table's
 * batch once it reaches the batch size, and writes everything on {@link #flush} (before every checkpoint barrier
 * and at end of input). Rows leave a buffer only after their transaction committed, so a retry after a lost
 * connection or a deadlock rewrites exactly what is still pending.
 */
final class WarehouseWriter implements SinkWriter<TableRow> {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseWriter.class);

    private final WarehouseConnection settings;
    private final JdbcUpserter upserter;
    private final int batchSize;
    private final int maxAttempts;
    private final long initialBackoffMs;
    private final Map<String, TableBuffer> buffers = new LinkedHashMap<>();
    private final Counter rowsWritten;
    private final Counter writeErrors;
    private Connection connection;

    WarehouseWriter(WarehouseConnection settings, int batchSize, int maxAttempts, long initialBackoffMs,
                    SinkWriterMetricGroup metrics) {
        this.settings = settings;
        this.upserter = new JdbcUpserter(settings.dialect());
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.initialBackoffMs = initialBackoffMs;
        this.rowsWritten = metrics.getNumRecordsSendCounter();
        this.writeErrors = metrics.getNumRecordsSendErrorsCounter();
    }

    @Override
    public void write(TableRow row, Context context) throws IOException, InterruptedException {
        TableBuffer buffer = buffers.computeIfAbsent(row.table, t -> new TableBuffer(WarehouseSchema.table(t)));
        if (buffer.add(row) >= batchSize) {
            writeAndCommit(List.of(buffer));
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writeAndCommit(buffers.values());
    }

    private void writeAndCommit(Collection<TableBuffer> pending) throws IOException, InterruptedException {
        List<TableBuffer> nonEmpty = new ArrayList<>();
        int rows = 0;
        for (TableBuffer b : pending) {
            if (!b.isEmpty()) {
                nonEmpty.add(b);
                rows += b.size();
            }
        }
        if (nonEmpty.isEmpty()) {
            return;
        }
        long backoff = initialBackoffMs;
        for (int attempt = 1; ; attempt++) {
            try {
                Connection c = connection();
                for (TableBuffer b : nonEmpty) {
                    writeBatch(c, b);
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                nonEmpty.forEach(TableBuffer::clear);
                rowsWritten.inc(rows);
                return;
            } catch (SQLException e) {
                writeErrors.inc();
                discardConnection();
                String tables = nonEmpty.stream().map(b -> b.table().name()).toList().toString();
                if (attempt >= maxAttempts) {
                    // fails the job; Flink restarts from the last checkpoint and the upserts overwrite what got in
                    throw new IOException("writing " + rows + " rows to " + tables + " at " + settings.safeUrl()
                            + " failed " + attempt + " times", e);
                }
                LOG.warn("writing {} rows to {} failed (attempt {}/{}), retrying in {} ms: {}", rows, tables, attempt,
                        maxAttempts, backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.max(backoff * 2, 1);
            }
        }
    }

    private void writeBatch(Connection c, TableBuffer buffer) throws SQLException {
        upserter.upsert(c, buffer.table(), buffer.rows());
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = settings.open();
            try {
                if (settings.dialect() == SqlDialect.MYSQL) {
                    // one transaction per flush; READ COMMITTED avoids most gap-lock deadlocks between subtasks
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    c.setAutoCommit(false);
                } else {
                    // Doris commits each INSERT as one load; a partly applied flush is repaired by the retry's upserts
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

    private void discardConnection() {
        JdbcConnections.discardQuietly(connection);
        connection = null;
    }

    /** Buffered rows are not written here: close follows flush(true) at end of input, or a failure/cancel. */
    @Override
    public void close() throws Exception {
        if (connection != null) {
            try {
                connection.close();
            } finally {
                connection = null;
            }
        }
    }
}

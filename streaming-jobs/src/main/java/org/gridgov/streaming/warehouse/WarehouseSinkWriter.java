package org.gridgov.streaming.warehouse;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.gridgov.loading.write.JdbcBatchWriter;
import org.gridgov.loading.write.TableBuffer;
import org.gridgov.loading.write.WriteRetry;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * One sink subtask's writer, an adapter from Flink's {@link SinkWriter} to the loading module: buffers rows per table
 * ({@link TableBuffer}, deduplicated by key), writes a table's batch once it reaches the batch size, and writes
 * everything on {@link #flush} (before every checkpoint barrier and at end of input) through a
 * {@link JdbcBatchWriter}, in one transaction with retries. Rows leave a buffer only after their transaction
 * committed, so a retry after a lost connection or a deadlock rewrites exactly what is still pending.
 */
final class WarehouseSinkWriter implements SinkWriter<TableRow> {

    private final WarehouseSettings warehouse;
    private final JdbcBatchWriter writer;
    private final int batchSize;
    private final Map<String, TableBuffer> buffers = new LinkedHashMap<>();
    private final Counter rowsWritten;

    WarehouseSinkWriter(
            WarehouseSettings warehouse, int batchSize, WriteRetry retry, Counter rowsWritten, Counter writeErrors) {
        this.warehouse = warehouse;
        this.writer = new JdbcBatchWriter(warehouse, null, retry, writeErrors::inc);
        this.batchSize = batchSize;
        this.rowsWritten = rowsWritten;
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
        Map<Table, List<TableRow>> batch = new LinkedHashMap<>();
        int rows = 0;
        for (TableBuffer b : pending) {
            if (!b.isEmpty()) {
                batch.put(b.table(), b.rows());
                rows += b.size();
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.write(batch);
        } catch (SQLException e) {
            // fails the job; Flink restarts from the last checkpoint and the upserts overwrite what got in
            throw new IOException(e.getMessage(), e);
        }
        pending.forEach(TableBuffer::clear);
        rowsWritten.inc(rows);
    }

    /** Buffered rows are not written here: close follows flush(true) at end of input, or a failure/cancel. */
    @Override
    public void close() throws Exception {
        writer.close();
    }

    @Override
    public String toString() {
        return "WarehouseSinkWriter[" + warehouse + "]";
    }
}

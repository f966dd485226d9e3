package org.gridgov.streaming.odsloader;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.gridgov.warehouse.TableRow;

/**
 * Upserts rows into the warehouse over JDBC with the dialect's statement ({@code SqlDialect.upsert}): MySQL/MariaDB
 * {@code ON DUPLICATE KEY UPDATE}, Doris plain INSERT into a UNIQUE KEY table.
 *
 * <p>Delivery is at-least-once into an idempotent upsert: the writer flushes everything it holds before each
 * checkpoint barrier and at end of input, so a restore from a checkpoint replays only rows that are either not
 * written yet or that overwrite themselves. No duplicates, no loss, as long as every table has a primary/unique key
 * (all ODS, DWD and DLQ tables do).
 *
 * <p>For Doris in production the flink-doris-connector (stream load, 2PC) is the faster path; it would replace this
 * sink in {@link OdsLoaderJob#main} only, since the job accepts any {@code Sink<TableRow>}.
 */
public final class WarehouseSink implements Sink<TableRow> {

    private static final long serialVersionUID = 1L;

    private final WarehouseConnection connection;
    private final int batchSize;
    private final int maxAttempts;
    private final long initialBackoffMs;

    /** Batches of {@code batchSize} rows per table; a failed batch is tried 4 times, 500 ms backoff doubling. */
    public WarehouseSink(WarehouseConnection connection, int batchSize) {
        this(connection, batchSize, 4, 500);
    }

    public WarehouseSink(WarehouseConnection connection, int batchSize, int maxAttempts, long initialBackoffMs) {
        if (batchSize < 1 || maxAttempts < 1 || initialBackoffMs < 0) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be positive, backoff not negative");
        }
        this.connection = Objects.requireNonNull(connection);
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.initialBackoffMs = initialBackoffMs;
    }

    @Override
    public SinkWriter<TableRow> createWriter(WriterInitContext context) {
        return new WarehouseWriter(connection, batchSize, maxAttempts, initialBackoffMs, context.metricGroup());
    }

    /** Still abstract in Flink 1.20 (the runtime calls the {@link WriterInitContext} variant); gone in 2.0. */
    @Override
    @Deprecated
    public SinkWriter<TableRow> createWriter(Sink.InitContext context) throws IOException {
        return new WarehouseWriter(connection, batchSize, maxAttempts, initialBackoffMs, context.metricGroup());
    }

    @Override
    public String toString() {
        return "WarehouseSink[" + connection + ", batchSize=" + batchSize + "]";
    }
}

package org.gridgov.streaming.warehouse;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.gridgov.loading.write.WriteRetry;
import org.gridgov.streaming.job.TaskSecret;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * Upserts rows into the warehouse over JDBC with the dialect's statement ({@code SqlDialect.upsert}): MySQL/MariaDB
 * {@code ON DUPLICATE KEY UPDATE}, Doris plain INSERT into a UNIQUE KEY table. Used by the ODS loader and the alert
 * job; the writing itself is the loading module's {@link org.gridgov.loading.write.JdbcBatchWriter}, the same the
 * local DataX runner uses.
 *
 * <p>Delivery is at-least-once into an idempotent upsert: the writer flushes everything it holds before each
 * checkpoint barrier and at end of input, so a restore from a checkpoint replays only rows that are either not
 * written yet or that overwrite themselves. No duplicates, no loss, as long as every table has a primary/unique key
 * (all ODS, DWD, DLQ and alert tables do).
 *
 * <p>The password is not part of the sink: jobs pass a {@link TaskSecret} that reads it on the TaskManager when a
 * writer is created, so the job graph holds the connection settings without it.
 *
 * <p>For Doris in production the flink-doris-connector (stream load, 2PC) is the faster path; it would replace this
 * sink in the jobs' {@code main} only, since their graphs accept any {@code Sink<TableRow>}.
 */
public final class WarehouseSink implements Sink<TableRow> {

    private static final long serialVersionUID = 1L;

    private final TaskSecret<WarehouseSettings> warehouse;
    private final int batchSize;
    private final WriteRetry retry;

    /** Batches of {@code batchSize} rows per table; a failed batch is tried 4 times, 500 ms backoff doubling. */
    public WarehouseSink(WarehouseSettings warehouse, int batchSize) {
        this(TaskSecret.given(warehouse), batchSize);
    }

    /** The jobs' sink: settings completed where the writer runs (the password read there). */
    public WarehouseSink(TaskSecret<WarehouseSettings> warehouse, int batchSize) {
        this(warehouse, batchSize, 4, 500);
    }

    public WarehouseSink(WarehouseSettings warehouse, int batchSize, int maxAttempts, long initialBackoffMs) {
        this(TaskSecret.given(warehouse), batchSize, maxAttempts, initialBackoffMs);
    }

    public WarehouseSink(
            TaskSecret<WarehouseSettings> warehouse, int batchSize, int maxAttempts, long initialBackoffMs) {
        if (batchSize < 1 || maxAttempts < 1 || initialBackoffMs < 0) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be positive, backoff not negative");
        }
        this.warehouse = Objects.requireNonNull(warehouse);
        this.batchSize = batchSize;
        this.retry = WriteRetry.doubling(maxAttempts, initialBackoffMs);
    }

    @Override
    public SinkWriter<TableRow> createWriter(WriterInitContext context) {
        return writer(context.metricGroup());
    }

    /** Still abstract in Flink 1.20 (the runtime calls the {@link WriterInitContext} variant); gone in 2.0. */
    @Override
    @Deprecated
    public SinkWriter<TableRow> createWriter(Sink.InitContext context) throws IOException {
        return writer(context.metricGroup());
    }

    private SinkWriter<TableRow> writer(SinkWriterMetricGroup metrics) {
        return new WarehouseSinkWriter(
                warehouse.get(),
                batchSize,
                retry,
                metrics.getNumRecordsSendCounter(),
                metrics.getNumRecordsSendErrorsCounter());
    }

    @Override
    public String toString() {
        return "WarehouseSink[" + warehouse + ", batchSize=" + batchSize + "]";
    }
}

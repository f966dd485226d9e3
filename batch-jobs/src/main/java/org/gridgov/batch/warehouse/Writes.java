package org.gridgov.batch.warehouse;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gridgov.warehouse.Table;

/**
 * The write step the monthly jobs share: stamp the rows with one computation time, upsert them and count what was
 * written, computing the rows once (cached for the upsert and the count, released after).
 */
public final class Writes {

    private Writes() {}

    /** The {@code updated_at} of a run: the clock's now, whole seconds (the warehouse's DATETIME). */
    public static Timestamp computedAt(Clock clock) {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Upserts {@code rows} into {@code table} through {@code io} and returns how many rows that was. Argument order
     * as {@link WarehouseIo#upsert}, so the dashboards' lineage check reads the target table of a job's call.
     */
    public static long upsert(Dataset<Row> rows, Table table, WarehouseIo io) {
        Dataset<Row> cached = rows.cache();
        try {
            // the table is the caller's: the dashboards' lineage check reads it at the call of this method
            io.upsert(cached, Objects.requireNonNull(table, "table"));
            return cached.count();
        } finally {
            cached.unpersist();
        }
    }
}

package org.gridgov.batch.warehouse;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;

/**
 * Where batch jobs read their inputs and write their results. Jobs only see this interface, so tests run them on
 * in-memory data, locally it is MariaDB over JDBC ({@link JdbcWarehouseIo}), and production may plug in the
 * spark-doris-connector (issue 4) without touching job logic.
 */
public interface WarehouseIo {

    /**
     * A lazy view of a catalogue table. Implementations must let Spark push filters and column pruning applied to
     * the result down to the store, so a job that filters on one month does not pull the whole table.
     */
    Dataset<Row> read(SparkSession spark, Table table);

    /**
     * Inserts or replaces rows by the table's key, so re-running a job for the same period overwrites its previous
     * result instead of duplicating it. The dataset must have exactly the table's columns (any order).
     */
    void upsert(Dataset<Row> rows, Table table);

    /**
     * Runs statements in the warehouse itself, in order, each committing on its own (an {@code INSERT … SELECT} that
     * is cheaper where the data lies than through Spark), written for the store's dialect; returns the rows they
     * reported. Stores without SQL refuse.
     */
    default long execute(SparkSession spark, Function<SqlDialect, List<String>> statements) {
        throw new UnsupportedOperationException("this warehouse runs no SQL statements");
    }
}

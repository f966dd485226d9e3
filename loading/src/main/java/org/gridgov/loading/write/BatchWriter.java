package org.gridgov.loading.write;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * Where a load writes: the warehouse over JDBC ({@link JdbcBatchWriter}), staged files for stock DataX, or memory in
 * unit tests. One instance per writer thread or sink subtask.
 */
public interface BatchWriter extends AutoCloseable {

    /** Upserts the rows of several tables as one unit (one transaction where the warehouse has them). */
    void write(Map<Table, List<TableRow>> rowsByTable) throws Exception;

    /** A batch {@link #prepare}d for {@link #write(Prepared)}: its rows, and what the writer made of them already. */
    interface Prepared {
        Map<Table, List<TableRow>> rows();
    }

    /**
     * Does the part of writing a batch that needs no connection (the bulk writer encodes its LOAD DATA files here), on
     * the calling thread: a pipeline prepares the next batch while the one before is still being written, so this work
     * is off the path the database waits on. May run on another thread than {@link #write}, at the same time, but
     * never twice at once. The default keeps the rows as they are.
     */
    default Prepared prepare(Map<Table, List<TableRow>> rowsByTable) throws Exception {
        return () -> rowsByTable;
    }

    /** Writes a batch of {@link #prepare}, as {@link #write(Map)} writes its rows. */
    default void write(Prepared batch) throws Exception {
        write(batch.rows());
    }

    /** How many of the rows' keys exist in the table now: the read-back that reconciliation trusts. */
    int countPresent(Table table, Collection<TableRow> rows) throws Exception;

    @Override
    void close() throws Exception;
}

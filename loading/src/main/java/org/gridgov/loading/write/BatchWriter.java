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

    /** How many of the rows' keys exist in the table now: the read-back that reconciliation trusts. */
    int countPresent(Table table, Collection<TableRow> rows) throws Exception;

    @Override
    void close() throws Exception;
}

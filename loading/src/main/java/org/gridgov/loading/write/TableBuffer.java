package org.gridgov.loading.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * The rows of one table waiting for the next JDBC batch, at most one per key: a later row of the same key replaces
 * the earlier one (last wins), because a batch that holds one key twice is either rejected (Doris stream load) or
 * applied in an order the database chooses. Rows come out in key order, so concurrent writers lock keys in the same
 * order and deadlock less. Not thread-safe; one per table per writer (a Flink sink subtask, a DataX writer thread).
 */
public final class TableBuffer {

    private static final char KEY_SEPARATOR = '\u0001';

    private final Table table;
    private final int[] keyPositions;
    private final TreeMap<String, TableRow> rows = new TreeMap<>();

    public TableBuffer(Table table) {
        this.table = Objects.requireNonNull(table);
        this.keyPositions = table.keyColumns().stream().mapToInt(table::position).toArray();
    }

    public Table table() {
        return table;
    }

    /** Adds a row, replacing a buffered row with the same key; returns the number of rows buffered. */
    public int add(TableRow row) {
        if (!table.name().equals(row.table)) {
            throw new IllegalArgumentException("row of " + row.table + " added to the buffer of " + table.name());
        }
        if (row.values == null || row.values.length != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + " has " + table.columns().size() + " columns, row has "
                    + (row.values == null ? 0 : row.values.length));
        }
        rows.put(key(row), row);
        return rows.size();
    }

    /** The row's key in this buffer: every key column's value, each followed by a separator no value contains. */
    public String key(TableRow row) {
        StringBuilder sb = new StringBuilder();
        for (int p : keyPositions) {
            String v = row.values[p];
            if (v == null) {
                throw new IllegalArgumentException(table.name() + "." + table.columns().get(p).name()
                        + " is a key column and must not be null");
            }
            sb.append(v).append(KEY_SEPARATOR);
        }
        return sb.toString();
    }

    /** The key of a row of {@code table}, as a buffer of that table keys it. */
    public static String key(Table table, TableRow row) {
        StringBuilder sb = new StringBuilder();
        for (String column : table.keyColumns()) {
            sb.append(row.values[table.position(column)]).append(KEY_SEPARATOR);
        }
        return sb.toString();
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The buffered rows in key order; the buffer keeps them until {@link #clear()} (after the commit succeeded). */
    public List<TableRow> rows() {
        return new ArrayList<>(rows.values());
    }

    public void clear() {
        rows.clear();
    }
}

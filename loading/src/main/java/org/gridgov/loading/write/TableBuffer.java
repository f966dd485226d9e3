package org.gridgov.loading.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * The rows of one table waiting for the next JDBC batch, at most one per key: a later row of the same key replaces
 * the earlier one (last wins), because a batch that holds one key twice is either rejected (Doris stream load) or
 * applied in an order the database chooses. Rows come out in key order, so concurrent writers lock keys in the same
 * order and deadlock less. Not thread-safe; one per table per writer (a Flink sink subtask, a DataX writer thread).
 *
 * <p>A hash map finds a key's row, and the rows are sorted once, when they are taken: exports list their records in
 * id order, so most batches arrive sorted and need no sort at all, where a tree map paid a balanced insert per row
 * (issue 15).
 */
public final class TableBuffer {

    private static final String KEY_SEPARATOR = "\u0001";
    /** Key column positions by table name, for {@link #key(Table, TableRow)}: once per table, not per row. */
    private static final Map<String, int[]> KEY_POSITIONS = new ConcurrentHashMap<>();

    private static final Comparator<Entry> BY_KEY = Comparator.comparing(e -> e.key);

    /** A buffered row and its key; the row is replaced by a later one of the same key. */
    private static final class Entry {
        final String key;
        TableRow row;

        Entry(String key, TableRow row) {
            this.key = key;
            this.row = row;
        }
    }

    private final Table table;
    private final int[] keyPositions;
    private final Map<String, Entry> byKey = new HashMap<>();
    /** The entries in arrival order until {@link #sorted()} sorts them. */
    private final List<Entry> entries = new ArrayList<>();
    /** Whether {@link #entries} is in key order: true while keys arrive ascending. */
    private boolean inKeyOrder = true;

    public TableBuffer(Table table) {
        this.table = Objects.requireNonNull(table);
        this.keyPositions =
                table.keyColumns().stream().mapToInt(table::position).toArray();
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
            throw new IllegalArgumentException(table.name() + " has "
                    + table.columns().size() + " columns, row has " + (row.values == null ? 0 : row.values.length));
        }
        String key = key(row);
        Entry e = new Entry(key, row);
        Entry earlier = byKey.putIfAbsent(key, e);
        if (earlier != null) {
            earlier.row = row;
        } else {
            if (inKeyOrder
                    && !entries.isEmpty()
                    && entries.get(entries.size() - 1).key.compareTo(key) > 0) {
                inKeyOrder = false;
            }
            entries.add(e);
        }
        return entries.size();
    }

    /** The row's key in this buffer: every key column's value, each followed by a separator no value contains. */
    public String key(TableRow row) {
        if (keyPositions.length == 1) {
            return keyValue(row, keyPositions[0]).concat(KEY_SEPARATOR);
        }
        // String.join sizes the result and picks Latin-1 or UTF-16 once; a StringBuilder re-copied ("inflated") its
        // Latin-1 bytes whenever a later value held a Chinese character
        String[] parts = new String[keyPositions.length + 1];
        for (int i = 0; i < keyPositions.length; i++) {
            parts[i] = keyValue(row, keyPositions[i]);
        }
        parts[keyPositions.length] = "";
        return String.join(KEY_SEPARATOR, parts);
    }

    private String keyValue(TableRow row, int position) {
        String v = row.values[position];
        if (v == null) {
            throw new IllegalArgumentException(table.name() + "."
                    + table.columns().get(position).name() + " is a key column and must not be null");
        }
        return v;
    }

    /** The key of a row of {@code table}, as a buffer of that table keys it. */
    public static String key(Table table, TableRow row) {
        int[] positions = KEY_POSITIONS.computeIfAbsent(
                table.name(),
                t -> table.keyColumns().stream().mapToInt(table::position).toArray());
        String[] parts = new String[positions.length + 1];
        for (int i = 0; i < positions.length; i++) {
            parts[i] = String.valueOf(row.values[positions[i]]);
        }
        parts[positions.length] = "";
        return String.join(KEY_SEPARATOR, parts);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The buffered rows in key order; the buffer keeps them until {@link #clear()} (after the commit succeeded). */
    public List<TableRow> rows() {
        List<Entry> sorted = sorted();
        List<TableRow> rows = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            rows.add(e.row);
        }
        return rows;
    }

    /** The buffered rows, in key order, whose key is in {@code keys}: without computing any key again. */
    public List<TableRow> rowsWithKeyIn(Set<String> keys) {
        List<TableRow> rows = new ArrayList<>();
        for (Entry e : sorted()) {
            if (keys.contains(e.key)) {
                rows.add(e.row);
            }
        }
        return rows;
    }

    private List<Entry> sorted() {
        if (!inKeyOrder) {
            entries.sort(BY_KEY);
            inKeyOrder = true;
        }
        return entries;
    }

    public void clear() {
        byKey.clear();
        entries.clear();
        inKeyOrder = true;
    }
}

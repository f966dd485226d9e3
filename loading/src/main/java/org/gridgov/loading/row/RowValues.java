package org.gridgov.loading.row;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.warehouse.Column;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * Builds one row of a table from named values, straight into the row's value array: what {@link Table#row} does
 * with a map, without the map. Every column must be named, a NOT NULL column must not be null and an unknown name
 * fails, with {@link Table#row}'s messages, so a mapping that forgets a column still fails at once. A map per row
 * and the copy out of it were a seventh of the loaders' mapping CPU (issue 15). Not thread-safe; one per row.
 */
public final class RowValues {

    private final Table table;
    private final String[] values;
    private final boolean[] named;
    private int namedCount;

    public RowValues(Table table) {
        this.table = table;
        this.values = new String[table.columns().size()];
        this.named = new boolean[values.length];
    }

    /** Sets a column's value (its {@code toString()}, or NULL); a later value of the same column replaces it. */
    public RowValues put(String column, Object value) {
        int p;
        try {
            p = table.position(column);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(table.name() + ": unknown columns [" + column + "]", e);
        }
        if (!named[p]) {
            named[p] = true;
            namedCount++;
        }
        values[p] = value == null ? null : value.toString();
        return this;
    }

    /** The row; fails if a column was not named or a NOT NULL column is null. */
    public TableRow row() {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Column c = table.columns().get(i);
            if (!named[i]) {
                missing.add(c.name());
            } else if (values[i] == null && !c.nullable()) {
                throw new IllegalArgumentException(table.name() + "." + c.name() + " is NOT NULL but got null");
            }
        }
        if (namedCount != values.length) {
            throw new IllegalArgumentException(table.name() + ": no value for " + missing);
        }
        return new TableRow(table.name(), values);
    }
}

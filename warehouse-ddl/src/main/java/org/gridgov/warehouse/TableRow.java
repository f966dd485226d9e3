package org.gridgov.warehouse;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row bound for one table, values in the table's column order and rendered as text: both MariaDB and Doris convert
 * text to the column type, and a String[] row travels through Flink without Kryo.
 * Public fields and a no-arg constructor make it a Flink POJO.
 */
public final class TableRow {

    public String table;
    public String[] values;

    public TableRow() {}

    public TableRow(String table, String[] values) {
        this.table = Objects.requireNonNull(table);
        this.values = Objects.requireNonNull(values);
    }

    public String value(Table def, String column) {
        return values[def.position(column)];
    }

    /** A copy with one column's value replaced (the row itself is left as it is). */
    public TableRow with(Table def, String column, String value) {
        if (!def.name().equals(table)) {
            throw new IllegalArgumentException("a " + table + " row is no " + def.name() + " row");
        }
        String[] copy = values.clone();
        copy[def.position(column)] = value;
        return new TableRow(table, copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableRow r && table.equals(r.table) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * table.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return table + Arrays.toString(values);
    }
}

package org.gridgov.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.gridgov.warehouse.Column;
import org.gridgov.warehouse.Table;

/** Typed rows of a catalogue table from named values, so fixtures feed Spark and JDBC in the same column order. */
public final class TestRows {

    private TestRows() {}

    /** Values in the table's column order; every column must be named (null allowed for nullable ones). */
    public static Object[] values(Table table, Map<String, ?> named) {
        Set<String> unknown = new HashSet<>(named.keySet());
        unknown.removeAll(table.columnNames());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(table.name() + " has no columns " + unknown);
        }
        List<Object> out = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!named.containsKey(c.name())) {
                throw new IllegalArgumentException(table.name() + ": no value for " + c.name());
            }
            out.add(named.get(c.name()));
        }
        return out.toArray();
    }

    public static Row row(Table table, Map<String, ?> named) {
        return RowFactory.create(values(table, named));
    }
}

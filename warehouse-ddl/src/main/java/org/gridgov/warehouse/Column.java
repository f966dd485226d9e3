package org.gridgov.warehouse;

import java.util.Objects;

/** One column of a warehouse table; the comment is rendered into both dialects' DDL for analysts. */
public record Column(String name, ColumnType type, boolean nullable, String comment) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column names are lower snake case: " + name);
        }
        comment = comment == null ? "" : comment;
    }
}

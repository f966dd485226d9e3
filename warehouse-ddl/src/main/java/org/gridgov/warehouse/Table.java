package org.gridgov.warehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A warehouse table as the single source of its DDL in every dialect and of the column order rows are written in.
 * Doris requires key columns to come first and the partition column to be part of a UNIQUE key; the constructor
 * enforces both so a catalogue that Doris would reject never renders.
 */
public final class Table {

    private final String name;
    private final Layer layer;
    private final String comment;
    private final TableModel model;
    private final List<Column> columns;
    private final List<String> keyColumns;
    private final List<String> distributionColumns;
    private final int buckets;
    private final String partitionColumn;
    private final PartitionUnit partitionUnit;
    private final List<Index> indexes;
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    /**
     * A secondary look-up path: MySQL/MariaDB get a B-tree index on {@code columns}; Doris, which has no B-tree
     * secondary index, a BloomFilter index on the first column (the one looked up by {@code =} or {@code IN}), see
     * {@link SqlDialect}.
     */
    public record Index(String name, List<String> columns) {
        public Index {
            columns = List.copyOf(columns);
        }

        /** The column the look-up compares by equality: the Doris BloomFilter column. */
        public String lookupColumn() {
            return columns.get(0);
        }
    }

    private Table(Builder b) {
        this.name = Objects.requireNonNull(b.name);
        this.layer = Objects.requireNonNull(b.layer);
        this.comment = b.comment;
        this.model = b.model;
        this.columns = List.copyOf(b.columns);
        this.keyColumns = List.copyOf(b.keyColumns);
        this.distributionColumns =
                b.distributionColumns.isEmpty() ? List.of(keyColumns.get(0)) : List.copyOf(b.distributionColumns);
        this.buckets = b.buckets;
        this.partitionColumn = b.partitionColumn;
        this.partitionUnit = b.partitionUnit;
        this.indexes = List.copyOf(b.indexes);
        for (int i = 0; i < columns.size(); i++) {
            if (positions.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException(
                        name + ": duplicate column " + columns.get(i).name());
            }
        }
        check();
    }

    private void check() {
        if (!name.startsWith(layer.prefix())) {
            throw new IllegalArgumentException(name + ": name must start with " + layer.prefix());
        }
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs key columns");
        }
        for (int i = 0; i < keyColumns.size(); i++) {
            if (!columns.get(i).name().equals(keyColumns.get(i))) {
                throw new IllegalArgumentException(name + ": key columns must be the first columns, in key order");
            }
            if (columns.get(i).nullable()) {
                throw new IllegalArgumentException(name + ": key column " + keyColumns.get(i) + " must be NOT NULL");
            }
        }
        for (String d : distributionColumns) {
            if (!keyColumns.contains(d)) {
                throw new IllegalArgumentException(name + ": distribution column " + d + " must be a key column");
            }
        }
        java.util.Set<String> indexNames = new java.util.HashSet<>();
        for (Index index : indexes) {
            if (!indexNames.add(index.name()) || index.columns().isEmpty()) {
                throw new IllegalArgumentException(name + ": index " + index.name() + " is repeated or has no column");
            }
            index.columns().forEach(this::column);
            // Doris refuses BloomFilter indexes on these types (docs/table-design/index/bloomfilter.md,
            // apache/doris-website)
            ColumnType.Kind kind = column(index.lookupColumn()).type().kind();
            if (kind == ColumnType.Kind.TINYINT || kind == ColumnType.Kind.DOUBLE || kind == ColumnType.Kind.TEXT) {
                throw new IllegalArgumentException(name + ": index " + index.name() + " looks up "
                        + index.lookupColumn() + ", whose type Doris cannot BloomFilter-index");
            }
            if (keyColumns.get(0).equals(index.lookupColumn())) {
                throw new IllegalArgumentException(
                        name + ": index " + index.name() + " repeats the key's first column");
            }
        }
        if (partitionColumn != null) {
            if (model == TableModel.UNIQUE && !keyColumns.contains(partitionColumn)) {
                throw new IllegalArgumentException(name + ": partition column of a UNIQUE table must be a key column");
            }
            ColumnType.Kind kind = column(partitionColumn).type().kind();
            if (kind != ColumnType.Kind.DATE && kind != ColumnType.Kind.DATETIME) {
                throw new IllegalArgumentException(name + ": partition column must be DATE or DATETIME");
            }
        }
    }

    public static Builder builder(String name, Layer layer) {
        return new Builder(name, layer);
    }

    public String name() {
        return name;
    }

    public Layer layer() {
        return layer;
    }

    public String comment() {
        return comment;
    }

    public TableModel model() {
        return model;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    public List<String> distributionColumns() {
        return distributionColumns;
    }

    public int buckets() {
        return buckets;
    }

    public Optional<String> partitionColumn() {
        return Optional.ofNullable(partitionColumn);
    }

    public PartitionUnit partitionUnit() {
        return partitionUnit;
    }

    /** Secondary look-up paths, in the order they were declared. */
    public List<Index> indexes() {
        return indexes;
    }

    public Column column(String columnName) {
        Integer i = positions.get(columnName);
        if (i == null) {
            throw new IllegalArgumentException(name + " has no column " + columnName);
        }
        return columns.get(i);
    }

    public int position(String columnName) {
        Integer i = positions.get(columnName);
        if (i == null) {
            throw new IllegalArgumentException(name + " has no column " + columnName);
        }
        return i;
    }

    /**
     * Builds a row in this table's column order from named values. Every column must be named, so a mapping that
     * forgets a column fails at once instead of writing NULL; unknown names fail too.
     */
    public TableRow row(Map<String, ?> values) {
        String[] out = new String[columns.size()];
        List<String> missing = new ArrayList<>();
        for (Column c : columns) {
            if (!values.containsKey(c.name())) {
                missing.add(c.name());
                continue;
            }
            Object v = values.get(c.name());
            if (v == null && !c.nullable()) {
                throw new IllegalArgumentException(name + "." + c.name() + " is NOT NULL but got null");
            }
            out[position(c.name())] = v == null ? null : v.toString();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + ": no value for " + missing);
        }
        if (values.size() != columns.size()) {
            List<String> unknown = new ArrayList<>(values.keySet());
            unknown.removeAll(positions.keySet());
            throw new IllegalArgumentException(name + ": unknown columns " + unknown);
        }
        return new TableRow(name, out);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Fluent definition of a table; key columns are added with {@link #key}, in key order, before the others. */
    public static final class Builder {
        private final String name;
        private final Layer layer;
        private String comment = "";
        private TableModel model = TableModel.UNIQUE;
        private final List<Column> columns = new ArrayList<>();
        private final List<String> keyColumns = new ArrayList<>();
        private final List<String> distributionColumns = new ArrayList<>();
        private int buckets = 1;
        private String partitionColumn;
        private PartitionUnit partitionUnit = PartitionUnit.MONTH;
        private final List<Index> indexes = new ArrayList<>();

        private Builder(String name, Layer layer) {
            this.name = name;
            this.layer = layer;
        }

        public Builder comment(String c) {
            this.comment = c;
            return this;
        }

        public Builder model(TableModel m) {
            this.model = m;
            return this;
        }

        public Builder key(String column, ColumnType type, String comment) {
            columns.add(new Column(column, type, false, comment));
            keyColumns.add(column);
            return this;
        }

        public Builder column(String column, ColumnType type, String comment) {
            columns.add(new Column(column, type, true, comment));
            return this;
        }

        public Builder required(String column, ColumnType type, String comment) {
            columns.add(new Column(column, type, false, comment));
            return this;
        }

        public Builder distributedBy(int bucketCount, String... cols) {
            this.buckets = bucketCount;
            Collections.addAll(distributionColumns, cols);
            return this;
        }

        public Builder partitionedBy(String column, PartitionUnit unit) {
            this.partitionColumn = column;
            this.partitionUnit = unit;
            return this;
        }

        /**
         * A secondary look-up by {@code columns}, the first compared by equality (a B-tree index in MySQL, a
         * BloomFilter index on the first column in Doris).
         */
        public Builder index(String indexName, String... cols) {
            indexes.add(new Index(indexName, List.of(cols)));
            return this;
        }

        public Table build() {
            return new Table(this);
        }
    }
}

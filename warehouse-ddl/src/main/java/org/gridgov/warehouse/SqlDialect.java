package org.gridgov.warehouse;

import java.util.List;
import java.util.stream.Collectors;
import org.gridgov.common.config.WarehouseDialect;

/**
 * How a table is created and upserted in one SQL engine. Production is Doris; locally MariaDB speaks the same
 * MySQL protocol, so only DDL and the upsert statement differ.
 */
public enum SqlDialect {

    /** Apache Doris: UNIQUE KEY tables make a plain INSERT an upsert (merge-on-write). */
    DORIS {
        @Override
        public String createTable(Table t, DdlOptions options) {
            StringBuilder sb = new StringBuilder();
            sb.append("CREATE TABLE IF NOT EXISTS ").append(quote(t.name())).append(" (\n");
            sb.append(t.columns().stream()
                    .map(c -> "  " + quote(c.name()) + " " + dorisType(c.type())
                            + (c.nullable() ? " NULL" : " NOT NULL") + " COMMENT '" + escape(c.comment()) + "'")
                    .collect(Collectors.joining(",\n")));
            sb.append("\n)\n");
            sb.append(t.model() == TableModel.UNIQUE ? "UNIQUE" : "DUPLICATE")
                    .append(" KEY(")
                    .append(quoted(t.keyColumns()))
                    .append(")\n");
            sb.append("COMMENT '").append(escape(t.comment())).append("'\n");
            t.partitionColumn()
                    .ifPresent(p ->
                            sb.append("PARTITION BY RANGE(").append(quote(p)).append(") ()\n"));
            sb.append("DISTRIBUTED BY HASH(")
                    .append(quoted(t.distributionColumns()))
                    .append(") BUCKETS ")
                    .append(t.buckets())
                    .append("\n");
            String replication = options.dorisReplicationAllocation();
            sb.append("PROPERTIES (\n  \"replication_allocation\" = \"")
                    .append(replication)
                    .append('"');
            if (t.model() == TableModel.UNIQUE) {
                sb.append(",\n  \"enable_unique_key_merge_on_write\" = \"true\"");
            }
            if (!t.indexes().isEmpty()) {
                // Doris has no B-tree secondary index. A BloomFilter index (the "bloom_filter_columns" property,
                // apache/doris-website docs/table-design/index/bloomfilter.md) lets an = or IN look-up on a
                // high-cardinality column skip every data page that cannot hold the value; allowed on any column of
                // a UNIQUE or DUPLICATE table (Doris FE PropertyAnalyzer.analyzeBloomFilterColumns).
                sb.append(",\n  \"bloom_filter_columns\" = \"")
                        .append(t.indexes().stream()
                                .map(Table.Index::lookupColumn)
                                .distinct()
                                .collect(Collectors.joining(",")))
                        .append('"');
            }
            t.partitionColumn().ifPresent(p -> {
                PartitionUnit u = t.partitionUnit();
                sb.append(",\n  \"dynamic_partition.enable\" = \"true\"")
                        .append(",\n  \"dynamic_partition.time_unit\" = \"")
                        .append(u.name())
                        .append('"')
                        .append(",\n  \"dynamic_partition.start\" = \"")
                        .append(u.start)
                        .append('"')
                        .append(",\n  \"dynamic_partition.end\" = \"")
                        .append(u.end)
                        .append('"')
                        .append(",\n  \"dynamic_partition.prefix\" = \"p\"")
                        .append(",\n  \"dynamic_partition.buckets\" = \"")
                        .append(t.buckets())
                        .append('"')
                        .append(",\n  \"dynamic_partition.create_history_partition\" = \"true\"")
                        // partitions Doris adds later take the dynamic_partition.* replication when it is set and
                        // the table's otherwise; spelled out so both always agree with the option
                        .append(",\n  \"dynamic_partition.replication_allocation\" = \"")
                        .append(replication)
                        .append('"');
            });
            sb.append("\n);\n");
            return sb.toString();
        }

        @Override
        public String upsert(Table t) {
            return insert(t);
        }
    },

    /** MySQL / MariaDB, the local stand-in: primary key = Doris key, upsert by ON DUPLICATE KEY UPDATE. */
    MYSQL {
        @Override
        public String createTable(Table t, DdlOptions options) {
            StringBuilder sb = new StringBuilder();
            sb.append("CREATE TABLE IF NOT EXISTS ").append(quote(t.name())).append(" (\n");
            sb.append(t.columns().stream()
                    .map(c -> "  " + quote(c.name()) + " " + mysqlType(c.type())
                            + (c.nullable() ? " NULL" : " NOT NULL") + " COMMENT '" + escape(c.comment()) + "'")
                    .collect(Collectors.joining(",\n")));
            sb.append(",\n  PRIMARY KEY (").append(quoted(t.keyColumns())).append(")");
            for (Table.Index index : t.indexes()) {
                sb.append(",\n  KEY ")
                        .append(quote(index.name()))
                        .append(" (")
                        .append(quoted(index.columns()))
                        .append(")");
            }
            sb.append("\n");
            sb.append(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='")
                    .append(escape(t.comment()))
                    .append("';\n");
            return sb.toString();
        }

        @Override
        public String upsert(Table t) {
            if (t.model() == TableModel.DUPLICATE) {
                return insert(t);
            }
            List<String> nonKey = t.columnNames().stream()
                    .filter(c -> !t.keyColumns().contains(c))
                    .toList();
            String updates = nonKey.stream()
                    .map(c -> quote(c) + " = VALUES(" + quote(c) + ")")
                    .collect(Collectors.joining(", "));
            return insert(t) + " ON DUPLICATE KEY UPDATE " + updates;
        }
    };

    /** The dialect {@code warehouse.dialect} names (common's enum of the same constants). */
    public static SqlDialect of(WarehouseDialect dialect) {
        return valueOf(dialect.name());
    }

    /** CREATE TABLE IF NOT EXISTS for the table on a cluster described by the options, ending in ";\n". */
    public abstract String createTable(Table t, DdlOptions options);

    /** {@link #createTable(Table, DdlOptions)} with the default options (3 Doris replicas). */
    public String createTable(Table t) {
        return createTable(t, DdlOptions.DEFAULT);
    }

    /** A parameterised statement (one ? per column, in column order) that inserts or replaces a row by key. */
    public abstract String upsert(Table t);

    /** DDL for a list of tables, each statement separated by a blank line. */
    public String createTables(List<Table> tables, DdlOptions options) {
        return tables.stream().map(t -> createTable(t, options)).collect(Collectors.joining("\n"));
    }

    /** {@link #createTables(List, DdlOptions)} with the default options. */
    public String createTables(List<Table> tables) {
        return createTables(tables, DdlOptions.DEFAULT);
    }

    public static String quote(String identifier) {
        return "`" + identifier + "`";
    }

    static String insert(Table t) {
        String marks = t.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + quote(t.name()) + " (" + quoted(t.columnNames()) + ") VALUES (" + marks + ")";
    }

    static String quoted(List<String> names) {
        return names.stream().map(SqlDialect::quote).collect(Collectors.joining(", "));
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("'", "''");
    }

    static String dorisType(ColumnType type) {
        return switch (type.kind()) {
            // Doris VARCHAR lengths are bytes; UTF-8 Chinese takes 3 per character.
            case VARCHAR -> "VARCHAR(" + type.length() * 3 + ")";
            case TEXT -> "STRING";
            case DECIMAL -> "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
            default -> type.kind().name();
        };
    }

    static String mysqlType(ColumnType type) {
        return switch (type.kind()) {
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case TEXT -> "MEDIUMTEXT";
            case DECIMAL -> "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
            default -> type.kind().name();
        };
    }
}

package org.gridgov.warehouse;

/**
 * The whole warehouse DDL of one dialect. ddl/doris.sql and ddl/mysql.sql are this rendering with
 * {@link DdlOptions#DEFAULT}; a cluster with fewer than 3 Doris backends renders its own with
 * {@code render(SqlDialect.DORIS, new DdlOptions(1))} (what {@code gridgov ddl --doris.replication=1} prints).
 */
public final class DdlScript {

    private DdlScript() {}

    /** The script as committed (3 Doris replicas). */
    public static String render(SqlDialect dialect) {
        return render(dialect, DdlOptions.DEFAULT);
    }

    public static String render(SqlDialect dialect, DdlOptions options) {
        String replication = dialect == SqlDialect.DORIS && !options.equals(DdlOptions.DEFAULT)
                ? "-- Rendered for " + DdlOptions.DORIS_REPLICATION_KEY + "=" + options.dorisReplication() + ".\n"
                : "";
        return "-- gridgov warehouse schema, " + dialect.name().toLowerCase() + " dialect.\n"
                + "-- Generated from org.gridgov.warehouse.WarehouseSchema; do not edit by hand (see warehouse-ddl/README.md).\n"
                + replication
                + "CREATE DATABASE IF NOT EXISTS " + SqlDialect.quote(WarehouseSchema.DATABASE) + ";\n"
                + "USE " + SqlDialect.quote(WarehouseSchema.DATABASE) + ";\n\n"
                + dialect.createTables(WarehouseSchema.ALL, options);
    }

    /**
     * Prints the DDL of the dialect named by the first argument (doris or mysql, default doris), optionally for
     * {@code --doris.replication=N}.
     */
    public static void main(String[] args) {
        SqlDialect d = SqlDialect.DORIS;
        DdlOptions options = DdlOptions.DEFAULT;
        String prefix = "--" + DdlOptions.DORIS_REPLICATION_KEY + "=";
        for (String a : args) {
            if (a.startsWith(prefix)) {
                options = DdlOptions.parseDorisReplication(a.substring(prefix.length()));
            } else {
                d = SqlDialect.valueOf(a.toUpperCase());
            }
        }
        System.out.print(render(d, options));
    }
}

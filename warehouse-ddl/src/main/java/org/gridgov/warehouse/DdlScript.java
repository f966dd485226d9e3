package org.gridgov.warehouse;

/** The whole warehouse DDL of one dialect, as shipped in ddl/doris.sql and ddl/mysql.sql. */
public final class DdlScript {

    private DdlScript() {
    }

    public static String render(SqlDialect dialect) {
        return "-- gridgov warehouse schema, " + dialect.name().toLowerCase() + " dialect.\n"
                + "-- Generated from org.gridgov.warehouse.WarehouseSchema; do not edit by hand (see warehouse-ddl/README.md).\n"
                + "CREATE DATABASE IF NOT EXISTS " + SqlDialect.quote(WarehouseSchema.DATABASE) + ";\n"
                + "USE " + SqlDialect.quote(WarehouseSchema.DATABASE) + ";\n\n"
                + dialect.createTables(WarehouseSchema.ALL);
    }

    /** Prints the DDL of the dialect named by the first argument (doris or mysql). */
    public static void main(String[] args) {
        SqlDialect d = args.length == 0 ? SqlDialect.DORIS : SqlDialect.valueOf(args[0].toUpperCase());
        System.out.print(render(d));
    }
}

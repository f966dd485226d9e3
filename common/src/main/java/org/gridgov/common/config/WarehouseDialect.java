package org.gridgov.common.config;

/**
 * The SQL dialect {@code warehouse.dialect} names. The warehouse module's {@code SqlDialect} renders DDL and upserts
 * for each constant (same names; a test there keeps the two in step); this enum is here because common, which
 * declares the platform's options, depends on no warehouse module.
 */
public enum WarehouseDialect {
    /** Apache Doris, production. */
    DORIS,
    /** MySQL protocol and DDL: the local MariaDB. */
    MYSQL
}

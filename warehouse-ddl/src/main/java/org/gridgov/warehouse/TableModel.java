package org.gridgov.warehouse;

/** Doris data models. UNIQUE tables are written by upsert; DUPLICATE tables only ever append. */
public enum TableModel {
    UNIQUE,
    DUPLICATE
}

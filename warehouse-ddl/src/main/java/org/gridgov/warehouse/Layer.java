package org.gridgov.warehouse;

/** Warehouse layers; the table name prefix must match the layer so a name alone says where a table sits. */
public enum Layer {
    DIM,
    ODS,
    DWD,
    DWS,
    ADS,
    DLQ,
    AUDIT;

    String prefix() {
        return name().toLowerCase() + "_";
    }
}

package org.gridgov.warehouse;

import java.util.List;

/** Tables of ingestion audit and file-load dead letters (ingestion, issue 5). Listed in {@link WarehouseSchema#ALL}. */
public final class IngestTables {

    /** Every table of this group, in creation order. */
    public static final List<Table> ALL = List.of();

    private IngestTables() {
    }
}

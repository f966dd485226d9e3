package org.gridgov.warehouse;

import java.util.List;

/** Tables of alerts and their pushes (streaming-jobs, issue 3). Listed in {@link WarehouseSchema#ALL}. */
public final class AlertTables {

    /** Every table of this group, in creation order. */
    public static final List<Table> ALL = List.of();

    private AlertTables() {
    }
}

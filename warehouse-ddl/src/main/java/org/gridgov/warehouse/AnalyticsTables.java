package org.gridgov.warehouse;

import java.util.List;

/** Tables of DWS/ADS tables of the batch analytics: hot words, risk scores, arrears key cases, 12345 statistics (batch-jobs, issue 4). Listed in {@link WarehouseSchema#ALL}. */
public final class AnalyticsTables {

    /** Every table of this group, in creation order. */
    public static final List<Table> ALL = List.of();

    private AnalyticsTables() {
    }
}

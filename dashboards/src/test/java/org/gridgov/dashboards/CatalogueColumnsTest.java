package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

/** Datasets against the warehouse catalogue: a column the table does not have breaks every chart using it. */
class CatalogueColumnsTest {

    /** Columns of physical datasets that are neither calculated nor in the catalogue table, and unknown tables. */
    static List<String> unknownColumns(SupersetBundle bundle) {
        List<String> out = new ArrayList<>();
        for (BundleDataset d : bundle.datasets()) {
            for (String name : DatasetTables.of(d)) {
                Table table;
                try {
                    table = WarehouseSchema.table(name);
                } catch (IllegalArgumentException e) {
                    out.add(d.path() + ": table " + name + " is not in the catalogue");
                    continue;
                }
                if (d.virtual()) {
                    continue; // the SQL's result columns are checked where it runs (BundleQueryCheckIT)
                }
                for (BundleDataset.Column c : d.columns()) {
                    if (!c.calculated() && !table.columnNames().contains(c.name())) {
                        out.add(d.path() + ": column " + c.name() + " is not a column of " + name);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyDatasetColumnIsInTheCatalogue() {
        assertThat(unknownColumns(BundleFiles.real())).isEmpty();
    }

    @Test
    void physicalDatasetsDeclareEveryColumnOfTheirTable() {
        // a column missing from the dataset cannot be charted or filtered in Superset
        for (BundleDataset d : BundleFiles.real().datasets()) {
            if (!d.virtual()) {
                assertThat(d.columnNames())
                        .as(d.path())
                        .containsAll(WarehouseSchema.table(d.tableName()).columnNames());
            }
        }
    }

    @Test
    void anUnknownColumnIsReported() {
        SupersetBundle broken = BundleFiles.withEdit(
                "datasets/gridgov_doris/ads_petition_street_month.yaml",
                "column_name: visit_cnt",
                "column_name: visitor_cnt");
        assertThat(unknownColumns(broken))
                .containsExactly(
                        "datasets/gridgov_doris/ads_petition_street_month.yaml: column visitor_cnt is not a column of ads_petition_street_month");
    }
}

package org.gridgov.loading.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

/** {@link RowValues} builds the row {@code Table.row} builds from a map, and refuses what it refuses. */
class RowValuesTest {

    @Test
    void buildsTheRowTableRowBuildsFromTheSameNamesInAnyOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("received_time", "2024-11-15 08:30:00");
        m.put("dlq_id", "raw.hotline:0:7");
        m.put("source", "raw.hotline");
        m.put("record_key", null);
        m.put("error_field", "$");
        m.put("reason", 42);
        m.put("payload", "{\"x\":\"山\"}");
        RowValues v = new RowValues(WarehouseSchema.DLQ_RECORD);
        m.forEach(v::put);

        assertThat(v.row()).isEqualTo(WarehouseSchema.DLQ_RECORD.row(m));
        assertThat(v.row().values[WarehouseSchema.DLQ_RECORD.position("reason")])
                .isEqualTo("42");
    }

    @Test
    void aLaterValueOfTheSameColumnReplacesTheEarlierOne() {
        RowValues v = new RowValues(WarehouseSchema.DIM_STREET)
                .put("street_code", "1")
                .put("street_name", "a")
                .put("district_code", "370112")
                .put("district_name", "历城区")
                .put("street_name", "b");
        assertThat(v.row().values[WarehouseSchema.DIM_STREET.position("street_name")])
                .isEqualTo("b");
    }

    @Test
    void refusesAMissingColumnAnUnknownOneAndNullInANotNullColumnAsTableRowDoes() {
        assertThatThrownBy(() -> new RowValues(WarehouseSchema.DIM_STREET)
                        .put("street_code", "1")
                        .put("district_code", "370112")
                        .put("district_name", "历城区")
                        .row())
                .hasMessageContaining("no value for [street_name]");
        assertThatThrownBy(() -> new RowValues(WarehouseSchema.DIM_STREET).put("bogus", "1"))
                .hasMessageContaining("unknown columns [bogus]");
        assertThatThrownBy(() -> new RowValues(WarehouseSchema.DIM_STREET)
                        .put("street_code", null)
                        .put("street_name", "a")
                        .put("district_code", "370112")
                        .put("district_name", "历城区")
                        .row())
                .hasMessageContaining("dim_street.street_code is NOT NULL but got null");
    }
}

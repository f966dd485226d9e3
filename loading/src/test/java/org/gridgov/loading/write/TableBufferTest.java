package org.gridgov.loading.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

class TableBufferTest {

    private static TableRow street(String code, String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("street_code", code);
        v.put("street_name", name);
        v.put("district_code", "370112");
        v.put("district_name", "历城区");
        return WarehouseSchema.DIM_STREET.row(v);
    }

    private static TableRow dlq(String id, String reason) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dlq_id", id);
        v.put("source", "raw.hotline");
        v.put("record_key", null);
        v.put("error_field", "$");
        v.put("reason", reason);
        v.put("payload", "{}");
        v.put("received_time", "2024-11-15 08:30:00");
        return WarehouseSchema.DLQ_RECORD.row(v);
    }

    @Test
    void laterRowOfTheSameKeyReplacesTheEarlierOne() {
        TableBuffer b = new TableBuffer(WarehouseSchema.DIM_STREET);

        assertThat(b.add(street("370112001", "山大路街道"))).isEqualTo(1);
        assertThat(b.add(street("370112002", "洪家楼街道"))).isEqualTo(2);
        assertThat(b.add(street("370112001", "山大路街道（更名）"))).isEqualTo(2);

        assertThat(b.rows()).containsExactly(street("370112001", "山大路街道（更名）"), street("370112002", "洪家楼街道"));
    }

    @Test
    void keyIsEveryKeyColumnSoTheSameIdOnAnotherPartitionDateIsAnotherRow() {
        TableBuffer b = new TableBuffer(WarehouseSchema.ODS_HOTLINE_CASE);
        String[] day1 = new String[WarehouseSchema.ODS_HOTLINE_CASE.columns().size()];
        day1[0] = "RX1";
        day1[1] = "2024-11-15";
        String[] day2 = day1.clone();
        day2[1] = "2024-11-16";
        String[] day1Again = day1.clone();
        day1Again[5] = "updated";

        b.add(new TableRow("ods_hotline_case", day1));
        b.add(new TableRow("ods_hotline_case", day2));
        b.add(new TableRow("ods_hotline_case", day1Again));

        assertThat(b.rows())
                .extracting(r -> r.values[1] + "/" + r.values[5])
                .containsExactly("2024-11-15/updated", "2024-11-16/null");
    }

    @Test
    void rowsComeOutInKeyOrderSoWritersLockKeysInTheSameOrder() {
        TableBuffer b = new TableBuffer(WarehouseSchema.DLQ_RECORD);
        b.add(dlq("raw.police:1:20", "b"));
        b.add(dlq("raw.grid:0:3", "a"));
        b.add(dlq("raw.police:0:7", "c"));

        assertThat(b.rows())
                .extracting(r -> r.values[0])
                .containsExactly("raw.grid:0:3", "raw.police:0:7", "raw.police:1:20");
    }

    @Test
    void rowsAddedAfterTheyWereTakenAreSortedInWithTheLastVersionOfEachKey() {
        TableBuffer b = new TableBuffer(WarehouseSchema.DLQ_RECORD);
        b.add(dlq("k2", "first"));
        b.add(dlq("k4", "first"));
        assertThat(b.rows()).extracting(r -> r.values[0]).containsExactly("k2", "k4");
        b.add(dlq("k3", "first"));
        b.add(dlq("k1", "first"));
        b.add(dlq("k4", "second"));
        b.add(dlq("k5", "first"));

        assertThat(b.rows())
                .extracting(r -> r.values[0] + "/" + r.values[4])
                .containsExactly("k1/first", "k2/first", "k3/first", "k4/second", "k5/first");
        assertThat(b.rowsWithKeyIn(Set.of(
                        TableBuffer.key(WarehouseSchema.DLQ_RECORD, dlq("k4", "any")), b.key(dlq("k1", "any")), "k3")))
                .extracting(r -> r.values[0] + "/" + r.values[4])
                .as("keys as the buffer makes them; a bare value is not a key")
                .containsExactly("k1/first", "k4/second");
    }

    @Test
    void theStaticKeyIsTheBuffersKeyForOneAndForSeveralKeyColumnsAndChineseValues() {
        TableBuffer ods = new TableBuffer(WarehouseSchema.ODS_HOTLINE_CASE);
        String[] v = new String[WarehouseSchema.ODS_HOTLINE_CASE.columns().size()];
        v[0] = "RX1山";
        v[1] = "2024-11-15";
        TableRow row = new TableRow("ods_hotline_case", v);
        assertThat(ods.key(row))
                .isEqualTo(TableBuffer.key(WarehouseSchema.ODS_HOTLINE_CASE, row))
                .isEqualTo("RX1山\u00012024-11-15\u0001");
        TableRow street = street("370112001", "山大路街道");
        assertThat(new TableBuffer(WarehouseSchema.DIM_STREET).key(street))
                .isEqualTo(TableBuffer.key(WarehouseSchema.DIM_STREET, street))
                .isEqualTo("370112001\u0001");
    }

    @Test
    void keysDoNotCollideWhenOneKeyValueIsAPrefixOfAnother() {
        TableBuffer b = new TableBuffer(WarehouseSchema.ODS_HOTLINE_CASE);
        int n = WarehouseSchema.ODS_HOTLINE_CASE.columns().size();
        String[] a = new String[n];
        a[0] = "RX1";
        a[1] = "2";
        String[] c = new String[n];
        c[0] = "RX12";
        c[1] = "";
        b.add(new TableRow("ods_hotline_case", a));
        b.add(new TableRow("ods_hotline_case", c));
        assertThat(b.size()).isEqualTo(2);
    }

    @Test
    void clearEmptiesTheBufferAfterACommit() {
        TableBuffer b = new TableBuffer(WarehouseSchema.DIM_STREET);
        b.add(street("370112001", "山大路街道"));
        b.clear();
        assertThat(b.isEmpty()).isTrue();
        assertThat(b.rows()).isEmpty();
    }

    @Test
    void rowsOfAnotherTableOrShapeAreRefused() {
        TableBuffer b = new TableBuffer(WarehouseSchema.DIM_STREET);
        assertThatThrownBy(() -> b.add(dlq("x", "y"))).hasMessageContaining("dlq_record");
        assertThatThrownBy(() -> b.add(new TableRow("dim_street", new String[] {"1", "2"})))
                .hasMessageContaining("4 columns");
        assertThatThrownBy(() -> b.add(new TableRow("dim_street", new String[] {null, "a", "b", "c"})))
                .hasMessageContaining("street_code");
    }
}

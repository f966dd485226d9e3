package org.gridgov.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void dorisDdlUsesUniqueKeyHashDistributionAndDynamicMonthPartitions() {
        String ddl = SqlDialect.DORIS.createTable(WarehouseSchema.ODS_HOTLINE_CASE);
        assertThat(ddl)
                .contains("UNIQUE KEY(`case_id`, `accept_date`)")
                .contains("PARTITION BY RANGE(`accept_date`) ()")
                .contains("DISTRIBUTED BY HASH(`case_id`) BUCKETS 8")
                .contains("\"dynamic_partition.time_unit\" = \"MONTH\"")
                .contains("\"enable_unique_key_merge_on_write\" = \"true\"")
                .contains("`content` STRING NOT NULL")
                // 64 characters are 192 UTF-8 bytes in Doris
                .contains("`case_id` VARCHAR(192) NOT NULL");
    }

    @Test
    void unpartitionedTableHasNoDynamicPartitionProperties() {
        String ddl = SqlDialect.DORIS.createTable(WarehouseSchema.DIM_STREET);
        assertThat(ddl).doesNotContain("PARTITION BY").doesNotContain("dynamic_partition");
    }

    @Test
    void mysqlDdlHasPrimaryKeyOnTheDorisKey() {
        String ddl = SqlDialect.MYSQL.createTable(WarehouseSchema.ADS_HOTLINE_STREET_MONTH);
        assertThat(ddl).contains("PRIMARY KEY (`stat_month`, `street_code`)").contains("utf8mb4");
    }

    @Test
    void mysqlUpsertUpdatesOnlyNonKeyColumns() {
        String sql = SqlDialect.MYSQL.upsert(WarehouseSchema.DIM_STREET);
        assertThat(sql)
                .startsWith(
                        "INSERT INTO `dim_street` (`street_code`, `street_name`, `district_code`, `district_name`) VALUES (?, ?, ?, ?)")
                .endsWith(
                        "ON DUPLICATE KEY UPDATE `street_name` = VALUES(`street_name`), `district_code` = VALUES(`district_code`), `district_name` = VALUES(`district_name`)");
        assertThat(SqlDialect.DORIS.upsert(WarehouseSchema.DIM_STREET)).doesNotContain("DUPLICATE");
    }

    @Test
    void rowIsBuiltInColumnOrderAndRejectsMissingOrUnknownColumns() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("district_name", "历城区");
        v.put("street_code", "370112001");
        v.put("district_code", "370112");
        v.put("street_name", "山大路街道");
        TableRow row = WarehouseSchema.DIM_STREET.row(v);
        assertThat(row.values).containsExactly("370112001", "山大路街道", "370112", "历城区");

        v.remove("street_name");
        assertThatThrownBy(() -> WarehouseSchema.DIM_STREET.row(v)).hasMessageContaining("no value for [street_name]");
        v.put("street_name", "x");
        v.put("bogus", 1);
        assertThatThrownBy(() -> WarehouseSchema.DIM_STREET.row(v)).hasMessageContaining("unknown columns [bogus]");
    }

    @Test
    void catalogueRejectsTablesDorisWouldReject() {
        assertThatThrownBy(() -> Table.builder("ods_x", Layer.ODS)
                        .column("a", ColumnType.integer(), "")
                        .key("id", ColumnType.varchar(8), "")
                        .build())
                .hasMessageContaining("key columns must be the first columns");
        assertThatThrownBy(() -> Table.builder("ods_x", Layer.ODS)
                        .key("id", ColumnType.varchar(8), "")
                        .required("d", ColumnType.date(), "")
                        .partitionedBy("d", PartitionUnit.DAY)
                        .build())
                .hasMessageContaining("partition column of a UNIQUE table must be a key column");
        assertThatThrownBy(() -> Table.builder("dwd_x", Layer.ODS)
                        .key("id", ColumnType.varchar(8), "")
                        .build())
                .hasMessageContaining("must start with ods_");
    }

    @Test
    void anIndexIsABtreeKeyInMysqlAndABloomFilterOnItsLookupColumnInDoris() {
        assertThat(SqlDialect.MYSQL.createTable(AlertTables.ADS_ALERT_EVENT))
                .contains("PRIMARY KEY (`alert_id`),\n  KEY `idx_alert_subject` (`subject_key`, `subject_type`,"
                        + " `event_time`)\n) ENGINE=InnoDB");
        assertThat(SqlDialect.DORIS.createTable(AlertTables.ADS_ALERT_EVENT))
                .contains("\"bloom_filter_columns\" = \"subject_key\"")
                .doesNotContain("idx_alert_subject");
        assertThat(SqlDialect.MYSQL.createTable(IdentityTables.DWD_PERSON_LINK))
                .contains("KEY `idx_link_person` (`person_key`)");
        assertThat(SqlDialect.DORIS.createTable(IdentityTables.DWD_PERSON_LINK))
                .contains("\"bloom_filter_columns\" = \"person_key\"");
        // a table without indexes renders as before
        assertThat(SqlDialect.DORIS.createTable(WarehouseSchema.DIM_STREET)).doesNotContain("bloom_filter_columns");
        assertThat(SqlDialect.MYSQL.createTable(WarehouseSchema.DIM_STREET)).doesNotContain("  KEY `");
    }

    @Test
    void anIndexDorisCouldNotBuildIsRefused() {
        assertThatThrownBy(() -> Table.builder("ods_x", Layer.ODS)
                        .key("id", ColumnType.varchar(8), "")
                        .column("score", ColumnType.doubleType(), "")
                        .index("idx_score", "score")
                        .build())
                .hasMessageContaining("cannot BloomFilter-index");
        assertThatThrownBy(() -> Table.builder("ods_x", Layer.ODS)
                        .key("id", ColumnType.varchar(8), "")
                        .index("idx_nope", "nope")
                        .build())
                .hasMessageContaining("has no column nope");
        assertThatThrownBy(() -> Table.builder("ods_x", Layer.ODS)
                        .key("id", ColumnType.varchar(8), "")
                        .index("idx_id", "id")
                        .build())
                .hasMessageContaining("repeats the key's first column");
    }
}

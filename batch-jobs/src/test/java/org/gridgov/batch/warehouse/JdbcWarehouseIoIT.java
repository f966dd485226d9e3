package org.gridgov.batch.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.batch.HotlineFixtures.HONGJIALOU;
import static org.gridgov.batch.HotlineFixtures.SHANDALU;
import static org.gridgov.batch.HotlineFixtures.hotlineCase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.TestRows;
import org.gridgov.batch.WarehouseFixtures;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JdbcWarehouseIo} against MariaDB (EmbeddedWarehouse) with Spark local[2]. */
class JdbcWarehouseIoIT {

    private static final Table ADS = WarehouseSchema.ADS_HOTLINE_STREET_MONTH;
    private static final Table DWD = WarehouseSchema.DWD_HOTLINE_CASE;

    private static EmbeddedWarehouse warehouse;
    private static SparkSession spark;
    private static JdbcWarehouseIo io;

    @BeforeAll
    static void start() {
        warehouse = EmbeddedWarehouse.start();
        spark = LocalSpark.start();
        io = new JdbcWarehouseIo(
                warehouse.jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD, SqlDialect.MYSQL, 3);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @BeforeEach
    void emptyTables() throws Exception {
        try (Connection c = warehouse.connect()) {
            for (Table t : List.of(ADS, DWD, WarehouseSchema.DIM_STREET)) {
                WarehouseFixtures.truncate(c, t);
            }
        }
    }

    private static Row adsRow(String month, String street, String name, int accepted, String rate) {
        return TestRows.row(
                ADS,
                Map.of(
                        "stat_month",
                        month,
                        "street_code",
                        street,
                        "street_name",
                        name,
                        "accepted_cnt",
                        accepted,
                        "replied_cnt",
                        accepted,
                        "closed_cnt",
                        accepted - 1,
                        "overdue_cnt",
                        0,
                        "close_rate",
                        new BigDecimal(rate),
                        "updated_at",
                        Timestamp.valueOf("2024-02-01 08:00:00")));
    }

    @Test
    void readsChineseDimensionRowsWithCatalogueColumns() throws Exception {
        try (Connection c = warehouse.connect()) {
            WarehouseFixtures.insert(c, WarehouseSchema.DIM_STREET, HotlineFixtures.districtStreets());
        }
        Dataset<Row> streets = io.read(spark, WarehouseSchema.DIM_STREET);
        assertThat(streets.columns()).containsExactlyElementsOf(WarehouseSchema.DIM_STREET.columnNames());
        List<Row> rows = streets.orderBy("street_code").collectAsList();
        assertThat(rows).hasSize(16);
        assertThat(rows.get(0).getString(1)).isEqualTo("山大路街道");
        assertThat(rows.get(15).getString(1)).isEqualTo("唐王街道");
        assertThat(rows.get(0).getString(3)).isEqualTo("历城区");
    }

    @Test
    void monthFilterAndColumnPruningArePushedIntoTheJdbcQuery() throws Exception {
        try (Connection c = warehouse.connect()) {
            WarehouseFixtures.insert(
                    c,
                    DWD,
                    List.of(
                            hotlineCase("C-1", "2024-01", 5, SHANDALU, 1, 1, 0),
                            hotlineCase("C-2", "2024-02", 5, SHANDALU, 1, 0, 0),
                            hotlineCase("C-3", "2024-02", 6, HONGJIALOU, 0, 0, 1)));
        }
        Dataset<Row> feb = io.read(spark, DWD)
                .filter(col("accept_month").equalTo("2024-02"))
                .select("case_id", "street_code");

        String plan = feb.queryExecution().executedPlan().toString();
        assertThat(plan).contains("PushedFilters: [*IsNotNull(accept_month), *EqualTo(accept_month,2024-02)]");
        // only the selected columns travel, not the TEXT content of every case
        assertThat(plan).contains("ReadSchema: struct<case_id:string,street_code:string>");
        assertThat(feb.orderBy("case_id").collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("C-2", "C-3");
    }

    @Test
    void aPartitionedTableIsReadOverSeveralConnectionsSplitByItsDateAndGivesTheSameRows() throws Exception {
        try (Connection c = warehouse.connect()) {
            WarehouseFixtures.insert(
                    c,
                    DWD,
                    List.of(
                            hotlineCase("C-1", "2024-01", 5, SHANDALU, 1, 1, 0),
                            hotlineCase("C-2", "2024-02", 5, SHANDALU, 1, 0, 0),
                            hotlineCase("C-3", "2024-03", 6, HONGJIALOU, 0, 0, 1)));
        }
        JdbcWarehouseIo split = new JdbcWarehouseIo(
                new WarehouseSettings(
                        warehouse.jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD, SqlDialect.MYSQL),
                3,
                4);
        Dataset<Row> cases = split.read(spark, DWD).select("case_id");

        assertThat(cases.rdd().getNumPartitions()).isEqualTo(4);
        assertThat(cases.orderBy("case_id").collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("C-1", "C-2", "C-3");
        assertThat(split.read(spark, WarehouseSchema.DIM_STREET).rdd().getNumPartitions())
                .as("no partition date: one SELECT")
                .isEqualTo(1);
    }

    @Test
    void theJobsStatisticOverJdbcReadsOnlyTheMonthsRowsAndFewColumns() throws Exception {
        try (Connection c = warehouse.connect()) {
            WarehouseFixtures.insert(c, WarehouseSchema.DIM_STREET, HotlineFixtures.districtStreets());
            WarehouseFixtures.insert(
                    c,
                    DWD,
                    List.of(
                            hotlineCase("C-1", "2024-01", 5, SHANDALU, 1, 1, 0),
                            hotlineCase("C-2", "2024-02", 5, SHANDALU, 1, 0, 0)));
        }
        Dataset<Row> stats = org.gridgov.batch.hotline.HotlineStreetMonthJob.streetMonth(
                io.read(spark, DWD),
                io.read(spark, WarehouseSchema.DIM_STREET),
                "2024-01",
                Timestamp.valueOf("2024-02-01 08:00:00"));
        assertThat(stats.collectAsList()).hasSize(16);

        List<String> caseScans = stats.queryExecution()
                .executedPlan()
                .toString()
                .lines()
                .filter(l -> l.contains("Scan JDBCRelation(`dwd_hotline_case`)"))
                .toList();
        assertThat(caseScans).isNotEmpty().allSatisfy(scan -> {
            assertThat(scan).contains("*EqualTo(accept_month,2024-01)");
            assertThat(scan).doesNotContain("content").doesNotContain("caller_key");
        });
    }

    @Test
    void upsertOverwritesByKeyInsteadOfDuplicating() throws Exception {
        // 7 rows with batch size 3: full batches and a remainder
        List<Row> first = List.of(
                adsRow("2024-01", "370112001", "山大路街道", 3, "0.6667"),
                adsRow("2024-01", "370112002", "洪家楼街道", 1, "0.0000"),
                adsRow("2024-01", "370112003", "东风街道", 2, "0.5000"),
                adsRow("2024-01", "370112004", "全福街道", 4, "0.7500"),
                adsRow("2024-01", "370112005", "华山街道", 5, "0.8000"),
                adsRow("2024-01", "370112006", "荷花路街道", 1, "0.0000"),
                adsRow("2024-01", "370112007", "王舍人街道", 1, "0.0000"));
        io.upsert(spark.createDataFrame(first, SparkSchemas.of(ADS)).repartition(2), ADS);
        List<List<String>> afterFirst;
        try (Connection c = warehouse.connect()) {
            afterFirst = WarehouseFixtures.select(c, ADS);
        }
        assertThat(afterFirst).hasSize(7);
        assertThat(afterFirst.get(0))
                .containsExactly("2024-01", "370112001", "山大路街道", "3", "3", "2", "0", "0.6667", "2024-02-01 08:00:00");

        io.upsert(spark.createDataFrame(first, SparkSchemas.of(ADS)), ADS);
        io.upsert(
                spark.createDataFrame(
                        List.of(adsRow("2024-01", "370112001", "山大路街道（更名）", 9, "0.8889")), SparkSchemas.of(ADS)),
                ADS);
        try (Connection c = warehouse.connect()) {
            List<List<String>> rows = WarehouseFixtures.select(c, ADS);
            assertThat(rows).hasSize(7);
            assertThat(rows.get(0))
                    .containsExactly(
                            "2024-01", "370112001", "山大路街道（更名）", "9", "9", "8", "0", "0.8889", "2024-02-01 08:00:00");
            assertThat(rows.subList(1, 7)).isEqualTo(afterFirst.subList(1, 7));
        }
    }

    @Test
    void upsertWritesNullsAndWallClockTimesAndRoundTripsThroughRead() throws Exception {
        List<Row> cases = List.of(hotlineCase("C-9", "2024-02", 29, SHANDALU, 1, 1, 0));
        io.upsert(spark.createDataFrame(cases, SparkSchemas.of(DWD)), DWD);
        try (Connection c = warehouse.connect()) {
            List<String> row = WarehouseFixtures.select(c, DWD).get(0);
            assertThat(row.get(DWD.position("accept_time"))).isEqualTo("2024-02-29 09:30:00");
            assertThat(row.get(DWD.position("accept_date"))).isEqualTo("2024-02-29");
            assertThat(row.get(DWD.position("caller_key"))).isNull();
            assertThat(row.get(DWD.position("content"))).isEqualTo("小区门口路灯不亮，夜间出行不便");
        }
        Row back = io.read(spark, DWD).collectAsList().get(0);
        assertThat(back.getTimestamp(DWD.position("accept_time"))).isEqualTo(Timestamp.valueOf("2024-02-29 09:30:00"));
        assertThat(back.getString(DWD.position("department"))).isEqualTo("区城管局");
    }

    @Test
    void dateTimesFollowTheSessionTimeZoneNotTheJvms() throws Exception {
        // this JVM runs in Asia/Shanghai (pom); a session in UTC must still write and read UTC wall-clock time
        Timestamp instant = Timestamp.from(java.time.Instant.parse("2024-02-29T01:30:00Z"));
        Row row = hotlineCase("C-UTC", "2024-02", 29, SHANDALU, 1, 1, 0);
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        values[DWD.position("accept_time")] = instant;
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        try {
            io.upsert(
                    spark.createDataFrame(
                            List.of(org.apache.spark.sql.RowFactory.create(values)), SparkSchemas.of(DWD)),
                    DWD);
            try (Connection c = warehouse.connect()) {
                assertThat(WarehouseFixtures.select(c, DWD).get(0).get(DWD.position("accept_time")))
                        .isEqualTo("2024-02-29 01:30:00");
            }
            Row back = io.read(spark, DWD).select("accept_time").collectAsList().get(0);
            assertThat(back.getTimestamp(0)).isEqualTo(instant);
        } finally {
            spark.conf().set("spark.sql.session.timeZone", "Asia/Shanghai");
        }
    }

    @Test
    void upsertRejectsRowsThatDoNotMatchTheTable() {
        Dataset<Row> missing = spark.createDataFrame(
                        List.of(adsRow("2024-01", "370112001", "山大路街道", 1, "1")), SparkSchemas.of(ADS))
                .drop("overdue_cnt");
        assertThatThrownBy(() -> io.upsert(missing, ADS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ads_hotline_street_month");
    }

    @Test
    void aFailedWriteFailsTheCallNamingTheTable() {
        JdbcWarehouseIo wrongDb = new JdbcWarehouseIo(
                warehouse.jdbcUrl().replace("/gridgov?", "/no_such_db?"),
                EmbeddedWarehouse.USER,
                EmbeddedWarehouse.PASSWORD,
                SqlDialect.MYSQL,
                10);
        Dataset<Row> rows =
                spark.createDataFrame(List.of(adsRow("2024-01", "370112001", "山大路街道", 1, "1")), SparkSchemas.of(ADS));
        assertThatThrownBy(() -> wrongDb.upsert(rows, ADS)).hasStackTraceContaining("ads_hotline_street_month");
    }
}

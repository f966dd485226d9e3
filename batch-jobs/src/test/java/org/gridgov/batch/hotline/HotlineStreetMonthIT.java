package org.gridgov.batch.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.batch.HotlineFixtures.DONGFENG;
import static org.gridgov.batch.HotlineFixtures.HONGJIALOU;
import static org.gridgov.batch.HotlineFixtures.SHANDALU;
import static org.gridgov.batch.HotlineFixtures.hotlineCase;
import static org.gridgov.batch.HotlineFixtures.street;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link HotlineStreetMonthJob#streetMonth} on in-memory DataFrames, Spark local[2], no database. */
class HotlineStreetMonthIT {

    private static final Timestamp COMPUTED_AT = Timestamp.valueOf("2024-03-01 02:00:00");
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** 山大路: 3 cases in January (2 replied, 2 closed, 1 overdue), 1 in February; 洪家楼: 1 in January. */
    private static List<Row> cases() {
        return List.of(
                hotlineCase("C-2401-001", "2024-01", 3, SHANDALU, 1, 1, 0),
                hotlineCase("C-2401-002", "2024-01", 9, SHANDALU, 1, 1, 1),
                hotlineCase("C-2401-003", "2024-01", 31, SHANDALU, 0, 0, 1),
                hotlineCase("C-2401-004", "2024-01", 15, HONGJIALOU, 1, 0, 0),
                hotlineCase("C-2402-001", "2024-02", 29, SHANDALU, 1, 1, 0));
    }

    private static List<Row> streets() {
        return List.of(street(SHANDALU, "山大路街道"), street(HONGJIALOU, "洪家楼街道"), street(DONGFENG, "东风街道"));
    }

    private static Dataset<Row> df(List<Row> rows, org.gridgov.warehouse.Table table) {
        return spark.createDataFrame(rows, SparkSchemas.of(table));
    }

    private static List<Row> streetMonth(List<Row> cases, List<Row> streets, String month) {
        return HotlineStreetMonthJob.streetMonth(
                        df(cases, WarehouseSchema.DWD_HOTLINE_CASE),
                        df(streets, WarehouseSchema.DIM_STREET),
                        month,
                        COMPUTED_AT)
                .collectAsList();
    }

    private static Map<String, Row> byStreet(List<Row> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.getString(1), Function.identity()));
    }

    @Test
    void countsRepliesClosuresOverduesAndRateForOneMonth() {
        List<Row> rows = streetMonth(cases(), streets(), "2024-01");

        assertThat(rows).hasSize(3);
        Row shandalu = byStreet(rows).get(SHANDALU);
        assertThat(shandalu.getString(0)).isEqualTo("2024-01");
        assertThat(shandalu.getString(2)).isEqualTo("山大路街道");
        assertThat(shandalu.getInt(3)).isEqualTo(3); // accepted
        assertThat(shandalu.getInt(4)).isEqualTo(2); // replied
        assertThat(shandalu.getInt(5)).isEqualTo(2); // closed
        assertThat(shandalu.getInt(6)).isEqualTo(2); // overdue
        assertThat(shandalu.getDecimal(7)).isEqualTo(new BigDecimal("0.6667")); // 2/3 rounded half up
        assertThat(shandalu.getTimestamp(8)).isEqualTo(COMPUTED_AT);

        Row hongjialou = byStreet(rows).get(HONGJIALOU);
        assertThat(hongjialou.getString(2)).isEqualTo("洪家楼街道");
        assertThat(List.of(hongjialou.getInt(3), hongjialou.getInt(4), hongjialou.getInt(5), hongjialou.getInt(6)))
                .containsExactly(1, 1, 0, 0);
        assertThat(hongjialou.getDecimal(7)).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void streetWithoutCasesInAMonthWithDataGetsZeros() {
        Row dongfeng = byStreet(streetMonth(cases(), streets(), "2024-01")).get(DONGFENG);
        assertThat(dongfeng.getString(2)).isEqualTo("东风街道");
        assertThat(List.of(dongfeng.getInt(3), dongfeng.getInt(4), dongfeng.getInt(5), dongfeng.getInt(6)))
                .containsExactly(0, 0, 0, 0);
        assertThat(dongfeng.getDecimal(7)).isEqualTo(new BigDecimal("0.0000"));
        assertThat(dongfeng.getTimestamp(8)).isEqualTo(COMPUTED_AT);
    }

    @Test
    void outputHasExactlyTheAdsColumnsInCatalogueOrderAndTypes() {
        Dataset<Row> out = HotlineStreetMonthJob.streetMonth(
                df(cases(), WarehouseSchema.DWD_HOTLINE_CASE),
                df(streets(), WarehouseSchema.DIM_STREET),
                "2024-01",
                COMPUTED_AT);
        assertThat(out.columns()).containsExactlyElementsOf(WarehouseSchema.ADS_HOTLINE_STREET_MONTH.columnNames());
        var expected = SparkSchemas.of(WarehouseSchema.ADS_HOTLINE_STREET_MONTH).fields();
        for (int i = 0; i < expected.length; i++) {
            assertThat(out.schema().fields()[i].dataType())
                    .as(expected[i].name())
                    .isEqualTo(expected[i].dataType());
        }
    }

    @Test
    void monthFilterKeepsOnlyThatMonth() {
        List<Row> feb = streetMonth(cases(), streets(), "2024-02");
        assertThat(feb).extracting(r -> r.getString(0)).containsOnly("2024-02");
        assertThat(feb).hasSize(3);
        Row shandalu = byStreet(feb).get(SHANDALU);
        assertThat(shandalu.getInt(3)).isEqualTo(1);
        assertThat(shandalu.getDecimal(7)).isEqualTo(new BigDecimal("1.0000"));
        assertThat(byStreet(feb).get(HONGJIALOU).getInt(3)).isZero();
    }

    @Test
    void withoutMonthEveryMonthPresentGetsEveryStreet() {
        List<Row> all = streetMonth(cases(), streets(), null);
        assertThat(all).hasSize(6);
        assertThat(all.stream().map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getInt(3)))
                .containsExactly(
                        "2024-01 370112001 3",
                        "2024-01 370112002 1",
                        "2024-01 370112003 0",
                        "2024-02 370112001 1",
                        "2024-02 370112002 0",
                        "2024-02 370112003 0");
        assertThat(all.stream().mapToInt(r -> r.getInt(3)).sum()).isEqualTo(cases().size());
    }

    @Test
    void monthWithoutAnyCaseYieldsNoRows() {
        assertThat(streetMonth(cases(), streets(), "2023-12")).isEmpty();
        assertThat(streetMonth(List.of(), streets(), null)).isEmpty();
    }

    @Test
    void caseOfAStreetMissingFromTheDimensionIsStillCountedUnderItsCode() {
        List<Row> cases = new ArrayList<>(cases());
        cases.add(hotlineCase("C-2401-099", "2024-01", 20, "370112099", 0, 0, 0));
        List<Row> rows = streetMonth(cases, streets(), "2024-01");
        assertThat(rows).hasSize(4);
        Row unknown = byStreet(rows).get("370112099");
        assertThat(unknown.getString(2)).isEqualTo("370112099");
        assertThat(unknown.getInt(3)).isEqualTo(1);
    }

    @Test
    void outputIsSortedAndIdenticalAcrossRuns() {
        List<Row> cases = new ArrayList<>();
        int n = 0;
        for (Row s : HotlineFixtures.districtStreets()) {
            for (int k = 0; k <= n % 4; k++) {
                cases.add(hotlineCase(
                        "C-" + n + "-" + k,
                        k % 2 == 0 ? "2024-01" : "2024-02",
                        1 + k,
                        s.getString(0),
                        k % 2,
                        (k + n) % 2,
                        k == 3 ? 1 : 0));
            }
            n++;
        }
        List<Row> first = streetMonth(cases, HotlineFixtures.districtStreets(), null);
        List<Row> second = streetMonth(cases, HotlineFixtures.districtStreets(), null);
        assertThat(first).hasSize(32).isEqualTo(second);
        List<String> keys =
                first.stream().map(r -> r.getString(0) + r.getString(1)).toList();
        assertThat(keys).isSorted();
        assertThat(first).extracting(r -> r.getString(2)).contains("山大路街道", "唐王街道");
    }

    @Test
    void rejectsAMalformedMonth() {
        assertThatThrownBy(() -> streetMonth(cases(), streets(), "2024-1' OR '1'='1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yyyy-MM");
    }

    @Test
    void runReadsThroughTheWarehouseIoAndUpsertsWhatItCounts() {
        InMemoryWarehouseIo io = new InMemoryWarehouseIo()
                .with(WarehouseSchema.DWD_HOTLINE_CASE, cases())
                .with(WarehouseSchema.DIM_STREET, streets());
        Instant now = Instant.parse("2024-03-01T02:00:00.789Z");
        long rows = new HotlineStreetMonthJob(io, Clock.fixed(now, ZoneOffset.UTC)).run(spark, "2024-01");

        assertThat(rows).isEqualTo(3);
        List<Row> written = io.written(WarehouseSchema.ADS_HOTLINE_STREET_MONTH);
        assertThat(written).hasSize(3);
        assertThat(written)
                .extracting(r -> r.getTimestamp(8).toInstant())
                .containsOnly(Instant.parse("2024-03-01T02:00:00Z")); // whole seconds, like DATETIME
    }
}

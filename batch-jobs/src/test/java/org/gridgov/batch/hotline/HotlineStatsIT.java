package org.gridgov.batch.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.batch.HotlineFixtures.DONGFENG;
import static org.gridgov.batch.HotlineFixtures.HONGJIALOU;
import static org.gridgov.batch.HotlineFixtures.SHANDALU;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.TestRows;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.common.district.Community;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 12345 statistics by dimension with 环比/同比, and the overdue ranking, on fixed cases of February 2023, January and
 * February 2024 (Spark local[2]).
 */
class HotlineStatsIT {

    static final Timestamp AT = Timestamp.valueOf("2024-03-01 02:00:00");
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** One case; status follows the flags (closed → CLOSED, replied → REPLIED, else ACCEPTED or ASSIGNED). */
    static Row kase(
            String id,
            String month,
            String street,
            String channel,
            String category,
            int replied,
            int closed,
            int overdue,
            Integer satisfaction,
            boolean assigned) {
        Row base = HotlineFixtures.hotlineCase(id, month, 3, street, replied, closed, overdue, category, "测试");
        Object[] v = new Object[base.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = base.get(i);
        }
        var t = WarehouseSchema.DWD_HOTLINE_CASE;
        v[t.position("channel")] = channel;
        v[t.position("satisfaction")] = satisfaction == null ? null : satisfaction.byteValue();
        v[t.position("status")] =
                closed == 1 ? "CLOSED" : replied == 1 ? "REPLIED" : assigned ? "ASSIGNED" : "ACCEPTED";
        v[t.position("community_code")] = street + "001";
        v[t.position("grid_code")] = street + "00101";
        return RowFactory.create(v);
    }

    static List<Row> cases() {
        List<Row> c = new ArrayList<>();
        // February 2023: 2 cases
        c.add(kase("Y1", "2023-02", SHANDALU, "PHONE", "C0101", 1, 1, 0, 5, true));
        c.add(kase("Y2", "2023-02", SHANDALU, "WEB", "C0101", 1, 1, 0, 4, true));
        // January 2024: 4 cases
        c.add(kase("J1", "2024-01", SHANDALU, "PHONE", "C0101", 1, 1, 0, 5, true));
        c.add(kase("J2", "2024-01", SHANDALU, "PHONE", "C0101", 1, 1, 1, 2, true));
        c.add(kase("J3", "2024-01", HONGJIALOU, "WECHAT", "C0201", 1, 0, 0, null, true));
        c.add(kase("J4", "2024-01", HONGJIALOU, "PHONE", "C0201", 0, 0, 0, null, false));
        // February 2024: 5 cases
        c.add(kase("F1", "2024-02", SHANDALU, "PHONE", "C0101", 1, 1, 0, 5, true));
        c.add(kase("F2", "2024-02", SHANDALU, "PHONE", "C0101", 1, 1, 1, 4, true));
        c.add(kase("F3", "2024-02", SHANDALU, "WEB", "C0101", 1, 1, 1, 1, true));
        c.add(kase("F4", "2024-02", DONGFENG, "PHONE", "C0305", 0, 0, 1, null, true));
        c.add(kase("F5", "2024-02", DONGFENG, "PHONE", "C0305", 0, 0, 0, null, false));
        return c;
    }

    static Dataset<Row> categories() {
        List<Row> rows = new ArrayList<>();
        for (String[] c : new String[][] {
            {"C0101", "供暖", "C01", "城乡建设"}, {"C0201", "噪音污染", "C02", "环境保护"}, {"C0305", "停车管理", "C03", "交通运输"}
        }) {
            rows.add(TestRows.row(
                    WarehouseSchema.DIM_CATEGORY,
                    Map.of(
                            "category_code",
                            c[0],
                            "category_name",
                            c[1],
                            "parent_code",
                            c[2],
                            "parent_name",
                            c[3],
                            "department",
                            "区城市管理局")));
        }
        return spark.createDataFrame(rows, SparkSchemas.of(WarehouseSchema.DIM_CATEGORY));
    }

    static Dataset<Row> streets() {
        return spark.createDataFrame(HotlineFixtures.districtStreets(), SparkSchemas.of(WarehouseSchema.DIM_STREET));
    }

    private static Dataset<Row> dws() {
        return HotlineStatsJob.dimMonth(
                spark.createDataFrame(cases(), SparkSchemas.of(WarehouseSchema.DWD_HOTLINE_CASE)),
                categories(),
                streets(),
                AT);
    }

    private static Row row(List<Row> rows, String month, String dim, String code) {
        return rows.stream()
                .filter(r -> r.getString(0).equals(month)
                        && r.getString(1).equals(dim)
                        && r.getString(2).equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(month + dim + code));
    }

    @Test
    void monthlyMeasuresPerDimension() {
        List<Row> rows = dws().collectAsList();
        Row feb = row(rows, "2024-02", "DISTRICT", "370112");
        assertThat(feb.<String>getAs("dim_name")).isEqualTo("历城区");
        assertThat(List.of(
                        feb.<Integer>getAs("accepted_cnt"),
                        feb.<Integer>getAs("handled_cnt"),
                        feb.<Integer>getAs("replied_cnt"),
                        feb.<Integer>getAs("closed_cnt"),
                        feb.<Integer>getAs("overdue_cnt"),
                        feb.<Integer>getAs("rated_cnt"),
                        feb.<Integer>getAs("satisfied_cnt")))
                .containsExactly(5, 4, 3, 3, 3, 3, 2);
        assertThat(feb.<BigDecimal>getAs("close_rate")).isEqualTo(new BigDecimal("0.6000"));
        assertThat(feb.<BigDecimal>getAs("satisfaction_rate")).isEqualTo(new BigDecimal("0.6667"));
        assertThat(feb.<BigDecimal>getAs("satisfaction_avg")).isEqualTo(new BigDecimal("3.33"));
        assertThat(row(rows, "2024-02", "CHANNEL", "PHONE").<String>getAs("dim_name"))
                .isEqualTo("电话热线");
        assertThat(row(rows, "2024-02", "CHANNEL", "PHONE").<Integer>getAs("accepted_cnt"))
                .isEqualTo(4);
        assertThat(row(rows, "2024-02", "CATEGORY", "C0305").<String>getAs("dim_name"))
                .isEqualTo("停车管理");
        assertThat(row(rows, "2024-02", "CATEGORY_L1", "C01").<String>getAs("dim_name"))
                .isEqualTo("城乡建设");
        assertThat(row(rows, "2024-02", "STREET", DONGFENG).<String>getAs("dim_name"))
                .isEqualTo("东风街道");
        assertThat(row(rows, "2024-02", "DEPARTMENT", "区城管局").<Integer>getAs("accepted_cnt"))
                .isEqualTo(5);
        // no rating: no satisfaction rate, not 0 %
        assertThat(row(rows, "2024-02", "STREET", DONGFENG).<BigDecimal>getAs("satisfaction_rate"))
                .isNull();
        for (String dim : HotlineStatsJob.DIMENSIONS) {
            assertThat(rows.stream()
                            .filter(r -> r.getString(0).equals("2024-02")
                                    && r.getString(1).equals(dim))
                            .mapToInt(r -> r.<Integer>getAs("accepted_cnt"))
                            .sum())
                    .as(dim)
                    .isEqualTo(5);
        }
    }

    @Test
    void monthOnMonthAndYearOnYearComparisons() {
        List<Row> ads = HotlineStatsJob.compare(dws(), List.of("2024-01", "2024-02"), AT)
                .collectAsList();
        Row feb = row(ads, "2024-02", "DISTRICT", "370112");
        assertThat(feb.<Integer>getAs("accepted_prev_month")).isEqualTo(4);
        assertThat(feb.<Integer>getAs("accepted_prev_year")).isEqualTo(2);
        assertThat(feb.<BigDecimal>getAs("accepted_mom")).isEqualTo(new BigDecimal("0.2500"));
        assertThat(feb.<BigDecimal>getAs("accepted_yoy")).isEqualTo(new BigDecimal("1.5000"));
        // close rate 0.6 against 0.5 in January and 1.0 a year before: +0.1 and -0.4
        assertThat(feb.<BigDecimal>getAs("close_rate_mom")).isEqualTo(new BigDecimal("0.1000"));
        assertThat(feb.<BigDecimal>getAs("close_rate_yoy")).isEqualTo(new BigDecimal("-0.4000"));
        assertThat(feb.<BigDecimal>getAs("overdue_mom")).isEqualTo(new BigDecimal("2.0000"));
        assertThat(feb.<BigDecimal>getAs("overdue_yoy")).isNull(); // no overdue case a year before: no base
        // 东风 had no case in January although January is loaded: base 0, growth undefined
        Row dongfeng = row(ads, "2024-02", "STREET", DONGFENG);
        assertThat(dongfeng.<Integer>getAs("accepted_prev_month")).isZero();
        assertThat(dongfeng.<BigDecimal>getAs("accepted_mom")).isNull();
        // January 2023 is not loaded at all: null, not 0
        Row jan = row(ads, "2024-01", "DISTRICT", "370112");
        assertThat(jan.<Integer>getAs("accepted_prev_year")).isNull();
        assertThat(jan.<Integer>getAs("accepted_prev_month")).isNull();
        assertThat(ads).noneMatch(r -> r.getString(0).equals("2023-02"));
    }

    @Test
    void runReadsTheComparisonMonthsButWritesOnlyTheTargets() {
        InMemoryWarehouseIo io = new InMemoryWarehouseIo()
                .with(WarehouseSchema.DWD_HOTLINE_CASE, cases())
                .with(WarehouseSchema.DIM_STREET, HotlineFixtures.districtStreets());
        HotlineStatsJob.Result r = new HotlineStatsJob(
                        io, Clock.fixed(Instant.parse("2024-03-01T02:00:00Z"), ZoneOffset.UTC))
                .run(spark, List.of("2024-02"));
        assertThat(io.written(HotlineStatsJob.DWS))
                .hasSize((int) r.dwsRows())
                .allSatisfy(w -> assertThat(w.getString(0)).isEqualTo("2024-02"));
        Row district = row(io.written(HotlineStatsJob.ADS), "2024-02", "DISTRICT", "370112");
        assertThat(district.getInt(
                        WarehouseSchema.table("ads_hotline_dim_month").position("accepted_prev_year")))
                .isEqualTo(2);
    }

    @Test
    void overdueRankingCoversEveryAreaAndRanksTheMostOverdueFirst() {
        District d = District.licheng();
        List<Row> communities = new ArrayList<>();
        for (Community c : d.communities()) {
            communities.add(TestRows.row(
                    WarehouseSchema.DIM_COMMUNITY,
                    Map.of("community_code", c.code(), "community_name", c.name(), "street_code", c.streetCode())));
        }
        List<Row> grids = new ArrayList<>();
        for (Grid g : d.grids()) {
            grids.add(TestRows.row(
                    WarehouseSchema.DIM_GRID,
                    Map.of(
                            "grid_code",
                            g.code(),
                            "grid_name",
                            g.name(),
                            "community_code",
                            g.communityCode(),
                            "street_code",
                            g.streetCode(),
                            "boundary_wkt",
                            "")));
        }
        Dataset<Row> feb = spark.createDataFrame(cases(), SparkSchemas.of(WarehouseSchema.DWD_HOTLINE_CASE))
                .filter("accept_month = '2024-02'");
        List<Row> ranked = OverdueRankJob.rank(
                        feb,
                        streets(),
                        spark.createDataFrame(communities, SparkSchemas.of(WarehouseSchema.DIM_COMMUNITY)),
                        spark.createDataFrame(grids, SparkSchemas.of(WarehouseSchema.DIM_GRID)),
                        AT)
                .collectAsList();
        List<Row> streets = ranked.stream()
                .filter(r -> r.getString(1).equals("STREET"))
                .sorted(java.util.Comparator.comparing(r -> r.<Integer>getAs("overdue_rank")))
                .toList();
        assertThat(streets).hasSize(16);
        // 山大路: 3 cases, 2 overdue (rate 0.6667); 东风: 2 cases, 1 overdue; everyone else 0
        assertThat(streets.get(0).getString(2)).isEqualTo(SHANDALU);
        assertThat(List.of(
                        streets.get(0).<Integer>getAs("total_cnt"),
                        streets.get(0).<Integer>getAs("done_cnt"),
                        streets.get(0).<Integer>getAs("open_cnt"),
                        streets.get(0).<Integer>getAs("overdue_cnt")))
                .containsExactly(3, 3, 0, 2);
        assertThat(streets.get(0).<BigDecimal>getAs("overdue_rate")).isEqualTo(new BigDecimal("0.6667"));
        assertThat(streets.get(1).getString(2)).isEqualTo(DONGFENG);
        assertThat(streets.get(1).<Integer>getAs("open_cnt")).isEqualTo(2);
        assertThat(streets)
                .extracting(r -> r.<Integer>getAs("overdue_rank"))
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 16).boxed().toList());
        assertThat(ranked.stream()
                        .filter(r -> r.getString(1).equals("COMMUNITY"))
                        .count())
                .isEqualTo(d.communities().size());
        assertThat(ranked.stream().filter(r -> r.getString(1).equals("GRID")).count())
                .isEqualTo(d.grids().size());
        Row community = ranked.stream()
                .filter(r -> r.getString(2).equals(SHANDALU + "001"))
                .findFirst()
                .orElseThrow();
        assertThat(community.<String>getAs("parent_code")).isEqualTo(SHANDALU);
        assertThat(community.<Integer>getAs("overdue_rank")).isEqualTo(1);
    }
}

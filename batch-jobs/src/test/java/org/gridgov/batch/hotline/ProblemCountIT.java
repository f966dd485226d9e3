package org.gridgov.batch.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.batch.HotlineFixtures.HONGJIALOU;
import static org.gridgov.batch.HotlineFixtures.SHANDALU;
import static org.gridgov.batch.HotlineFixtures.repeatCall;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.TestRows;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 受理量 vs 诉求数 on fixed dwd_hotline_case rows (Spark local[2]): counts and the top list by hand. */
class ProblemCountIT {

    private static final Instant NOW = Instant.parse("2024-04-01T02:00:00Z");
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void callsProblemsDuplicateRateAndTheMonthsMostRepeatedProblems() {
        List<Row> calls = List.of(
                // problem P1 (caller a, 0101): the first call and three repeats, one of them from another street
                repeatCall("P1", "2024-03", 2, SHANDALU, "0101", "a", null),
                repeatCall("P1b", "2024-03", 3, SHANDALU, "0101", "a", "P1"),
                repeatCall("P1c", "2024-03", 4, SHANDALU, "0101", "a", "P1"),
                repeatCall("P1d", "2024-03", 5, HONGJIALOU, "0101", "a", "P1"),
                // problem P2 (caller b): first call in February, one repeat in March
                repeatCall("P2", "2024-02", 27, SHANDALU, "0101", "b", null),
                repeatCall("P2b", "2024-03", 1, SHANDALU, "0101", "b", "P2"),
                repeatCall("P2c", "2024-03", 6, SHANDALU, "0101", "b", "P2"),
                // two single calls, another category
                repeatCall("S1", "2024-03", 7, SHANDALU, "0202", "c", null),
                repeatCall("S2", "2024-03", 8, SHANDALU, "0202", null, null));
        InMemoryWarehouseIo io = new InMemoryWarehouseIo()
                .with(WarehouseSchema.DWD_HOTLINE_CASE, calls)
                .with(WarehouseSchema.DIM_STREET, HotlineFixtures.districtStreets())
                .with(
                        WarehouseSchema.DIM_CATEGORY,
                        List.of(TestRows.row(
                                WarehouseSchema.DIM_CATEGORY,
                                Map.of(
                                        "category_code",
                                        "0101",
                                        "category_name",
                                        "路灯",
                                        "parent_code",
                                        "01",
                                        "parent_name",
                                        "市政",
                                        "department",
                                        "区城管局"))));

        ProblemCountJob.Result r =
                new ProblemCountJob(io, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of("2024-03"));

        assertThat(r).isEqualTo(new ProblemCountJob.Result(3, 2));
        Map<String, Row> cells = io.written(AnalyticsTables.ADS_HOTLINE_PROBLEM_MONTH).stream()
                .collect(Collectors.toMap(x -> x.getAs("street_code") + "/" + x.getAs("category_code"), x -> x));
        Row lamps = cells.get(SHANDALU + "/0101");
        // 山大路 路灯 in March: 5 calls (P1, P1b, P1c, P2b, P2c) about 2 problems
        assertThat(lamps.<Integer>getAs("accepted_cnt")).isEqualTo(5);
        assertThat(lamps.<Integer>getAs("problem_cnt")).isEqualTo(2);
        assertThat(lamps.<Integer>getAs("duplicate_cnt")).isEqualTo(3);
        assertThat(lamps.<BigDecimal>getAs("duplicate_rate")).isEqualByComparingTo("0.6000");
        assertThat(lamps.<String>getAs("category_name")).isEqualTo("路灯");
        assertThat(lamps.<String>getAs("street_name")).isEqualTo("山大路街道");
        // P1d alone in 洪家楼: one call, one problem (P1 counts in both streets)
        assertThat(cells.get(HONGJIALOU + "/0101").<Integer>getAs("problem_cnt"))
                .isEqualTo(1);
        Row singles = cells.get(SHANDALU + "/0202");
        assertThat(singles.<Integer>getAs("duplicate_cnt")).isZero();
        assertThat(singles.<String>getAs("category_name"))
                .as("unknown category names itself")
                .isEqualTo("0202");

        List<Row> top = io.written(AnalyticsTables.ADS_HOTLINE_TOP_PROBLEM_MONTH).stream()
                .sorted((a, b) -> a.<Integer>getAs("problem_rank") - b.<Integer>getAs("problem_rank"))
                .toList();
        assertThat(top).extracting(x -> x.<String>getAs("master_case_id")).containsExactly("P1", "P2");
        assertThat(top).extracting(x -> x.<Integer>getAs("call_cnt")).containsExactly(4, 2);
        assertThat(top.get(1).<Timestamp>getAs("first_accept_time"))
                .isEqualTo(Timestamp.valueOf("2024-03-01 09:30:00"));
        assertThat(top.get(0).<String>getAs("street_code")).isEqualTo(SHANDALU);
        assertThat(top.get(0).<Timestamp>getAs("updated_at")).isEqualTo(Timestamp.from(NOW));
    }
}

package org.gridgov.batch.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.TestRows;
import org.gridgov.warehouse.CaseTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Department performance on fixed dwd_case rows (Spark local[2]): percentiles, rates and counts by hand. */
class DepartmentPerformanceIT {

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

    private static Row dwdCase(
            String id,
            String month,
            String department,
            String category,
            Long handleMinutes,
            boolean closed,
            boolean overdue,
            int rejected,
            int supervised) {
        Map<String, Object> v = new HashMap<>();
        CaseTables.DWD_CASE.columnNames().forEach(c -> v.put(c, null));
        Timestamp reported = Timestamp.valueOf(month + "-10 09:00:00");
        v.put("case_id", id);
        v.put("report_date", Date.valueOf(month + "-10"));
        v.put("report_month", month);
        v.put("origin", "case-service");
        v.put("department_code", department);
        v.put("category_code", category);
        v.put("status", closed ? "CLOSED" : "OPEN");
        v.put("reported_time", reported);
        v.put("handle_minutes", handleMinutes);
        v.put("rejected_cnt", rejected);
        v.put("supervised_cnt", supervised);
        v.put("event_cnt", 5);
        v.put("is_self_handled", (byte) (department == null ? 1 : 0));
        v.put("is_dispute", (byte) 0);
        v.put("is_closed", (byte) (closed ? 1 : 0));
        v.put("is_overdue", (byte) (overdue ? 1 : 0));
        v.put("is_merged", (byte) 0);
        v.put("last_event_time", reported);
        return TestRows.row(CaseTables.DWD_CASE, v);
    }

    @Test
    void percentilesRatesAndCountsPerMonthDepartmentAndCategory() {
        List<Row> cases = new ArrayList<>();
        // D01 / C0101 in March: closed in 60, 120, 180, 240, 300 minutes; one late, two 驳回, three 督办; one open
        long[] minutes = {60, 120, 180, 240, 300};
        for (int i = 0; i < minutes.length; i++) {
            cases.add(dwdCase(
                    "A" + i, "2024-03", "D01", "C0101", minutes[i], true, i == 4, i < 2 ? 1 : 0, i == 0 ? 3 : 0));
        }
        cases.add(dwdCase("A9", "2024-03", "D01", "C0101", 30L, false, true, 0, 0));
        // self-handled, closed without a department step
        cases.add(dwdCase("S1", "2024-03", null, "C0101", null, true, false, 0, 0));
        // another month: not asked for
        cases.add(dwdCase("B1", "2024-02", "D01", "C0101", 10L, true, false, 0, 0));
        InMemoryWarehouseIo io = new InMemoryWarehouseIo().with(CaseTables.DWD_CASE, cases);

        long n = new DepartmentPerformanceJob(io, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of("2024-03"));

        assertThat(n).isEqualTo(2);
        Map<String, Row> byDept = io.written(CaseTables.ADS_CASE_DEPARTMENT_MONTH).stream()
                .collect(Collectors.toMap(r -> r.getAs("department_code"), r -> r));
        Row d01 = byDept.get("D01");
        assertThat(d01.<Integer>getAs("case_cnt")).isEqualTo(6);
        assertThat(d01.<Integer>getAs("closed_cnt")).isEqualTo(5);
        // exact percentiles with linear interpolation: p50 = 180, p90 = 240 + 0.6 × 60 = 276
        assertThat(d01.<BigDecimal>getAs("handle_p50_minutes")).isEqualByComparingTo("180.0");
        assertThat(d01.<BigDecimal>getAs("handle_p90_minutes")).isEqualByComparingTo("276.0");
        assertThat(d01.<BigDecimal>getAs("on_time_rate")).isEqualByComparingTo("0.8000");
        assertThat(d01.<BigDecimal>getAs("rejected_rate")).isEqualByComparingTo("0.3333");
        assertThat(d01.<Integer>getAs("supervised_cnt")).isEqualTo(3);
        Row self = byDept.get(DepartmentPerformanceJob.SELF);
        assertThat(self.<Integer>getAs("case_cnt")).isEqualTo(1);
        assertThat(self.<BigDecimal>getAs("handle_p50_minutes")).isNull();
        assertThat(self.<BigDecimal>getAs("on_time_rate")).isEqualByComparingTo("1.0000");
        assertThat(self.<Timestamp>getAs("updated_at")).isEqualTo(Timestamp.from(NOW));
    }
}

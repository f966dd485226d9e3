package org.gridgov.batch.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.HotlineFixtures;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.TestRows;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 响应率, 解决率, 满意率 on fixed dwd_case rows (Spark local[2]), figures by hand. */
class ResponseRateIT {

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
            String department,
            String street,
            Integer respondedOnTime,
            Integer resolvedOnTime,
            String satisfaction,
            String master) {
        Map<String, Object> v = new HashMap<>();
        CaseTables.DWD_CASE.columnNames().forEach(c -> v.put(c, null));
        Timestamp reported = Timestamp.valueOf("2024-03-10 09:00:00");
        v.put("case_id", id);
        v.put("report_date", Date.valueOf("2024-03-10"));
        v.put("report_month", "2024-03");
        v.put("origin", "case-service");
        v.put("department_code", department);
        v.put("street_code", street);
        v.put("status", "OPEN");
        v.put("reported_time", reported);
        v.put("rejected_cnt", 0);
        v.put("supervised_cnt", 0);
        v.put("event_cnt", 3);
        v.put("is_self_handled", (byte) 0);
        v.put("is_dispute", (byte) 0);
        v.put("is_closed", (byte) 0);
        v.put("is_overdue", (byte) 0);
        v.put("responded_on_time", respondedOnTime == null ? null : respondedOnTime.byteValue());
        v.put("resolved_on_time", resolvedOnTime == null ? null : resolvedOnTime.byteValue());
        v.put("satisfaction", satisfaction);
        v.put("master_case_id", master);
        v.put("is_merged", (byte) (master == null ? 0 : 1));
        v.put("last_event_time", reported);
        return TestRows.row(CaseTables.DWD_CASE, v);
    }

    @Test
    void ratesCountOnlyWhatTheyCanJudgeAndLeaveMergedDuplicatesOut() {
        String s1 = HotlineFixtures.SHANDALU;
        List<Row> cases = List.of(
                dwdCase("A", "D01", s1, 1, 1, "SATISFIED", null),
                dwdCase("B", "D01", s1, 0, 1, "BASICALLY_SATISFIED", null),
                dwdCase("C", "D01", s1, 1, 0, "DISSATISFIED", null),
                // not yet due on either deadline, not visited: counted, judged nowhere
                dwdCase("D", "D01", s1, null, null, null, null),
                // a merged duplicate of A: its master is assessed, not it
                dwdCase("E", "D01", s1, 0, 0, "DISSATISFIED", "A"),
                dwdCase("F", null, HotlineFixtures.HONGJIALOU, null, null, null, null));
        InMemoryWarehouseIo io = new InMemoryWarehouseIo()
                .with(CaseTables.DWD_CASE, cases)
                .with(WarehouseSchema.DIM_STREET, HotlineFixtures.districtStreets());

        long n = new ResponseRateJob(io, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of("2024-03"));

        assertThat(n).isEqualTo(4);
        Map<String, Row> rows = io.written(CaseTables.ADS_CASE_RESPONSE_MONTH).stream()
                .collect(Collectors.toMap(r -> r.getAs("dim_type") + "/" + r.getAs("dim_code"), r -> r));
        Row d01 = rows.get("DEPARTMENT/D01");
        assertThat(d01.<Integer>getAs("case_cnt")).isEqualTo(4);
        assertThat(d01.<Integer>getAs("response_due_cnt")).isEqualTo(3);
        assertThat(d01.<Integer>getAs("responded_on_time_cnt")).isEqualTo(2);
        assertThat(d01.<BigDecimal>getAs("response_rate")).isEqualByComparingTo("0.6667");
        assertThat(d01.<BigDecimal>getAs("resolve_rate")).isEqualByComparingTo("0.6667");
        assertThat(d01.<Integer>getAs("visited_cnt")).isEqualTo(3);
        assertThat(d01.<Integer>getAs("satisfied_cnt")).isEqualTo(2);
        assertThat(d01.<BigDecimal>getAs("satisfaction_rate")).isEqualByComparingTo("0.6667");
        assertThat(d01.<String>getAs("dim_name")).isEqualTo("D01");
        Row street = rows.get("STREET/" + s1);
        assertThat(street.<String>getAs("dim_name")).isEqualTo("山大路街道");
        assertThat(street.<Integer>getAs("case_cnt")).isEqualTo(4);
        Row self = rows.get("DEPARTMENT/" + DepartmentPerformanceJob.SELF);
        assertThat(self.<Integer>getAs("case_cnt")).isEqualTo(1);
        assertThat(self.<BigDecimal>getAs("response_rate"))
                .as("nothing to judge")
                .isNull();
        assertThat(self.<BigDecimal>getAs("satisfaction_rate")).isNull();
        assertThat(self.<Timestamp>getAs("updated_at")).isEqualTo(Timestamp.from(NOW));
    }
}

package org.gridgov.batch.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.InMemoryWarehouseIo;
import org.gridgov.batch.LocalSpark;
import org.gridgov.batch.TestRows;
import org.gridgov.warehouse.AssessmentAdsTables;
import org.gridgov.warehouse.AssessmentTables;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly assessment on hand-built rows (Spark local[2]): three workers in two communities of two streets, rule
 * version 1 for February and version 2 (another EVENTS_REPORTED target, ATTENDANCE by THRESHOLD) from March, manual
 * points, and one worker per anomaly, each also carrying a near miss of the other two. Every expected figure is
 * computed by hand in the comments.
 *
 * <p>Workers: A = W001001001 (grid 370112001001001, community 370112001001, street 370112001), B = W001001002 (same
 * community), C = W002001001 (community 370112002001, street 370112002). March 2025 has 21 working days, February
 * 20.
 */
class AssessmentJobIT {

    private static final Instant NOW = Instant.parse("2025-04-01T02:00:00Z");
    private static final String S1 = "370112001";
    private static final String S2 = "370112002";
    private static final String C1 = S1 + "001";
    private static final String C2 = S2 + "001";
    private static final String G_A = C1 + "001";
    private static final String G_B = C1 + "002";
    private static final String G_C = C2 + "001";
    private static final String A = "W001001001";
    private static final String B = "W001001002";
    private static final String C = "W002001001";
    private static SparkSession spark;

    private final List<Row> attendance = new ArrayList<>();
    private final List<Row> patrols = new ArrayList<>();
    private final List<Row> visits = new ArrayList<>();
    private final List<Row> mediations = new ArrayList<>();
    private final List<Row> reports = new ArrayList<>();
    private final List<Row> cases = new ArrayList<>();
    private final List<Row> rules = new ArrayList<>();
    private final List<Row> manual = new ArrayList<>();
    private int seq;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Row row(Table t, Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>();
        t.columnNames().forEach(c -> v.put(c, null));
        v.putAll(values);
        return TestRows.row(t, v);
    }

    private static Timestamp at(String day, int hour) {
        return Timestamp.valueOf(day + String.format(" %02d:00:00", hour));
    }

    private static Map<String, Object> where(String worker, String grid, String community, String street) {
        Map<String, Object> v = new HashMap<>();
        v.put("worker_id", worker);
        v.put("grid_code", grid);
        v.put("community_code", community);
        v.put("street_code", street);
        return v;
    }

    private Map<String, Object> of(String worker) {
        return switch (worker) {
            case A -> where(A, G_A, C1, S1);
            case B -> where(B, G_B, C1, S1);
            case C -> where(C, G_C, C2, S2);
            default -> where(worker, "370112009009009", "370112009009", "370112009");
        };
    }

    /** Check-ins on the first {@code days} working days of the month, the first {@code missing} without check-out. */
    private void attend(String worker, String month, int days, int missing) {
        LocalDate d = LocalDate.parse(month + "-01");
        int n = 0;
        while (n < days) {
            if (d.getDayOfWeek().getValue() <= 5) {
                Map<String, Object> v = of(worker);
                v.put("work_date", Date.valueOf(d));
                v.put("check_in_time", at(d.toString(), 8));
                v.put("check_out_time", n < missing ? null : at(d.toString(), 17));
                v.put("check_in_lat", 36.68);
                v.put("check_in_lon", 117.07);
                v.put("is_missing_checkout", (byte) (n < missing ? 1 : 0));
                v.put("is_off_grid_checkin", (byte) 0);
                attendance.add(row(GridWorkTables.DWD_GRID_ATTENDANCE, v));
                n++;
            }
            d = d.plusDays(1);
        }
    }

    private void patrol(String worker, String day, int distanceM, double coverage, boolean jump) {
        Map<String, Object> v = of(worker);
        v.put("patrol_id", "P" + (++seq));
        v.put("patrol_date", Date.valueOf(day));
        v.put("start_time", at(day, 9));
        v.put("end_time", at(day, 10));
        v.put("duration_min", 60);
        v.put("distance_m", distanceM);
        v.put("point_count", 60);
        v.put("coverage_ratio", coverage);
        v.put("max_speed_kmh", jump ? 300.0 : 6.0);
        v.put("jump_count", jump ? 1 : 0);
        v.put("is_fake_jump", (byte) (jump ? 1 : 0));
        patrols.add(row(GridWorkTables.DWD_GRID_PATROL, v));
    }

    private void visit(String worker, String day, int n) {
        for (int i = 0; i < n; i++) {
            Map<String, Object> v = of(worker);
            v.put("visit_id", "V" + (++seq));
            v.put("visit_date", Date.valueOf(day));
            v.put("person_key", "pk" + seq);
            v.put("visit_time", at(day, 14));
            visits.add(row(GridWorkTables.DWD_GRID_VISIT, v));
        }
    }

    private void mediate(String worker, String day, String outcome) {
        Map<String, Object> v = of(worker);
        v.put("mediation_id", "M" + (++seq));
        v.put("mediation_date", Date.valueOf(day));
        v.put("dispute_type", "NEIGHBOUR");
        v.put("outcome", outcome);
        v.put("mediation_time", at(day, 15));
        mediations.add(row(GridWorkTables.DWD_GRID_MEDIATION, v));
    }

    private void report(String worker, String day, int n, int hiddenDangers) {
        for (int i = 0; i < n; i++) {
            Map<String, Object> v = of(worker);
            v.put("record_id", "R" + (++seq));
            v.put("record_date", Date.valueOf(day));
            v.put("category_code", i < hiddenDangers ? "C1204" : "C0101");
            v.put("is_hidden_danger", (byte) (i < hiddenDangers ? 1 : 0));
            v.put("record_time", at(day, 11));
            reports.add(row(GridWorkTables.DWD_GRID_REPORT, v));
        }
    }

    private void dwdCase(
            String grid,
            String month,
            String department,
            boolean closed,
            boolean overdue,
            int rejected,
            String satisfaction) {
        Map<String, Object> v = new HashMap<>();
        String day = month + "-10";
        v.put("case_id", "SJ" + (++seq));
        v.put("report_date", Date.valueOf(day));
        v.put("report_month", month);
        v.put("origin", "case-service");
        v.put("grid_code", grid);
        v.put("department_code", department);
        v.put("status", closed ? "CLOSED" : "OPEN");
        v.put("reported_time", at(day, 9));
        v.put("rejected_cnt", rejected);
        v.put("supervised_cnt", 0);
        v.put("event_cnt", 4);
        v.put("is_self_handled", (byte) (department == null ? 1 : 0));
        v.put("is_dispute", (byte) 0);
        v.put("is_closed", (byte) (closed ? 1 : 0));
        v.put("is_overdue", (byte) (overdue ? 1 : 0));
        v.put("satisfaction", satisfaction);
        v.put("is_merged", (byte) 0);
        v.put("last_event_time", at(day, 18));
        cases.add(row(CaseTables.DWD_CASE, v));
    }

    private void rule(
            int version,
            String level,
            String item,
            String from,
            String to,
            double weight,
            double target,
            String method) {
        rule(AssessmentRules.DISTRICT, version, level, item, from, to, weight, target, method);
    }

    private void rule(
            String scope,
            int version,
            String level,
            String item,
            String from,
            String to,
            double weight,
            double target,
            String method) {
        Map<String, Object> v = new HashMap<>();
        v.put("rule_version", version);
        v.put("level", level);
        v.put("scope_code", scope);
        v.put("item_code", item);
        v.put("valid_from", Date.valueOf(from));
        v.put("valid_to", to == null ? null : Date.valueOf(to));
        v.put("item_name", AssessmentAdsTables.ITEMS.get(item));
        v.put("weight", weight);
        v.put("target", target);
        v.put("method", method);
        v.put("direction", method.equals("INVERSE_COUNT") ? "越少越好" : "越多越好");
        rules.add(row(AssessmentTables.DIM_ASSESSMENT_RULE, v));
    }

    private void manual(String month, String level, String subject, double points) {
        Map<String, Object> v = new HashMap<>();
        v.put("score_id", "MS" + (++seq));
        v.put("month", month);
        v.put("level", level);
        v.put("subject_code", subject);
        v.put("points", points);
        v.put("reason", "测试加减分");
        v.put("scored_by", "leader1");
        v.put("scored_at", at(month + "-28", 10));
        this.manual.add(row(AssessmentTables.DWD_MANUAL_SCORE, v));
    }

    private static List<Row> dims(Table t, List<Map<String, Object>> rows) {
        return rows.stream().map(v -> row(t, v)).toList();
    }

    /** The district's grid-worker rules, version 1: item, weight, target, method. */
    static final String[][] V1 = {
        {"EVENTS_REPORTED", "10", "10", "RATIO_TO_TARGET"}, {"EVENTS_HANDLED", "10", "4", "RATIO_TO_TARGET"},
        {"HIDDEN_DANGERS", "5", "2", "RATIO_TO_TARGET"}, {"SATISFACTION", "10", "1.0", "RATIO_TO_TARGET"},
        {"ATTENDANCE", "15", "1.0", "RATIO_TO_TARGET"}, {"PATROL_DISTANCE_KM", "10", "40", "RATIO_TO_TARGET"},
        {"PATROL_COVERAGE", "10", "0.8", "RATIO_TO_TARGET"}, {"VISITS", "10", "20", "RATIO_TO_TARGET"},
        {"MEDIATIONS", "5", "2", "THRESHOLD"}, {"OVERDUE_COUNT", "10", "4", "INVERSE_COUNT"},
        {"REJECT_COUNT", "5", "5", "INVERSE_COUNT"}
    };

    /**
     * Version 2 of the district's grid-worker rules (from March) as a scope's version {@code version}: V1 with
     * EVENTS_REPORTED's target {@code reportTarget} and ATTENDANCE by THRESHOLD 0.9.
     */
    private void v2(String scope, int version, String from, String to, double reportTarget) {
        for (String[] r : V1) {
            boolean changed = r[0].equals("EVENTS_REPORTED") || r[0].equals("ATTENDANCE");
            rule(
                    scope,
                    version,
                    "GRID_WORKER",
                    r[0],
                    from,
                    to,
                    Double.parseDouble(r[1]),
                    !changed ? Double.parseDouble(r[2]) : r[0].equals("ATTENDANCE") ? 0.9 : reportTarget,
                    r[0].equals("ATTENDANCE") ? "THRESHOLD" : r[3]);
        }
    }

    @BeforeEach
    void fixtures() {
        // grid workers' rules: version 1 Jan–Feb, version 2 from March (EVENTS_REPORTED target 10 → 20, ATTENDANCE
        // by THRESHOLD 0.9 instead of RATIO_TO_TARGET 1.0); weights sum to 100 in both
        for (String[] r : V1) {
            rule(
                    1,
                    "GRID_WORKER",
                    r[0],
                    "2025-01-01",
                    "2025-02-28",
                    Double.parseDouble(r[1]),
                    Double.parseDouble(r[2]),
                    r[3]);
        }
        v2(AssessmentRules.DISTRICT, 2, "2025-03-01", null, 20);
        rule(1, "COMMUNITY", "VISITS", "2025-01-01", null, 50, 20, "RATIO_TO_TARGET");
        rule(1, "COMMUNITY", "ATTENDANCE", "2025-01-01", null, 50, 1.0, "RATIO_TO_TARGET");
        rule(1, "DEPARTMENT", "EVENTS_HANDLED", "2025-01-01", null, 40, 2, "RATIO_TO_TARGET");
        rule(1, "DEPARTMENT", "OVERDUE_COUNT", "2025-01-01", null, 60, 2, "INVERSE_COUNT");
        // no STREET rule: streets get points NULL, total = manual points

        // A, March: 12 reports (3 hidden dangers); 21 days checked in, 3 without check-out (MISSING_CHECKOUT);
        // 4 patrols of 10 km, coverage 0.5, 0.65, 0.75, 0.1 (one low patrol is no STAYS_IN_ONE_PLACE);
        // 10 visits; mediations RESOLVED, RESOLVED, FAILED; cases of grid A: 3 self-handled closed (SATISFIED,
        // DISSATISFIED, no 回访), one of D01 closed overdue with 2 驳回 (BASICALLY_SATISFIED), one open self-handled
        report(A, "2025-03-05", 12, 3);
        attend(A, "2025-03", 21, 3);
        patrol(A, "2025-03-03", 10_000, 0.5, false);
        patrol(A, "2025-03-04", 10_000, 0.65, false);
        patrol(A, "2025-03-05", 10_000, 0.75, false);
        patrol(A, "2025-03-06", 10_000, 0.1, false);
        visit(A, "2025-03-07", 10);
        mediate(A, "2025-03-10", "RESOLVED");
        mediate(A, "2025-03-11", "RESOLVED");
        mediate(A, "2025-03-12", "FAILED");
        dwdCase(G_A, "2025-03", null, true, false, 0, "SATISFIED");
        dwdCase(G_A, "2025-03", null, true, false, 0, "DISSATISFIED");
        dwdCase(G_A, "2025-03", null, true, false, 0, null);
        dwdCase(G_A, "2025-03", "D01", true, true, 2, "BASICALLY_SATISFIED");
        dwdCase(G_A, "2025-03", null, false, false, 0, null);
        manual("2025-03", "GRID_WORKER", A, 5);
        manual("2025-03", "GRID_WORKER", A, -1.5);
        // A, outside March: a report in February (scored there), a check-in in April (nowhere)
        report(A, "2025-02-28", 1, 0);
        attend(A, "2025-04", 1, 1);

        // B, March: 20 reports; 18 days, 2 without check-out (no flag); patrols 15 km coverage 0.6 and 15 km
        // coverage 0.2 with a 300 km/h segment (FAKE_PATROL_JUMP); 25 visits; RESOLVED, PARTLY; a D02 case in grid B,
        // open, not overdue (a department's, not B's). February: 18 days checked in.
        report(B, "2025-03-12", 20, 0);
        attend(B, "2025-03", 18, 2);
        patrol(B, "2025-03-13", 15_000, 0.6, false);
        patrol(B, "2025-03-14", 15_000, 0.2, true);
        visit(B, "2025-03-18", 25);
        mediate(B, "2025-03-19", "RESOLVED");
        mediate(B, "2025-03-20", "PARTLY");
        dwdCase(G_B, "2025-03", "D02", false, false, 0, null);
        attend(B, "2025-02", 18, 0);

        // C, March: 5 reports (1 hidden danger); 21 days; 3 patrols of 2 km, coverage 0.10, 0.12, 0.14, all below
        // 0.15 (STAYS_IN_ONE_PLACE); no visit or mediation; 2 self-handled closed cases, both SATISFIED, one 驳回 once
        report(C, "2025-03-20", 5, 1);
        attend(C, "2025-03", 21, 0);
        patrol(C, "2025-03-03", 2_000, 0.10, false);
        patrol(C, "2025-03-10", 2_000, 0.12, false);
        patrol(C, "2025-03-17", 2_000, 0.14, false);
        dwdCase(G_C, "2025-03", null, true, false, 1, "SATISFIED");
        dwdCase(G_C, "2025-03", null, true, false, 0, "SATISFIED");
        manual("2025-03", "GRID_WORKER", C, -2);
        manual("2025-03", "COMMUNITY", C1, 1);

        // a worker id that is no grid's: left out and counted
        report("W999999999", "2025-03-21", 2, 0);
    }

    private InMemoryWarehouseIo warehouse() {
        return new InMemoryWarehouseIo()
                .with(
                        WarehouseSchema.DIM_STREET,
                        dims(
                                WarehouseSchema.DIM_STREET,
                                List.of(
                                        Map.of(
                                                "street_code",
                                                S1,
                                                "street_name",
                                                "王舍人街道",
                                                "district_code",
                                                "370112",
                                                "district_name",
                                                "历城区"),
                                        Map.of(
                                                "street_code",
                                                S2,
                                                "street_name",
                                                "洪家楼街道",
                                                "district_code",
                                                "370112",
                                                "district_name",
                                                "历城区"))))
                .with(
                        WarehouseSchema.DIM_COMMUNITY,
                        dims(
                                WarehouseSchema.DIM_COMMUNITY,
                                List.of(
                                        Map.of("community_code", C1, "community_name", "东风社区", "street_code", S1),
                                        Map.of("community_code", C2, "community_name", "七里河社区", "street_code", S2))))
                .with(
                        WarehouseSchema.DIM_GRID,
                        dims(
                                WarehouseSchema.DIM_GRID,
                                List.of(grid(G_A, C1, S1), grid(G_B, C1, S1), grid(G_C, C2, S2))))
                .with(GridWorkTables.DWD_GRID_ATTENDANCE, attendance)
                .with(GridWorkTables.DWD_GRID_PATROL, patrols)
                .with(GridWorkTables.DWD_GRID_VISIT, visits)
                .with(GridWorkTables.DWD_GRID_MEDIATION, mediations)
                .with(GridWorkTables.DWD_GRID_REPORT, reports)
                .with(CaseTables.DWD_CASE, cases)
                .with(AssessmentTables.DIM_ASSESSMENT_RULE, rules)
                .with(AssessmentTables.DWD_MANUAL_SCORE, manual);
    }

    private static Map<String, Object> grid(String code, String community, String street) {
        return Map.of(
                "grid_code",
                code,
                "grid_name",
                code,
                "community_code",
                community,
                "street_code",
                street,
                "boundary_wkt",
                "POLYGON EMPTY");
    }

    private static void points(Row r, String item, String raw, String points) {
        Object actualRaw = r.getAs(AssessmentAdsTables.rawColumn(item));
        if (raw == null) {
            assertThat(actualRaw).as(item + " raw").isNull();
        } else {
            assertThat((Double) actualRaw)
                    .as(item + " raw")
                    .isCloseTo(Double.parseDouble(raw), org.assertj.core.data.Offset.offset(1e-9));
        }
        BigDecimal p = r.getAs(AssessmentAdsTables.pointsColumn(item));
        if (points == null) {
            assertThat(p).as(item + " points").isNull();
        } else {
            assertThat(p).as(item + " points").isEqualByComparingTo(points);
        }
    }

    @Test
    void scoresEachWorkerByTheRulesOfTheMonthWithManualPointsRanksAndFlags() {
        InMemoryWarehouseIo io = warehouse();

        AssessmentJob.Result result =
                new AssessmentJob(io, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of("2025-02", "2025-03"));

        Map<String, Row> mar = byKey(io.written(AssessmentJob.WORKERS), "2025-03", "worker_id");
        assertThat(mar).containsOnlyKeys(A, B, C);
        Row a = mar.get(A);
        assertThat(a.<Integer>getAs("rule_version")).isEqualTo(2);
        assertThat(a.<String>getAs("rule_scope")).isEqualTo(AssessmentRules.DISTRICT);
        assertThat(a.<String>getAs("community_name")).isEqualTo("东风社区");
        assertThat(a.<String>getAs("street_name")).isEqualTo("王舍人街道");
        points(a, "EVENTS_REPORTED", "12", "6.00"); // v2: 10 × 12/20 (v1 would give 10)
        points(a, "EVENTS_HANDLED", "3", "7.50"); // 10 × 3/4: self-handled and closed only
        points(a, "HIDDEN_DANGERS", "3", "5.00"); // 5 × min(1, 3/2)
        points(a, "SATISFACTION", String.valueOf(2.0 / 3), "6.67"); // 2 satisfied of 3 回访 (基本满意 counts)
        points(a, "ATTENDANCE", "1", "15.00"); // 21/21 ≥ 0.9
        points(a, "PATROL_DISTANCE_KM", "40", "10.00"); // 4 × 10 km
        points(a, "PATROL_COVERAGE", "0.5", "6.25"); // (0.5+0.65+0.75+0.1)/4 = 0.5; 10 × 0.5/0.8
        points(a, "VISITS", "10", "5.00");
        points(a, "MEDIATIONS", "2", "5.00"); // 2 RESOLVED ≥ 2
        points(a, "OVERDUE_COUNT", "1", "7.50"); // 10 × (1 − 1/4)
        points(a, "REJECT_COUNT", "2", "3.00"); // 5 × (1 − 2/5)
        assertThat(a.<BigDecimal>getAs("manual_points")).isEqualByComparingTo("3.50");
        // 6 + 7.5 + 5 + 6.67 + 15 + 10 + 6.25 + 5 + 5 + 7.5 + 3 = 76.92, + 3.5
        assertThat(a.<BigDecimal>getAs("total_score")).isEqualByComparingTo("80.42");
        assertThat(a.<String>getAs("anomaly_flags")).isEqualTo("MISSING_CHECKOUT");

        Row b = mar.get(B);
        points(b, "EVENTS_REPORTED", "20", "10.00");
        points(b, "EVENTS_HANDLED", "0", "0.00");
        points(b, "HIDDEN_DANGERS", "0", "0.00");
        points(b, "SATISFACTION", null, "0.00"); // no 回访 in grid B: no value, no points
        points(b, "ATTENDANCE", String.valueOf(18.0 / 21), "0.00"); // 0.857 < 0.9 (v1 would give 12.86)
        points(b, "PATROL_DISTANCE_KM", "30", "7.50");
        points(b, "PATROL_COVERAGE", "0.4", "5.00");
        points(b, "VISITS", "25", "10.00");
        points(b, "MEDIATIONS", "1", "0.00"); // PARTLY does not count
        points(b, "OVERDUE_COUNT", "0", "10.00"); // D02's open case is the department's
        points(b, "REJECT_COUNT", "0", "5.00");
        assertThat(b.<BigDecimal>getAs("manual_points")).isEqualByComparingTo("0.00");
        assertThat(b.<BigDecimal>getAs("total_score")).isEqualByComparingTo("47.50");
        assertThat(b.<String>getAs("anomaly_flags")).isEqualTo("FAKE_PATROL_JUMP");

        Row c = mar.get(C);
        points(c, "EVENTS_REPORTED", "5", "2.50");
        points(c, "EVENTS_HANDLED", "2", "5.00");
        points(c, "HIDDEN_DANGERS", "1", "2.50");
        points(c, "SATISFACTION", "1", "10.00");
        points(c, "ATTENDANCE", "1", "15.00");
        points(c, "PATROL_DISTANCE_KM", "6", "1.50");
        points(c, "PATROL_COVERAGE", "0.12", "1.50");
        points(c, "VISITS", "0", "0.00");
        points(c, "MEDIATIONS", "0", "0.00");
        points(c, "OVERDUE_COUNT", "0", "10.00");
        points(c, "REJECT_COUNT", "1", "4.00");
        // 2.5 + 5 + 2.5 + 10 + 15 + 1.5 + 1.5 + 0 + 0 + 10 + 4 = 52, − 2
        assertThat(c.<BigDecimal>getAs("total_score")).isEqualByComparingTo("50.00");
        assertThat(c.<String>getAs("anomaly_flags")).isEqualTo("STAYS_IN_ONE_PLACE");

        assertThat(List.of(a, c, b)).extracting(r -> r.<Integer>getAs("rank")).containsExactly(1, 2, 3);

        // February: rule version 1, and only February's records
        Map<String, Row> feb = byKey(io.written(AssessmentJob.WORKERS), "2025-02", "worker_id");
        assertThat(feb.get(A).<Integer>getAs("rule_version")).isEqualTo(1);
        points(feb.get(A), "EVENTS_REPORTED", "1", "1.00"); // v1: 10 × 1/10
        points(feb.get(A), "ATTENDANCE", "0", "0.00");
        // 1 + overdue 10 + reject 5
        assertThat(feb.get(A).<BigDecimal>getAs("total_score")).isEqualByComparingTo("16.00");
        points(feb.get(B), "ATTENDANCE", "0.9", "13.50"); // v1: 15 × 18/20
        assertThat(feb.get(B).<BigDecimal>getAs("total_score")).isEqualByComparingTo("28.50");
        assertThat(feb.get(C).<BigDecimal>getAs("total_score")).isEqualByComparingTo("15.00");
        assertThat(List.of(feb.get(B), feb.get(A), feb.get(C)))
                .extracting(r -> r.<Integer>getAs("rank"))
                .containsExactly(1, 2, 3);
        assertThat(feb.values())
                .allSatisfy(r -> assertThat(r.<String>getAs("anomaly_flags")).isNull());

        assertThat(result.workerRows()).isEqualTo(6);
        assertThat(result.flaggedWorkers()).isEqualTo(3);
        assertThat(result.strayWorkers()).isEqualTo(1);
        assertThat(result.unknownRuleItems()).isEmpty();
        assertThat(io.written(AssessmentJob.WORKERS))
                .allSatisfy(r -> assertThat(r.<Timestamp>getAs("updated_at")).isEqualTo(Timestamp.from(NOW)));
    }

    @Test
    void unitsAreScoredFromTheirWorkersAndDepartmentsFromTheirCases() {
        InMemoryWarehouseIo io = warehouse();

        AssessmentJob.Result result =
                new AssessmentJob(io, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of("2025-03"));

        List<Row> units = io.written(AssessmentJob.UNITS);
        Map<String, Row> communities = byLevel(units, "COMMUNITY");
        Row c1 = communities.get(C1);
        assertThat(c1.<String>getAs("unit_name")).isEqualTo("东风社区");
        assertThat(c1.<String>getAs("street_code")).isEqualTo(S1);
        assertThat(c1.<Integer>getAs("worker_cnt")).isEqualTo(2);
        assertThat(c1.<Integer>getAs("flagged_worker_cnt")).isEqualTo(2);
        assertThat(c1.<Integer>getAs("rule_version")).isEqualTo(1);
        points(c1, "VISITS", "17.5", "43.75"); // (10 + 25) / 2 workers; 50 × 17.5/20
        points(c1, "ATTENDANCE", String.valueOf(39.0 / 42), "46.43"); // (21 + 18) / (2 × 21)
        points(c1, "SATISFACTION", String.valueOf(2.0 / 3), null); // pooled 回访; no community rule for it
        points(c1, "EVENTS_REPORTED", "16", null); // (12 + 20) / 2
        assertThat(c1.<BigDecimal>getAs("manual_points")).isEqualByComparingTo("1.00");
        assertThat(c1.<BigDecimal>getAs("total_score")).isEqualByComparingTo("91.18");
        assertThat(c1.<Integer>getAs("rank")).isEqualTo(1);
        Row c2 = communities.get(C2);
        points(c2, "VISITS", "0", "0.00");
        points(c2, "ATTENDANCE", "1", "50.00");
        assertThat(c2.<BigDecimal>getAs("total_score")).isEqualByComparingTo("50.00");
        assertThat(c2.<Integer>getAs("rank")).isEqualTo(2);
        assertThat(c2.<Integer>getAs("flagged_worker_cnt")).isEqualTo(1);

        Map<String, Row> streets = byLevel(units, "STREET");
        assertThat(streets).containsOnlyKeys(S1, S2);
        assertThat(streets.get(S1).<String>getAs("unit_name")).isEqualTo("王舍人街道");
        assertThat(streets.get(S1).<Integer>getAs("rule_version")).isNull();
        points(streets.get(S1), "PATROL_DISTANCE_KM", "35", null); // (40 + 30) / 2
        assertThat(streets.values()).allSatisfy(r -> {
            assertThat(r.<BigDecimal>getAs("total_score")).isEqualByComparingTo("0.00");
            assertThat(r.<Integer>getAs("rank")).isEqualTo(1); // a tie ranks both first
        });

        Map<String, Row> departments = byLevel(units, "DEPARTMENT");
        assertThat(departments).containsOnlyKeys("D01", "D02");
        Row d01 = departments.get("D01");
        points(d01, "EVENTS_HANDLED", "1", "20.00"); // 40 × 1/2
        points(d01, "OVERDUE_COUNT", "1", "30.00"); // 60 × (1 − 1/2)
        points(d01, "SATISFACTION", "1", null); // 基本满意
        points(d01, "REJECT_COUNT", "2", null);
        points(d01, "VISITS", null, null); // no such thing for a department
        assertThat(d01.<Integer>getAs("worker_cnt")).isNull();
        assertThat(d01.<BigDecimal>getAs("total_score")).isEqualByComparingTo("50.00");
        Row d02 = departments.get("D02");
        points(d02, "EVENTS_HANDLED", "0", "0.00");
        points(d02, "OVERDUE_COUNT", "0", "60.00");
        assertThat(List.of(d02, d01)).extracting(r -> r.<Integer>getAs("rank")).containsExactly(1, 2);
        assertThat(result.unitRows()).isEqualTo(6);
    }

    /**
     * 分级考核: street S2's own grid-worker rules from March (the district's version 2 with EVENTS_REPORTED's target 5
     * instead of 20) score C alone; S1's own rules held in January only (withdrawn from February), so A and B keep
     * the district's; S1's own community rules from March (VISITS alone, 100 points, target 35) score C1 and not C2;
     * a street's row for the STREET level (which only the district sets) is ignored.
     */
    @Test
    void aStreetsOwnRulesScoreOnlyItsSubjectsInTheMonthsTheyHold() {
        v2(S2, 1, "2025-03-01", null, 5);
        v2(S1, 1, "2025-01-01", "2025-01-31", 1);
        rule(S1, 1, "COMMUNITY", "VISITS", "2025-03-01", null, 100, 35, "RATIO_TO_TARGET");
        rule(S1, 1, "STREET", "VISITS", "2025-01-01", null, 100, 1, "THRESHOLD");
        InMemoryWarehouseIo io = warehouse();

        new AssessmentJob(io, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of("2025-02", "2025-03"));

        Map<String, Row> mar = byKey(io.written(AssessmentJob.WORKERS), "2025-03", "worker_id");
        // A and B: exactly the district's figures of the first test
        assertThat(mar.get(A).<String>getAs("rule_scope")).isEqualTo(AssessmentRules.DISTRICT);
        assertThat(mar.get(A).<Integer>getAs("rule_version")).isEqualTo(2);
        points(mar.get(A), "EVENTS_REPORTED", "12", "6.00");
        assertThat(mar.get(A).<BigDecimal>getAs("total_score")).isEqualByComparingTo("80.42");
        assertThat(mar.get(B).<String>getAs("rule_scope")).isEqualTo(AssessmentRules.DISTRICT);
        assertThat(mar.get(B).<BigDecimal>getAs("total_score")).isEqualByComparingTo("47.50");
        // C: S2's version 1; only EVENTS_REPORTED differs: 10 × min(1, 5/5) = 10 instead of 2.5
        Row c = mar.get(C);
        assertThat(c.<String>getAs("rule_scope")).isEqualTo(S2);
        assertThat(c.<Integer>getAs("rule_version")).isEqualTo(1);
        points(c, "EVENTS_REPORTED", "5", "10.00");
        points(c, "ATTENDANCE", "1", "15.00");
        points(c, "REJECT_COUNT", "1", "4.00");
        // 52 − 2.5 + 10 = 59.5, − 2 manual
        assertThat(c.<BigDecimal>getAs("total_score")).isEqualByComparingTo("57.50");
        assertThat(List.of(mar.get(A), c, mar.get(B)))
                .extracting(r -> r.<Integer>getAs("rank"))
                .containsExactly(1, 2, 3);

        // February: S2's rules have not begun and S1's were withdrawn: the district's version 1 for everyone
        Map<String, Row> feb = byKey(io.written(AssessmentJob.WORKERS), "2025-02", "worker_id");
        assertThat(feb.values()).allSatisfy(r -> {
            assertThat(r.<String>getAs("rule_scope")).isEqualTo(AssessmentRules.DISTRICT);
            assertThat(r.<Integer>getAs("rule_version")).isEqualTo(1);
        });
        assertThat(feb.get(A).<BigDecimal>getAs("total_score")).isEqualByComparingTo("16.00");
        assertThat(feb.get(C).<BigDecimal>getAs("total_score")).isEqualByComparingTo("15.00");

        List<Row> units = io.written(AssessmentJob.UNITS).stream()
                .filter(r -> "2025-03".equals(r.getAs("month")))
                .toList();
        Map<String, Row> communities = byLevel(units, "COMMUNITY");
        Row c1 = communities.get(C1);
        assertThat(c1.<String>getAs("rule_scope")).isEqualTo(S1);
        points(c1, "VISITS", "17.5", "50.00"); // 100 × 17.5/35
        points(c1, "ATTENDANCE", String.valueOf(39.0 / 42), null); // not in S1's community rules
        assertThat(c1.<BigDecimal>getAs("total_score")).isEqualByComparingTo("51.00");
        Row c2 = communities.get(C2);
        assertThat(c2.<String>getAs("rule_scope")).isEqualTo(AssessmentRules.DISTRICT);
        assertThat(c2.<BigDecimal>getAs("total_score")).isEqualByComparingTo("50.00");
        assertThat(byLevel(units, "STREET").values()).allSatisfy(r -> {
            assertThat(r.<Integer>getAs("rule_version")).isNull();
            assertThat(r.<String>getAs("rule_scope")).isNull();
        });
        assertThat(byLevel(units, "DEPARTMENT").get("D01").<String>getAs("rule_scope"))
                .isEqualTo(AssessmentRules.DISTRICT);
    }

    @Test
    void withoutRulesEveryWorkerIsStillAssessedOnManualPointsAlone() {
        rules.clear();
        InMemoryWarehouseIo io = warehouse();

        new AssessmentJob(io, Clock.fixed(NOW, ZoneOffset.UTC)).run(spark, List.of("2025-03"));

        Map<String, Row> mar = byKey(io.written(AssessmentJob.WORKERS), "2025-03", "worker_id");
        assertThat(mar.get(A).<Integer>getAs("rule_version")).isNull();
        points(mar.get(A), "VISITS", "10", null);
        assertThat(mar.get(A).<BigDecimal>getAs("total_score")).isEqualByComparingTo("3.50");
        assertThat(mar.get(B).<BigDecimal>getAs("total_score")).isEqualByComparingTo("0.00");
        assertThat(mar.get(C).<BigDecimal>getAs("total_score")).isEqualByComparingTo("-2.00");
        assertThat(List.of(mar.get(A), mar.get(B), mar.get(C)))
                .extracting(r -> r.<Integer>getAs("rank"))
                .containsExactly(1, 2, 3);
    }

    private static Map<String, Row> byKey(List<Row> rows, String month, String key) {
        return rows.stream()
                .filter(r -> month.equals(r.getAs("month")))
                .collect(Collectors.toMap(r -> r.<String>getAs(key), Function.identity()));
    }

    private static Map<String, Row> byLevel(List<Row> rows, String level) {
        return rows.stream()
                .filter(r -> level.equals(r.getAs("level")))
                .collect(Collectors.toMap(r -> r.<String>getAs("unit_code"), Function.identity()));
    }
}

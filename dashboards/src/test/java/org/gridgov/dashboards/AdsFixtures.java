package org.gridgov.dashboards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.warehouse.AlertTables;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.AssessmentAdsTables;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.Column;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * A few rows in every ADS table the dashboards chart: two months, two streets, and the dimension, scope and area
 * values the charts filter on. Columns a row does not name get a plain value of their type, so the fixture keeps up
 * with columns added to the catalogue.
 */
final class AdsFixtures {

    static final List<String> MONTHS = List.of("2024-01", "2024-02");
    static final Map<String, String> STREETS = Map.of("370112001", "王舍人街道", "370112002", "洪家楼街道");

    private final Map<Table, List<TableRow>> rows = new LinkedHashMap<>();

    private AdsFixtures() {}

    static void load(Connection c) throws SQLException {
        AdsFixtures f = new AdsFixtures();
        f.build();
        JdbcUpserter upserter = new JdbcUpserter(SqlDialect.MYSQL);
        for (Map.Entry<Table, List<TableRow>> e : f.rows.entrySet()) {
            upserter.upsert(c, e.getKey(), e.getValue());
        }
    }

    private void build() {
        for (String m : MONTHS) {
            dims(m, "DISTRICT", Map.of("370112", "历城区"));
            dims(m, "CHANNEL", Map.of("PHONE", "电话", "WECHAT", "微信"));
            dims(m, "CATEGORY_L1", Map.of("CJ", "城乡建设", "HB", "环境保护"));
            dims(m, "DEPARTMENT", Map.of("区城管局", "区城管局", "区住建局", "区住建局"));
            dims(m, "STREET", STREETS);
            STREETS.forEach((code, name) -> {
                add(
                        WarehouseSchema.ADS_HOTLINE_STREET_MONTH,
                        m,
                        Map.of(
                                "street_code",
                                code,
                                "street_name",
                                name,
                                "accepted_cnt",
                                120,
                                "closed_cnt",
                                100,
                                "close_rate",
                                "0.8333"));
                add(
                        AnalyticsTables.ADS_PETITION_STREET_MONTH,
                        m,
                        Map.of(
                                "street_code",
                                code,
                                "street_name",
                                name,
                                "petition_cnt",
                                9,
                                "person_cnt",
                                7,
                                "prev_month_cnt",
                                8));
                add(
                        AnalyticsTables.ADS_ARREARS_STREET_MONTH,
                        m,
                        Map.of("street_code", code, "street_name", name, "amount_yuan", "1250000.00"));
                area(m, "STREET", code, name, null);
                add(
                        AnalyticsTables.ADS_HOTLINE_PROBLEM_MONTH,
                        m,
                        Map.of(
                                "street_code",
                                code,
                                "street_name",
                                name,
                                "category_code",
                                "C0101",
                                "category_name",
                                "供暖",
                                "accepted_cnt",
                                40,
                                "problem_cnt",
                                31,
                                "duplicate_cnt",
                                9,
                                "duplicate_rate",
                                "0.2250"));
                area(m, "COMMUNITY", code + "001", name.replace("街道", "社区"), code);
                area(m, "GRID", code + "001001", name.replace("街道", "第一网格"), code + "001");
                assessment(m, code, name);
            });
            int rank = 1;
            for (String[] p :
                    List.of(new String[] {"红", "78.0"}, new String[] {"橙", "45.0"}, new String[] {"蓝", "6.0"})) {
                add(
                        AnalyticsTables.ADS_PERSON_RISK_MONTH,
                        m,
                        Map.of(
                                "person_key",
                                "pk" + rank,
                                "name_masked",
                                "张*" + rank,
                                "risk_level",
                                p[0],
                                "risk_score",
                                p[1],
                                "risk_rank",
                                rank));
                rank++;
            }
            scope(AnalyticsTables.ADS_HOT_WORD_MONTH, m, "DISTRICT", "370112", "历城区", List.of("供暖", "积水", "噪音"));
            scope(AnalyticsTables.ADS_HOT_WORD_MONTH, m, "STREET", "370112001", "王舍人街道", List.of("供暖", "停车"));
            scope(AnalyticsTables.ADS_RISING_WORD_MONTH, m, "DISTRICT", "370112", "历城区", List.of("电动车充电", "高空抛物"));
            add(
                    AnalyticsTables.ADS_OPINION_RISK_MONTH,
                    m,
                    Map.of(
                            "scope_type",
                            "DISTRICT",
                            "scope_code",
                            "370112",
                            "scope_name",
                            "历城区",
                            "risk_share",
                            0.04,
                            "is_flagged",
                            0));
            add(
                    AnalyticsTables.ADS_OPINION_RISK_MONTH,
                    m,
                    Map.of(
                            "scope_type",
                            "STREET",
                            "scope_code",
                            "370112001",
                            "scope_name",
                            "王舍人街道",
                            "risk_share",
                            0.12,
                            "is_flagged",
                            1));
            add(
                    AnalyticsTables.ADS_ARREARS_KEY_CASE,
                    m,
                    Map.of(
                            "case_id",
                            "QQ-" + m + "-1",
                            "company_name",
                            "某建筑劳务公司",
                            "street_code",
                            "370112001",
                            "street_name",
                            "王舍人街道",
                            "worker_count",
                            45,
                            "status",
                            "OPEN",
                            "reasons",
                            "涉及人数过多"));
            add(AnalyticsTables.ADS_ARREARS_COMPANY_MONTH, m, Map.of("company_name", "某建筑劳务公司"));
            for (String department : List.of("D01", "D02")) {
                add(
                        CaseTables.ADS_CASE_RESPONSE_MONTH,
                        m,
                        Map.of(
                                "dim_type",
                                "DEPARTMENT",
                                "dim_code",
                                department,
                                "dim_name",
                                department,
                                "case_cnt",
                                12,
                                "response_due_cnt",
                                10,
                                "responded_on_time_cnt",
                                9,
                                "resolve_due_cnt",
                                8,
                                "resolved_on_time_cnt",
                                7,
                                "visited_cnt",
                                6,
                                "satisfied_cnt",
                                5));
            }
            add(
                    AnalyticsTables.ADS_HOTLINE_TOP_PROBLEM_MONTH,
                    m,
                    Map.of(
                            "problem_rank",
                            1,
                            "master_case_id",
                            "RX" + m.replace("-", "") + "01-0000001",
                            "category_name",
                            "供暖",
                            "street_code",
                            "370112001",
                            "street_name",
                            "王舍人街道",
                            "call_cnt",
                            4));
        }
        add(
                AlertTables.ADS_ALERT_EVENT,
                null,
                Map.of("alert_id", "a1", "rule", "repeat_petition", "level", "RED", "level_label", "红"));
        add(
                AlertTables.ADS_ALERT_EVENT,
                null,
                Map.of("alert_id", "a2", "rule", "case_overdue", "level", "YELLOW", "level_label", "黄"));
    }

    /** 监督考核 (issue 16): two workers, their community and street, and a department, in a month. */
    private void assessment(String month, String street, String streetName) {
        String community = street + "001";
        String communityName = streetName.replace("街道", "社区");
        for (int i = 1; i <= 2; i++) {
            Map<String, Object> v = new HashMap<>(Map.of(
                    "month",
                    month,
                    "worker_id",
                    "W" + street.substring(6) + "00100" + i,
                    "grid_code",
                    community + "00" + i,
                    "community_code",
                    community,
                    "community_name",
                    communityName,
                    "street_code",
                    street,
                    "street_name",
                    streetName,
                    "total_score",
                    i == 1 ? "86.50" : "61.25",
                    "rank",
                    i));
            v.put("anomaly_flags", i == 1 ? null : "MISSING_CHECKOUT");
            add(AssessmentAdsTables.ADS_GRID_WORKER_ASSESSMENT, null, v);
        }
        add(
                AssessmentAdsTables.ADS_UNIT_ASSESSMENT,
                null,
                Map.of(
                        "month",
                        month,
                        "level",
                        "COMMUNITY",
                        "unit_code",
                        community,
                        "unit_name",
                        communityName,
                        "street_code",
                        street,
                        "street_name",
                        streetName,
                        "worker_cnt",
                        2,
                        "flagged_worker_cnt",
                        1,
                        "total_score",
                        "73.88",
                        "rank",
                        1));
        add(
                AssessmentAdsTables.ADS_UNIT_ASSESSMENT,
                null,
                Map.of(
                        "month",
                        month,
                        "level",
                        "STREET",
                        "unit_code",
                        street,
                        "unit_name",
                        streetName,
                        "street_code",
                        street,
                        "street_name",
                        streetName,
                        "worker_cnt",
                        2,
                        "flagged_worker_cnt",
                        1,
                        "total_score",
                        "73.88",
                        "rank",
                        1));
        Map<String, Object> d = new HashMap<>(Map.of(
                "month",
                month,
                "level",
                "DEPARTMENT",
                "unit_code",
                "D" + street.substring(6),
                "unit_name",
                "D" + street.substring(6),
                "total_score",
                "70.00",
                "rank",
                1));
        d.put("street_code", null);
        d.put("street_name", null);
        d.put("worker_cnt", null);
        d.put("flagged_worker_cnt", null);
        add(AssessmentAdsTables.ADS_UNIT_ASSESSMENT, null, d);
    }

    private void dims(String month, String type, Map<String, String> codes) {
        codes.forEach((code, name) -> add(
                AnalyticsTables.ADS_HOTLINE_DIM_MONTH,
                month,
                Map.of(
                        "dim_type",
                        type,
                        "dim_code",
                        code,
                        "dim_name",
                        name,
                        "accepted_cnt",
                        200,
                        "accepted_prev_month",
                        180,
                        "accepted_prev_year",
                        160)));
    }

    private void area(String month, String level, String code, String name, String parent) {
        Map<String, Object> v = new HashMap<>(Map.of("area_level", level, "area_code", code, "area_name", name));
        v.put("parent_code", parent);
        add(AnalyticsTables.ADS_OVERDUE_RANK_MONTH, month, v);
    }

    private void scope(Table table, String month, String type, String code, String name, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            add(
                    table,
                    month,
                    Map.of(
                            "scope_type",
                            type,
                            "scope_code",
                            code,
                            "scope_name",
                            name,
                            "word_rank",
                            i + 1,
                            "word",
                            words.get(i)));
        }
    }

    private void add(Table table, String month, Map<String, ?> values) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            v.put(c.name(), plain(c));
        }
        if (month != null) {
            v.put("stat_month", month);
        }
        v.putAll(values);
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(table.row(v));
    }

    private static Object plain(Column c) {
        return switch (c.type().kind()) {
            case VARCHAR, TEXT -> c.name();
            case TINYINT -> 0;
            case INT, BIGINT -> 12;
            case DOUBLE -> 1.5;
            case DECIMAL -> "0.25";
            case DATE -> "2024-01-10";
            case DATETIME -> "2024-02-01 02:00:00";
        };
    }
}

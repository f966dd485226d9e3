package org.gridgov.cases.web;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.Grid;

/**
 * Scored persons and where their records are, for the map's 风险 layer: person i has level LEVELS[i % 4] and a 12345
 * call in grid i % grids and, for every third person, a grid visit in the next grid too. {@link #expected} counts per
 * grid from these rules alone — the persons scored 红 or 橙 of the latest month, each once per grid — not with the
 * service's SQL. Only its own persons are scored, so records of others in the shared tables count for nothing.
 */
public final class RiskFixture {

    public static final String MONTH = "2024-06";
    static final String OLDER = "2024-05";
    static final String[] LEVELS = {"红", "橙", "黄", "蓝"};
    static final String CALL_PREFIX = "RX-RISK-";
    static final String VISIT_PREFIX = "GV-RISK-";

    private RiskFixture() {}

    public static void seed(Connection c, List<Grid> grids, int persons) throws SQLException {
        try (Statement s = c.createStatement()) {
            // the scores are the fixture's alone (the layer reads the latest month, and only scored persons count,
            // so other tests' records in the shared source tables never enter the count); of the source tables it
            // removes only its own rows, by their ids, so other tests' data stays
            s.execute("DELETE FROM ads_person_risk_month");
            s.execute("DELETE FROM dwd_hotline_case WHERE case_id LIKE '" + CALL_PREFIX + "%'");
            s.execute("DELETE FROM ods_grid_record WHERE record_id LIKE '" + VISIT_PREFIX + "%'");
        }
        LocalDateTime t = LocalDateTime.of(2024, 6, 10, 9, 0);
        try (PreparedStatement risk = c.prepareStatement("INSERT INTO ads_person_risk_month (stat_month, person_key,"
                        + " risk_score, risk_level, risk_rank, petition_cnt, repeat_petition_cnt, recent_petition_cnt,"
                        + " group_petition_cnt, hotline_cnt, repeat_call_cnt, police_cnt, conflict_police_cnt, arrears_cnt,"
                        + " key_arrears_cnt, source_cnt, last_event_time, top_factors, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, ?, '12345 +10', ?)");
                PreparedStatement call = c.prepareStatement(
                        "INSERT INTO dwd_hotline_case (case_id, accept_date,"
                                + " accept_month, street_code, community_code, grid_code, channel, category_code, category_l1_code,"
                                + " caller_key, accept_time, status, is_replied, is_closed, is_overdue, is_duplicate, content)"
                                + " VALUES (?, ?, '2024-06', ?, ?, ?, 'PHONE', 'C0101', 'C01', ?, ?, 'CLOSED', 1, 1, 0, 0, '测试')");
                PreparedStatement visit = c.prepareStatement("INSERT INTO ods_grid_record (record_id, record_date,"
                        + " schema_version, kind, grid_code, worker_id, person_key, content, latitude, longitude,"
                        + " record_time) VALUES (?, ?, 1, 'VISIT', ?, 'W1', ?, '走访', 36.7, 117.1, ?)")) {
            for (int i = 0; i < persons; i++) {
                String key = "risk-person-" + i;
                for (String month : new String[] {OLDER, MONTH}) {
                    risk.setString(1, month);
                    risk.setString(2, key);
                    // the older month scores everyone 红: only the latest month may count
                    risk.setBigDecimal(3, BigDecimal.valueOf(month.equals(MONTH) ? 90 - i : 99));
                    risk.setString(4, month.equals(MONTH) ? LEVELS[i % 4] : "红");
                    risk.setInt(5, i + 1);
                    risk.setObject(6, t);
                    risk.setObject(7, t);
                    risk.addBatch();
                }
                Grid g = grids.get(i % grids.size());
                call.setString(1, CALL_PREFIX + i);
                call.setObject(2, LocalDate.of(2024, 6, 10));
                call.setString(3, g.streetCode());
                call.setString(4, g.communityCode());
                call.setString(5, g.code());
                call.setString(6, key);
                call.setObject(7, t);
                call.addBatch();
                // a second call in the same grid: a person counts once per grid
                call.setString(1, CALL_PREFIX + i + "-b");
                call.addBatch();
                if (i % 3 == 0) {
                    Grid next = grids.get((i + 1) % grids.size());
                    visit.setString(1, VISIT_PREFIX + i);
                    visit.setObject(2, LocalDate.of(2024, 6, 11));
                    visit.setString(3, next.code());
                    visit.setString(4, key);
                    visit.setObject(5, t);
                    visit.addBatch();
                }
            }
            risk.executeBatch();
            call.executeBatch();
            visit.executeBatch();
        }
    }

    /** 红 + 橙 persons per grid code, as {@link #seed} placed them. */
    public static Map<String, Integer> expected(List<Grid> grids, int persons) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < persons; i++) {
            if (i % 4 > 1) {
                continue;
            }
            out.merge(grids.get(i % grids.size()).code(), 1, Integer::sum);
            if (i % 3 == 0) {
                String next = grids.get((i + 1) % grids.size()).code();
                if (!next.equals(grids.get(i % grids.size()).code())) {
                    out.merge(next, 1, Integer::sum);
                }
            }
        }
        return out;
    }
}

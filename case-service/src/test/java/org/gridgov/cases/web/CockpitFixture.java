package org.gridgov.cases.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Street;

/**
 * Plausible ADS rows for the cockpit: two months for all 16 streets (12345 by street and district, petitions, hot
 * words), level-1 categories, person risk levels and three stored alerts. Every figure is derived from the street's
 * index, so a test can compute what the page must show.
 */
final class CockpitFixture {

    static final String PREVIOUS = "2024-05";
    static final String LATEST = "2024-06";
    static final String STREET = "370112001";
    static final List<String> DISTRICT_WORDS = List.of("供暖", "噪音", "停车", "物业", "拖欠工资", "垃圾", "路灯", "漏水", "占道经营", "油烟");
    static final List<String> STREET_WORDS = List.of("校园周边", "夜市", "道路施工");
    static final List<String> CATEGORY_L1 = List.of("C01", "C02", "C03", "C04", "C05", "C06");
    /** risk level → persons in the latest month */
    static final int[] RISK_COUNTS = {2, 4, 6, 8};

    static final List<String> STORED_ALERTS = List.of("ck-wh-1", "ck-wh-2", "ck-wh-3");
    static final String[] TABLES = {
        "ads_hotline_dim_month",
        "ads_hotline_street_month",
        "ads_petition_street_month",
        "ads_hot_word_month",
        "ads_alert_event",
        "ads_person_risk_month"
    };

    private CockpitFixture() {}

    static int accepted(int street, int month) {
        return 200 + 37 * street + 15 * month;
    }

    static int closed(int street, int month) {
        return accepted(street, month) * 9 / 10;
    }

    static int overdue(int street, int month) {
        return 3 + street % 5 + month;
    }

    static int petitions(int street, int month) {
        return 10 + street + 2 * month;
    }

    static int districtAccepted(int month) {
        int sum = 0;
        for (int i = 0; i < streets().size(); i++) {
            sum += accepted(i, month);
        }
        return sum;
    }

    static List<Street> streets() {
        return District.licheng().streets();
    }

    static void clear(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("DELETE FROM " + t);
            }
        }
    }

    static void seed(Connection c) throws SQLException {
        clear(c);
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String[] months = {PREVIOUS, LATEST};
        try (PreparedStatement dim = c.prepareStatement("INSERT INTO ads_hotline_dim_month (stat_month, dim_type,"
                        + " dim_code, dim_name, accepted_cnt, handled_cnt, replied_cnt, closed_cnt, close_rate, overdue_cnt,"
                        + " satisfaction_rate, accepted_prev_month, accepted_mom, close_rate_mom, overdue_mom, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement street = c.prepareStatement("INSERT INTO ads_hotline_street_month (stat_month,"
                        + " street_code, street_name, accepted_cnt, replied_cnt, closed_cnt, overdue_cnt, close_rate,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement petition = c.prepareStatement(
                        "INSERT INTO ads_petition_street_month (stat_month,"
                                + " street_code, street_name, petition_cnt, person_cnt, repeat_person_cnt, group_petition_cnt,"
                                + " visit_cnt, prev_month_cnt, petition_mom, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int m = 0; m < months.length; m++) {
                int accepted = 0;
                int closed = 0;
                int overdue = 0;
                for (int i = 0; i < streets().size(); i++) {
                    Street s = streets().get(i);
                    accepted += accepted(i, m);
                    closed += closed(i, m);
                    overdue += overdue(i, m);
                    dimRow(
                            dim,
                            months[m],
                            "STREET",
                            s.code(),
                            s.name(),
                            accepted(i, m),
                            closed(i, m),
                            overdue(i, m),
                            m == 0 ? null : accepted(i, 0),
                            now);
                    street.setString(1, months[m]);
                    street.setString(2, s.code());
                    street.setString(3, s.name());
                    street.setInt(4, accepted(i, m));
                    street.setInt(5, accepted(i, m) - 5);
                    street.setInt(6, closed(i, m));
                    street.setInt(7, overdue(i, m));
                    street.setBigDecimal(8, rate(closed(i, m), accepted(i, m)));
                    street.setObject(9, now);
                    street.addBatch();
                    petition.setString(1, months[m]);
                    petition.setString(2, s.code());
                    petition.setString(3, s.name());
                    petition.setInt(4, petitions(i, m));
                    petition.setInt(5, petitions(i, m) - 3);
                    petition.setInt(6, 2);
                    petition.setInt(7, i % 3);
                    petition.setInt(8, petitions(i, m) / 2);
                    petition.setObject(9, m == 0 ? null : petitions(i, 0));
                    petition.setBigDecimal(
                            10, m == 0 ? null : rate(petitions(i, 1) - petitions(i, 0), petitions(i, 0)));
                    petition.setObject(11, now);
                    petition.addBatch();
                }
                dimRow(
                        dim,
                        months[m],
                        "DISTRICT",
                        District.CODE,
                        District.NAME,
                        accepted,
                        closed,
                        overdue,
                        m == 0 ? null : districtAccepted(0),
                        now);
                for (int k = 0; k < CATEGORY_L1.size(); k++) {
                    int n = 600 - 80 * k + 10 * m;
                    dimRow(
                            dim,
                            months[m],
                            "CATEGORY_L1",
                            CATEGORY_L1.get(k),
                            l1Name(CATEGORY_L1.get(k)),
                            n,
                            n * 9 / 10,
                            k,
                            null,
                            now);
                }
            }
            dim.executeBatch();
            street.executeBatch();
            petition.executeBatch();
        }
        try (PreparedStatement w = c.prepareStatement("INSERT INTO ads_hot_word_month (stat_month, scope_type,"
                + " scope_code, word_rank, scope_name, word, weight, doc_cnt, scope_doc_cnt, prev_doc_cnt, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String month : months) {
                for (int r = 0; r < DISTRICT_WORDS.size(); r++) {
                    word(w, month, "DISTRICT", District.CODE, District.NAME, r, DISTRICT_WORDS.get(r), now);
                }
                for (int r = 0; r < STREET_WORDS.size(); r++) {
                    word(w, month, "STREET", STREET, "山大路街道", r, STREET_WORDS.get(r), now);
                }
            }
            w.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ads_person_risk_month (stat_month, person_key,"
                + " name_masked, id_card_masked, risk_score, risk_level, risk_rank, petition_cnt, repeat_petition_cnt,"
                + " recent_petition_cnt, group_petition_cnt, hotline_cnt, repeat_call_cnt, police_cnt,"
                + " conflict_police_cnt, arrears_cnt, key_arrears_cnt, source_cnt, last_event_time, top_factors,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            String[] levels = {"红", "橙", "黄", "蓝"};
            int rank = 0;
            for (int l = 0; l < levels.length; l++) {
                for (int k = 0; k < RISK_COUNTS[l]; k++) {
                    rank++;
                    p.setString(1, LATEST);
                    p.setString(2, "pk-" + rank);
                    p.setString(3, "张*");
                    p.setString(4, "370112********" + String.format("%04d", rank));
                    p.setBigDecimal(5, BigDecimal.valueOf(95 - 4 * rank));
                    p.setString(6, levels[l]);
                    p.setInt(7, rank);
                    for (int col = 8; col <= 18; col++) {
                        p.setInt(col, col % 3);
                    }
                    p.setObject(19, now.minusDays(rank));
                    p.setString(20, "重复信访 +30");
                    p.setObject(21, now);
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
        try (PreparedStatement a = c.prepareStatement("INSERT INTO ads_alert_event (alert_id, rule, level,"
                + " level_label, subject_type, subject_key, evidence_ids, evidence_count, message, event_time,"
                + " last_evidence_time, version) VALUES (?, ?, ?, ?, 'PERSON', ?, ?, 1, ?, ?, ?, 1)")) {
            String[][] rows = {
                {"repeat_petition", "RED", "红", "同一人 30 天内第 4 次信访"},
                {"group_petition", "ORANGE", "橙", "7 人就同一企业集体来访"},
                {"case_overdue", "YELLOW", "黄", "事件超过办结时限 2 天"}
            };
            for (int k = 0; k < rows.length; k++) {
                a.setString(1, STORED_ALERTS.get(k));
                a.setString(2, rows[k][0]);
                a.setString(3, rows[k][1]);
                a.setString(4, rows[k][2]);
                a.setString(5, "pk-" + (k + 1));
                a.setString(6, "XF-" + k);
                a.setString(7, rows[k][3]);
                a.setObject(8, now.minusHours(k + 1));
                a.setObject(9, now.minusHours(k + 1));
                a.addBatch();
            }
            a.executeBatch();
        }
        // the first stored alert's evidence is a petition made in 山大路街道, so the cockpit can place that alert
        var anchor = org.gridgov.common.district.District.licheng()
                .grid(LOCATED_GRID)
                .orElseThrow()
                .anchor();
        try (PreparedStatement p = c.prepareStatement("REPLACE INTO ods_petition (petition_id, petition_date,"
                + " schema_version, person_key, form, category_code, content, group_size, latitude, longitude,"
                + " petition_time) VALUES ('XF-0', ?, 1, 'pk-1', 'VISIT', 'C0401', '讨要工资', 1, ?, ?, ?)")) {
            p.setObject(1, now.toLocalDate());
            p.setDouble(2, anchor.getY());
            p.setDouble(3, anchor.getX());
            p.setObject(4, now.minusHours(1));
            p.executeUpdate();
        }
    }

    /** Where the evidence of {@code STORED_ALERTS.get(0)} was located. */
    static final String LOCATED_GRID = "37011200100101";

    private static void dimRow(
            PreparedStatement p,
            String month,
            String type,
            String code,
            String name,
            int accepted,
            int closed,
            int overdue,
            Integer prevAccepted,
            LocalDateTime now)
            throws SQLException {
        p.setString(1, month);
        p.setString(2, type);
        p.setString(3, code);
        p.setString(4, name);
        p.setInt(5, accepted);
        p.setInt(6, accepted - 10);
        p.setInt(7, accepted - 5);
        p.setInt(8, closed);
        p.setBigDecimal(9, rate(closed, accepted));
        p.setInt(10, overdue);
        p.setBigDecimal(11, new BigDecimal("0.9130"));
        p.setObject(12, prevAccepted);
        p.setBigDecimal(13, prevAccepted == null ? null : rate(accepted - prevAccepted, prevAccepted));
        p.setBigDecimal(14, prevAccepted == null ? null : new BigDecimal("0.0120"));
        p.setBigDecimal(15, prevAccepted == null ? null : new BigDecimal("-0.0500"));
        p.setObject(16, now);
        p.addBatch();
    }

    private static void word(
            PreparedStatement p,
            String month,
            String scopeType,
            String scopeCode,
            String scopeName,
            int rank,
            String word,
            LocalDateTime now)
            throws SQLException {
        p.setString(1, month);
        p.setString(2, scopeType);
        p.setString(3, scopeCode);
        p.setInt(4, rank + 1);
        p.setString(5, scopeName);
        p.setString(6, word);
        p.setDouble(7, 120.0 - 9.5 * rank);
        p.setInt(8, 80 - 5 * rank);
        p.setInt(9, 1000);
        p.setObject(10, 70 - 5 * rank);
        p.setObject(11, now);
        p.addBatch();
    }

    private static BigDecimal rate(int part, int whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static String l1Name(String code) {
        return org.gridgov.common.district.CategoryCatalog.standard().all().stream()
                .filter(c -> c.parentCode().equals(code))
                .findFirst()
                .orElseThrow()
                .parentName();
    }
}

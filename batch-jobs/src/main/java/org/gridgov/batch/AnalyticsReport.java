package org.gridgov.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.district.District;
import org.gridgov.common.job.JobEntryPoint;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * What a leader reads first after the analytics ran, from the ADS tables over plain JDBC (no Spark): the month's
 * district hot words and rising words, flagged opinion risks, the top red/orange persons (masked) with their factors,
 * the arrears key cases, and the grid workers' assessment (top and bottom five, streets, anomalies). The demo prints
 * it after {@link AnalyticsJobs}; {@link #lines} can also be called
 * in-process with a connection.
 */
public final class AnalyticsReport {

    private AnalyticsReport() {}

    /** The report of {@code month} (null: the latest month with hot words). */
    public static List<String> lines(Connection c, String month, int top) throws SQLException {
        String m = month != null ? StatMonth.require(month) : latestMonth(c);
        List<String> out = new ArrayList<>();
        if (m == null) {
            out.add("no analytics results in the warehouse yet");
            return out;
        }
        out.add("== " + m + " 热词 (" + District.NAME + ", TF-IDF) ==");
        out.add("  "
                + String.join(
                        "  ",
                        strings(
                                c,
                                "SELECT CONCAT(word, '(', doc_cnt, ')') FROM ads_hot_word_month "
                                        + "WHERE stat_month = ? AND scope_type = 'DISTRICT' AND word_rank <= ? ORDER BY word_rank",
                                m,
                                top)));
        List<String> rising = strings(
                c,
                "SELECT CONCAT(word, '(', prev_doc_cnt, '→', doc_cnt, ')') "
                        + "FROM ads_rising_word_month WHERE stat_month = ? AND scope_type = 'DISTRICT' AND word_rank <= ? "
                        + "ORDER BY word_rank",
                m,
                top);
        out.add("== " + m + " 上升词 (环比上月, 对数似然) ==");
        out.add("  " + (rising.isEmpty() ? "(无: 上月无数据或无显著上升)" : String.join("  ", rising)));
        List<String> flagged = strings(
                c,
                "SELECT CONCAT(scope_name, ' 风险文本 ', risk_doc_cnt, '/', doc_cnt, "
                        + "' (上月 ', COALESCE(prev_risk_doc_cnt, 0), '/', COALESCE(prev_doc_cnt, 0), ') ', "
                        + "COALESCE(top_terms, '')) FROM ads_opinion_risk_month WHERE stat_month = ? AND is_flagged = 1 "
                        + "ORDER BY llr DESC LIMIT ?",
                m,
                top);
        out.add("== " + m + " 舆情风险 ==");
        out.add("  " + (flagged.isEmpty() ? "(无突增)" : String.join("\n  ", flagged)));
        out.add("== " + m + " 重点人员 (月末风险分, 已脱敏) ==");
        out.add("  "
                + String.join(
                        "\n  ",
                        strings(
                                c,
                                "SELECT CONCAT(risk_rank, '. ', risk_level, ' ', risk_score, "
                                        + "' ', COALESCE(name_masked, '-'), ' ', COALESCE(id_card_masked, '-'), ' ', top_factors) "
                                        + "FROM ads_person_risk_month WHERE stat_month = ? AND risk_rank <= ? ORDER BY risk_rank",
                                m,
                                top)));
        // the level distribution, with each level's share: levels are calibrated to the population (红 stays rare)
        out.add("  "
                + String.join(
                        "  ",
                        strings(
                                c,
                                "SELECT CONCAT(risk_level, ' ', COUNT(*), ' (', "
                                        + "ROUND(100 * COUNT(*) / (SELECT COUNT(*) FROM ads_person_risk_month WHERE stat_month = ?), 2), "
                                        + "' %)') FROM ads_person_risk_month WHERE stat_month = ? GROUP BY risk_level ORDER BY CASE risk_level "
                                        + "WHEN '红' THEN 1 WHEN '橙' THEN 2 WHEN '黄' THEN 3 ELSE 4 END",
                                m,
                                m)));
        out.add("== " + m + " 清欠重点案件 ==");
        out.add("  "
                + String.join(
                        "  ",
                        strings(
                                c,
                                "SELECT CONCAT(reasons, ' ', COUNT(*)) FROM ads_arrears_key_case "
                                        + "WHERE stat_month = ? GROUP BY reasons ORDER BY COUNT(*) DESC",
                                m)));
        out.add("  "
                + String.join(
                        "\n  ",
                        strings(
                                c,
                                "SELECT CONCAT(case_id, ' ', company_name, ' ', street_name, "
                                        + "' ', worker_count, '人 ', amount_yuan, '元 ', status, ' ', reasons) FROM ads_arrears_key_case "
                                        + "WHERE stat_month = ? ORDER BY amount_yuan DESC, case_id LIMIT ?",
                                m,
                                top)));
        out.addAll(assessment(c, m));
        return out;
    }

    /** Workers shown at each end of the month's assessment ranking. */
    public static final int ASSESSMENT_ENDS = 5;

    /**
     * 监督考核 of the month (issue 16): the rule version, the top and bottom {@link #ASSESSMENT_ENDS} grid workers, the
     * streets' ranking and every worker flagged with an anomaly. {@code month} and {@code rank} are quoted: the
     * contract's column names, and RANK is a reserved word in MySQL 8.
     */
    public static List<String> assessment(Connection c, String month) throws SQLException {
        String m = StatMonth.require(month);
        List<String> out = new ArrayList<>();
        String worker = "SELECT CONCAT(`rank`, '. ', worker_id, ' ', street_name, ' ', community_name, ' ', "
                + "total_score, '分', COALESCE(CONCAT(' 异常 ', anomaly_flags), '')) FROM ads_grid_worker_assessment "
                + "WHERE `month` = ? ";
        List<String> top = strings(c, worker + "ORDER BY `rank`, worker_id LIMIT ?", m, ASSESSMENT_ENDS);
        out.add("== " + m + " 网格员考核 前" + ASSESSMENT_ENDS + " ==");
        if (top.isEmpty()) {
            out.add("  (无考核结果)");
            return out;
        }
        // the district's version, and how many workers their street's own rules scored (rule_scope, issue 16)
        String street = "SUM(CASE WHEN rule_scope <> ? THEN 1 ELSE 0 END)";
        List<String> versions = strings(
                c,
                "SELECT CONCAT('规则版本 ', COALESCE(CONCAT('区级第 ', CAST(MAX(CASE WHEN"
                        + " rule_scope IS NULL OR rule_scope = ? THEN rule_version END) AS CHAR), ' 版'),"
                        + " '区级无 (当月无有效区级考核规则, 只计手工分)'), CASE WHEN " + street + " > 0 THEN CONCAT(' (', "
                        + street + ", ' 名按本街道规则)') ELSE '' END, ', ', COUNT(*), ' 名网格员') FROM"
                        + " ads_grid_worker_assessment WHERE `month` = ?",
                District.CODE,
                District.CODE,
                District.CODE,
                m);
        out.add("  " + String.join("", versions));
        top.forEach(l -> out.add("  " + l));
        List<String> bottom = new ArrayList<>(
                strings(c, worker + "ORDER BY `rank` DESC, worker_id DESC LIMIT ?", m, ASSESSMENT_ENDS));
        java.util.Collections.reverse(bottom);
        out.add("== " + m + " 网格员考核 后" + ASSESSMENT_ENDS + " ==");
        bottom.forEach(l -> out.add("  " + l));
        out.add("== " + m + " 街道考核 ==");
        out.add("  "
                + String.join(
                        "  ",
                        strings(
                                c,
                                "SELECT CONCAT(`rank`, '. ', unit_name, ' ', total_score) "
                                        + "FROM ads_unit_assessment WHERE `month` = ? AND level = 'STREET' ORDER BY `rank`, unit_code",
                                m)));
        List<String> flagged = strings(
                c,
                "SELECT CONCAT(worker_id, ' ', street_name, ' ', community_name, ' ', "
                        + "anomaly_flags) FROM ads_grid_worker_assessment WHERE `month` = ? AND anomaly_flags IS NOT NULL "
                        + "ORDER BY worker_id",
                m);
        out.add("== " + m + " 考核异常 (" + flagged.size() + " 名网格员) ==");
        out.add("  " + (flagged.isEmpty() ? "(无)" : String.join("\n  ", flagged)));
        return out;
    }

    static String latestMonth(Connection c) throws SQLException {
        List<String> m = strings(c, "SELECT MAX(stat_month) FROM ads_hot_word_month");
        return m.isEmpty() ? null : m.get(0);
    }

    private static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Prints the report of --batch.month (empty: the latest month) to stdout, {@code report.top-n} rows a section.
     * Same warehouse options as the jobs; the analytics keys are accepted too, so one argument list serves the jobs
     * and their report. Exits 1 with the reason on stderr when the warehouse cannot be read.
     */
    public static void main(String[] args) {
        try {
            GridgovConfig config = GridgovConfig.fromArgs(
                    args, JobEntryPoint.optionsOf(BatchJob.ANALYTICS_REPORT.options(), AnalyticsOptions.ALL));
            String month = StatMonth.parseOptional(config.get(GridgovOptions.STAT_MONTH));
            try (Connection c = WarehouseSettings.from(config).open()) {
                lines(c, month, config.get(AnalyticsOptions.REPORT_TOP_N)).forEach(System.out::println);
            }
        } catch (Exception e) {
            System.err.println("analytics report failed: " + e.getMessage());
            System.exit(1);
        }
    }
}

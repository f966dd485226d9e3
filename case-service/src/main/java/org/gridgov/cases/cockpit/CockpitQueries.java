package org.gridgov.cases.cockpit;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.cockpit.CockpitView.AlertRow;
import org.gridgov.cases.cockpit.CockpitView.HotWord;
import org.gridgov.cases.cockpit.CockpitView.Kpis;
import org.gridgov.cases.cockpit.CockpitView.Panel;
import org.gridgov.cases.cockpit.CockpitView.Slice;
import org.gridgov.cases.cockpit.CockpitView.StreetBar;
import org.gridgov.cases.cockpit.CockpitView.TrendPoint;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.inbox.AlertLocator;
import org.gridgov.cases.inbox.LiveAlert;
import org.gridgov.cases.inbox.WarehouseReader;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.District;
import org.gridgov.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The cockpit's figures, read from the warehouse ADS tables and cut to the user's area ({@link CockpitScope}). Each
 * panel shows the latest month its table holds for that area. Tables without a street column (categories, person
 * risk, stored alerts) are shown to district users only; street users get a note instead of district figures.
 * Plain single-table SELECTs, so the same SQL runs on Doris and on the local MariaDB.
 */
@Component
public class CockpitQueries {

    private static final Logger LOG = LoggerFactory.getLogger(CockpitQueries.class);
    static final int TREND_MONTHS = 12;
    static final int HOT_WORDS = 20;
    static final int LATEST_ALERTS = 20;
    /** Person risk levels as the warehouse labels them, most severe first. */
    static final List<String> RISK_LEVELS = List.of("红", "橙", "黄", "蓝");

    private final WarehouseReader warehouse;
    private final AlertInbox inbox;
    private final AlertLocator locator;
    private final AreaDirectory areas;

    public CockpitQueries(WarehouseReader warehouse, AlertInbox inbox, AlertLocator locator, AreaDirectory areas) {
        this.locator = locator;
        this.warehouse = warehouse;
        this.inbox = inbox;
        this.areas = areas;
    }

    public CockpitView view(Staff staff) {
        CockpitScope scope = CockpitScope.of(staff);
        String areaName =
                areas.name(scope.district() ? District.CODE : scope.street() ? scope.streetCode() : staff.scopeCode());
        if (scope.level() == CockpitScope.Level.NONE) {
            return CockpitView.nothing(
                    CockpitView.OUT_OF_SCOPE,
                    "驾驶舱统计最细到街道，本账号辖区为「" + areaName + "」，没有可单独查看的统计；请在事件查询中查看本辖区事件。",
                    areaName);
        }
        if (!warehouse.available()) {
            return CockpitView.nothing(
                    CockpitView.NOT_CONFIGURED, "未配置数据仓库（gridgov.case.warehouse-url），驾驶舱暂无数据。", areaName);
        }
        try {
            Kpis kpis = kpis(scope);
            Panel<TrendPoint> trend = trend(scope);
            Panel<Slice> categories = scope.district() ? categories() : Panel.hidden("分类统计没有街道维度，仅区级账号可见。");
            Panel<StreetBar> streets = streets(scope);
            Panel<HotWord> hotWords = hotWords(scope);
            Panel<Slice> personRisk = scope.district() ? personRisk() : Panel.hidden("人员风险评分没有街道字段，仅区级账号可见。");
            boolean noStatistics = kpis == null
                    && trend.rows().isEmpty()
                    && streets.rows().isEmpty()
                    && hotWords.rows().isEmpty()
                    && isEmpty(categories)
                    && isEmpty(personRisk);
            if (noStatistics) {
                return CockpitView.nothing(
                        CockpitView.EMPTY, "数据仓库中暂无「" + areaName + "」的统计数据（ADS 表为空），请先运行月度统计作业。", areaName);
            }
            return new CockpitView(
                    CockpitView.OK,
                    null,
                    areaName,
                    kpis,
                    trend,
                    categories,
                    streets,
                    hotWords,
                    alerts(staff, scope),
                    personRisk);
        } catch (DataAccessException e) {
            LOG.warn("cockpit query failed for {}: {}", staff.username(), e.toString());
            return CockpitView.nothing(CockpitView.UNAVAILABLE, "数据仓库暂时无法访问，请稍后刷新。", areaName);
        }
    }

    private static boolean isEmpty(Panel<?> p) {
        return p.rows() == null || p.rows().isEmpty();
    }

    // ---------------------------------------------------------------- 12345 by district or street

    /** DISTRICT rows for a district user, the user's STREET row otherwise. */
    private static String dimWhere(CockpitScope scope) {
        return scope.district() ? "dim_type = 'DISTRICT'" : "dim_type = 'STREET' AND dim_code = ?";
    }

    private static Object[] dimArgs(CockpitScope scope, Object... more) {
        List<Object> args = new ArrayList<>();
        if (scope.street()) {
            args.add(scope.streetCode());
        }
        Collections.addAll(args, more);
        return args.toArray();
    }

    Kpis kpis(CockpitScope scope) {
        String month = latestMonth("ads_hotline_dim_month", dimWhere(scope), dimArgs(scope));
        if (month == null) {
            return null;
        }
        Map<String, Object> r = warehouse
                .query(
                        "SELECT * FROM ads_hotline_dim_month WHERE " + dimWhere(scope) + " AND stat_month = ? LIMIT 1",
                        dimArgs(scope, month))
                .get(0);
        Integer petitions = null;
        Double petitionMom = null;
        List<Map<String, Object>> p = warehouse.query(
                "SELECT SUM(petition_cnt) AS cnt, SUM(prev_month_cnt) AS prev,"
                        + " COUNT(prev_month_cnt) AS with_prev, COUNT(*) AS n FROM ads_petition_street_month"
                        + " WHERE stat_month = ?" + (scope.street() ? " AND street_code = ?" : ""),
                scope.street() ? new Object[] {month, scope.streetCode()} : new Object[] {month});
        if (!p.isEmpty() && intOf(p.get(0).get("n")) > 0) {
            petitions = intOf(p.get(0).get("cnt"));
            int prev = intOf(p.get(0).get("prev"));
            // 环比 only when every street had a previous month, else the base would be partial
            if (intOf(p.get(0).get("with_prev")) == intOf(p.get(0).get("n")) && prev > 0) {
                petitionMom = (petitions - prev) / (double) prev;
            }
        }
        return new Kpis(
                month,
                intOf(r.get("accepted_cnt")),
                intOf(r.get("handled_cnt")),
                intOf(r.get("closed_cnt")),
                intOf(r.get("overdue_cnt")),
                doubleOf(r.get("close_rate")),
                doubleOf(r.get("satisfaction_rate")),
                doubleOf(r.get("accepted_mom")),
                doubleOf(r.get("accepted_yoy")),
                doubleOf(r.get("close_rate_mom")),
                doubleOf(r.get("overdue_mom")),
                petitions,
                petitionMom);
    }

    Panel<TrendPoint> trend(CockpitScope scope) {
        List<TrendPoint> points = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT stat_month, accepted_cnt, closed_cnt, overdue_cnt" + " FROM ads_hotline_dim_month WHERE "
                        + dimWhere(scope) + " ORDER BY stat_month DESC LIMIT ?",
                dimArgs(scope, TREND_MONTHS))) {
            points.add(new TrendPoint(
                    (String) r.get("stat_month"),
                    intOf(r.get("accepted_cnt")),
                    intOf(r.get("closed_cnt")),
                    intOf(r.get("overdue_cnt"))));
        }
        Collections.reverse(points);
        return Panel.of(points.isEmpty() ? null : points.get(points.size() - 1).month(), points);
    }

    Panel<Slice> categories() {
        String month = latestMonth("ads_hotline_dim_month", "dim_type = 'CATEGORY_L1'");
        if (month == null) {
            return Panel.of(null, List.of());
        }
        List<Slice> slices = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT dim_code, dim_name, accepted_cnt FROM ads_hotline_dim_month"
                        + " WHERE dim_type = 'CATEGORY_L1' AND stat_month = ? ORDER BY accepted_cnt DESC, dim_code",
                month)) {
            slices.add(new Slice((String) r.get("dim_code"), (String) r.get("dim_name"), intOf(r.get("accepted_cnt"))));
        }
        return Panel.of(month, slices);
    }

    /** 12345 per street, with the same month's petitions beside it; a street user gets their own street only. */
    Panel<StreetBar> streets(CockpitScope scope) {
        String where = scope.street() ? "street_code = ?" : "1 = 1";
        Object[] args = scope.street() ? new Object[] {scope.streetCode()} : new Object[0];
        String month = latestMonth("ads_hotline_street_month", where, args);
        if (month == null) {
            return Panel.of(null, List.of());
        }
        Object[] monthArgs = scope.street() ? new Object[] {scope.streetCode(), month} : new Object[] {month};
        Map<String, Integer> petitions = new HashMap<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT street_code, petition_cnt FROM ads_petition_street_month" + " WHERE " + where
                        + " AND stat_month = ?",
                monthArgs)) {
            petitions.put((String) r.get("street_code"), intOf(r.get("petition_cnt")));
        }
        List<StreetBar> bars = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT * FROM ads_hotline_street_month WHERE " + where
                        + " AND stat_month = ? ORDER BY accepted_cnt DESC, street_code",
                monthArgs)) {
            String code = (String) r.get("street_code");
            bars.add(new StreetBar(
                    code,
                    (String) r.get("street_name"),
                    intOf(r.get("accepted_cnt")),
                    intOf(r.get("closed_cnt")),
                    intOf(r.get("overdue_cnt")),
                    orZero(doubleOf(r.get("close_rate"))),
                    petitions.getOrDefault(code, 0)));
        }
        return Panel.of(month, bars);
    }

    Panel<HotWord> hotWords(CockpitScope scope) {
        String where = scope.district() ? "scope_type = 'DISTRICT'" : "scope_type = 'STREET' AND scope_code = ?";
        String month = latestMonth("ads_hot_word_month", where, dimArgs(scope));
        if (month == null) {
            return Panel.of(null, List.of());
        }
        List<HotWord> words = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT word, weight, doc_cnt FROM ads_hot_word_month WHERE " + where
                        + " AND stat_month = ? ORDER BY word_rank LIMIT ?",
                dimArgs(scope, month, HOT_WORDS))) {
            words.add(new HotWord((String) r.get("word"), orZero(doubleOf(r.get("weight"))), intOf(r.get("doc_cnt"))));
        }
        return Panel.of(month, words);
    }

    Panel<Slice> personRisk() {
        String month = latestMonth("ads_person_risk_month", "1 = 1");
        if (month == null) {
            return Panel.of(null, List.of());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        RISK_LEVELS.forEach(l -> counts.put(l, 0));
        for (Map<String, Object> r : warehouse.query(
                "SELECT risk_level, COUNT(*) AS n FROM ads_person_risk_month"
                        + " WHERE stat_month = ? GROUP BY risk_level",
                month)) {
            counts.merge((String) r.get("risk_level"), intOf(r.get("n")), Integer::sum);
        }
        List<Slice> slices = new ArrayList<>();
        counts.forEach((level, n) -> slices.add(new Slice(level, level + "色", n)));
        boolean anyone = slices.stream().anyMatch(s -> s.value() > 0);
        return Panel.of(month, anyone ? slices : List.of());
    }

    // ---------------------------------------------------------------- alerts

    /** Stored alerts read to find a street user's latest ones among the district's. */
    static final int STORED_ALERTS_SCANNED = 200;

    /**
     * Alerts are for the inbox roles only: the live ones the inbox located, merged with the stored ones, each located
     * from its case or its latest evidence record ({@link AlertLocator}). District users see all; street users see
     * those located in their street (an alert that cannot be located is district-wide).
     */
    Panel<AlertRow> alerts(Staff staff, CockpitScope scope) {
        if (!AlertInbox.mayRead(staff)) {
            return Panel.hidden("预警仅限领导、指挥中心、网格中心查看。");
        }
        Map<String, AlertRow> byId = new LinkedHashMap<>();
        for (LiveAlert a : inbox.recentFor(staff)) {
            byId.put(
                    a.alertId(),
                    new AlertRow(
                            a.alertId(),
                            a.rule(),
                            a.level(),
                            a.levelLabel(),
                            a.message(),
                            time(a.eventTime()),
                            a.areaName()));
        }
        int kept = 0;
        for (Map<String, Object> r : warehouse.query(
                "SELECT alert_id, rule, level, level_label, message, event_time,"
                        + " subject_key, evidence_ids FROM ads_alert_event ORDER BY event_time DESC LIMIT ?",
                scope.district() ? LATEST_ALERTS : STORED_ALERTS_SCANNED)) {
            if (kept == LATEST_ALERTS || byId.containsKey((String) r.get("alert_id"))) {
                continue;
            }
            String evidence = (String) r.get("evidence_ids");
            Optional<String> grid = locator.gridOf(
                    (String) r.get("subject_key"),
                    evidence == null || evidence.isBlank() ? List.of() : Arrays.asList(evidence.split(",")));
            if (!scope.district() && (grid.isEmpty() || !staff.covers(grid.get()))) {
                continue;
            }
            byId.put(
                    (String) r.get("alert_id"),
                    new AlertRow(
                            (String) r.get("alert_id"),
                            (String) r.get("rule"),
                            (String) r.get("level"),
                            (String) r.get("level_label"),
                            (String) r.get("message"),
                            time(r.get("event_time")),
                            grid.map(areas::name).orElse("全区")));
            kept++;
        }
        List<AlertRow> rows = new ArrayList<>(byId.values());
        rows.sort(Comparator.comparing(AlertRow::eventTime, Comparator.nullsLast(Comparator.reverseOrder())));
        List<AlertRow> latest = List.copyOf(rows.size() > LATEST_ALERTS ? rows.subList(0, LATEST_ALERTS) : rows);
        return new Panel<>(
                null, latest, latest.isEmpty() ? "暂无预警" : scope.district() ? null : "预警按其事件或最新证据定位；这里只显示定位在本辖区的预警。");
    }

    // ---------------------------------------------------------------- helpers

    private String latestMonth(String table, String where, Object... args) {
        List<Map<String, Object>> rows =
                warehouse.query("SELECT MAX(stat_month) AS m FROM " + table + " WHERE " + where, args);
        return rows.isEmpty() ? null : (String) rows.get(0).get("m");
    }

    private static String time(Object t) {
        if (t instanceof LocalDateTime l) {
            return Json.time(l);
        }
        if (t instanceof Timestamp ts) {
            return Json.time(ts.toLocalDateTime());
        }
        return t == null ? null : t.toString();
    }

    private static int intOf(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static Double doubleOf(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }
}

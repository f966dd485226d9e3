package org.gridgov.cases.map;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.inbox.WarehouseReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Person risk per grid for the map's 风险 layer, from the warehouse: the persons the latest month of
 * {@code ads_person_risk_month} scores 红 or 橙 (重点人员), placed in every grid where one of their records is —
 * a 12345 call ({@code dwd_hotline_case.caller_key}, conformed to its grid) or a grid worker's visit
 * ({@code ods_grid_record.person_key}). The scores carry no place of their own; these two sources are the ones the
 * warehouse already holds per grid under the same salted person key. Counts only: no person key or name leaves here.
 * Scores change once a month, so the answer is kept for {@link #TTL}.
 */
@Component
public class GridRisk {

    private static final Logger LOG = LoggerFactory.getLogger(GridRisk.class);
    static final Duration TTL = Duration.ofMinutes(10);
    /** The levels counted, most severe first (the warehouse's labels, as the cockpit's risk panel reads them). */
    static final List<String> LEVELS = List.of("红", "橙");

    /** A grid's high-risk persons: how many at each level and the highest score among them. */
    public record Figures(int red, int orange, double topScore) {
        public int persons() {
            return red + orange;
        }
    }

    /** The month read and the figures per grid; {@code month} null when the warehouse has no scores (or none). */
    public record Snapshot(String month, Map<String, Figures> byGrid) {
        static final Snapshot NONE = new Snapshot(null, Map.of());
    }

    private final WarehouseReader warehouse;
    private final Clock clock;
    private volatile Snapshot cached;
    private volatile Instant cachedAt = Instant.MIN;

    public GridRisk(WarehouseReader warehouse, Clock clock) {
        this.warehouse = warehouse;
        this.clock = clock;
    }

    public Snapshot current() {
        Instant now = clock.instant();
        Snapshot s = cached;
        if (s != null && now.isBefore(cachedAt.plus(TTL))) {
            return s;
        }
        try {
            s = read();
        } catch (DataAccessException e) {
            // the map still draws its case layers when the warehouse is down; the risk layer says it has no data
            LOG.warn("map risk layer: warehouse query failed: {}", e.toString());
            return s == null ? Snapshot.NONE : s;
        }
        cached = s;
        cachedAt = now;
        return s;
    }

    /** Forget the cached answer (tests seed the warehouse, then read). */
    public void refresh() {
        cached = null;
    }

    private Snapshot read() {
        if (!warehouse.available()) {
            return Snapshot.NONE;
        }
        List<Map<String, Object>> m = warehouse.query("SELECT MAX(stat_month) AS m FROM ads_person_risk_month");
        String month = m.isEmpty() ? null : (String) m.get(0).get("m");
        if (month == null) {
            return Snapshot.NONE;
        }
        // driven from the few scored 红/橙 persons; plain SQL that Doris and MariaDB both run
        String persons = "SELECT person_key, risk_level, risk_score FROM ads_person_risk_month"
                + " WHERE stat_month = ? AND risk_level IN ('红', '橙')";
        List<Map<String, Object>> rows = warehouse.query(
                "SELECT x.grid_code, r.risk_level, COUNT(DISTINCT"
                        + " r.person_key) AS n, MAX(r.risk_score) AS top FROM (" + persons + ") r JOIN ("
                        + " SELECT grid_code, caller_key AS person_key FROM dwd_hotline_case WHERE caller_key IS NOT NULL"
                        + " UNION SELECT grid_code, person_key FROM ods_grid_record WHERE person_key IS NOT NULL) x"
                        + " ON x.person_key = r.person_key GROUP BY x.grid_code, r.risk_level",
                month);
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Double> top = new HashMap<>();
        for (Map<String, Object> r : rows) {
            String grid = (String) r.get("grid_code");
            int[] n = counts.computeIfAbsent(grid, k -> new int[2]);
            int level = LEVELS.indexOf((String) r.get("risk_level"));
            if (level >= 0) {
                n[level] += ((Number) r.get("n")).intValue();
            }
            Object t = r.get("top");
            double score = t instanceof BigDecimal b ? b.doubleValue() : t == null ? 0 : ((Number) t).doubleValue();
            top.merge(grid, score, Math::max);
        }
        Map<String, Figures> byGrid = new HashMap<>();
        counts.forEach((grid, n) -> byGrid.put(grid, new Figures(n[0], n[1], top.getOrDefault(grid, 0.0))));
        return new Snapshot(month, Map.copyOf(byGrid));
    }
}

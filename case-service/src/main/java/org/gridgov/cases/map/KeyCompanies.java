package org.gridgov.cases.map;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.inbox.WarehouseReader;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Grid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * 清欠重点单位 as places on the map (issue 17): the companies with a key wage-arrears case in the latest month of
 * {@code ads_arrears_key_case}, each placed at the project site of its first key case (by case id) — the point its
 * {@code ods_arrears_case} record carries, in the grid JTS finds for it. The warehouse keeps no address of a company,
 * only of the sites its cases are about, so the site is the place the map can honestly show. Scores and key cases
 * change with the monthly analytics run, so the answer is kept for {@link #TTL}; a street sees its street's companies.
 */
@Component
public class KeyCompanies {

    private static final Logger LOG = LoggerFactory.getLogger(KeyCompanies.class);
    static final Duration TTL = Duration.ofMinutes(10);
    static final int MAX_COMPANIES = 500;
    private static final int IN_LIST = 200;

    /** A key company at the site of its first key case: how many key cases it has this month and why. */
    public record KeyCompany(
            String name,
            int keyCases,
            String reasons,
            String caseId,
            String gridCode,
            String place,
            double longitude,
            double latitude) {}

    /** The month read and the companies placed; {@code month} null when the warehouse has no key cases. */
    public record Snapshot(String month, List<KeyCompany> companies) {
        static final Snapshot NONE = new Snapshot(null, List.of());
    }

    private final WarehouseReader warehouse;
    private final AreaDirectory areas;
    private final Clock clock;
    private volatile Snapshot cached;
    private volatile Instant cachedAt = Instant.MIN;

    public KeyCompanies(WarehouseReader warehouse, AreaDirectory areas, Clock clock) {
        this.warehouse = warehouse;
        this.areas = areas;
        this.clock = clock;
    }

    /** The companies whose site lies in the user's area. */
    public Snapshot forStaff(Staff staff) {
        Snapshot all = current();
        return new Snapshot(
                all.month(),
                all.companies().stream()
                        .filter(c -> staff.districtWide() || staff.covers(c.gridCode()))
                        .toList());
    }

    Snapshot current() {
        Instant now = clock.instant();
        Snapshot s = cached;
        if (s != null && now.isBefore(cachedAt.plus(TTL))) {
            return s;
        }
        try {
            s = read();
        } catch (DataAccessException e) {
            LOG.warn("map key companies: warehouse query failed: {}", e.toString());
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
        List<Map<String, Object>> m = warehouse.query("SELECT MAX(stat_month) AS m FROM ads_arrears_key_case");
        String month = m.isEmpty() || m.get(0).get("m") == null
                ? null
                : String.valueOf(m.get(0).get("m"));
        if (month == null) {
            return Snapshot.NONE;
        }
        // company → its key cases in case-id order, and the reasons they give
        Map<String, List<String>> casesOf = new LinkedHashMap<>();
        Map<String, Set<String>> reasonsOf = new HashMap<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT case_id, company_name, reasons FROM ads_arrears_key_case"
                        + " WHERE stat_month = ? ORDER BY company_name, case_id",
                month)) {
            String company = String.valueOf(r.get("company_name"));
            if (!casesOf.containsKey(company) && casesOf.size() == MAX_COMPANIES) {
                continue;
            }
            casesOf.computeIfAbsent(company, k -> new ArrayList<>()).add(String.valueOf(r.get("case_id")));
            if (r.get("reasons") != null && !String.valueOf(r.get("reasons")).isBlank()) {
                reasonsOf
                        .computeIfAbsent(company, k -> new LinkedHashSet<>())
                        .add(String.valueOf(r.get("reasons")).strip());
            }
        }
        Map<String, double[]> sites =
                sites(casesOf.values().stream().flatMap(List::stream).distinct().toList());
        List<KeyCompany> out = new ArrayList<>();
        casesOf.forEach((company, ids) -> {
            for (String id : ids) {
                double[] p = sites.get(id);
                Grid g = p == null ? null : areas.locate(p[1], p[0]).orElse(null);
                if (g != null) {
                    out.add(new KeyCompany(
                            company,
                            ids.size(),
                            String.join("；", reasonsOf.getOrDefault(company, Set.of())),
                            id,
                            g.code(),
                            areas.name(g.code()),
                            p[0],
                            p[1]));
                    return;
                }
            }
            // no key case with a point inside the district: the company is listed in 综合查询, not drawn
        });
        return new Snapshot(month, List.copyOf(out));
    }

    /** Longitude and latitude of each case's site, from {@code ods_arrears_case}. */
    private Map<String, double[]> sites(List<String> caseIds) {
        Map<String, double[]> out = new HashMap<>();
        for (int from = 0; from < caseIds.size(); from += IN_LIST) {
            List<String> part = caseIds.subList(from, Math.min(caseIds.size(), from + IN_LIST));
            for (Map<String, Object> r : warehouse.query(
                    "SELECT case_id, latitude, longitude FROM ods_arrears_case" + " WHERE case_id IN ("
                            + String.join(", ", Collections.nCopies(part.size(), "?")) + ")",
                    part.toArray())) {
                if (r.get("latitude") instanceof Number lat && r.get("longitude") instanceof Number lon) {
                    out.put(String.valueOf(r.get("case_id")), new double[] {lon.doubleValue(), lat.doubleValue()});
                }
            }
        }
        return out;
    }
}

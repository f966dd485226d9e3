package org.gridgov.cases.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.common.model.Alert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the grid an alert concerns, so the inbox can show it only to users whose area covers it. Alerts name a
 * subject and evidence ids but no place: a case alert's place is the case's grid, a person's or company's is where
 * the latest evidence record (petition, call, incident, arrears case) was located.
 */
@Component
public class AlertLocator {

    private static final List<String[]> EVIDENCE_TABLES = List.of(
            new String[] {"ods_petition", "petition_id"},
            new String[] {"ods_hotline_case", "case_id"},
            new String[] {"ods_police_incident", "incident_id"},
            new String[] {"ods_arrears_case", "case_id"});

    private final JdbcTemplate cases;
    private final WarehouseReader warehouse;
    private final AreaDirectory areas;

    private static final int REMEMBERED = 10_000;

    /** Least recently used first, so the oldest places are forgotten beyond {@link #REMEMBERED}. */
    private final Map<String, String> found = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public AlertLocator(JdbcTemplate cases, WarehouseReader warehouse, AreaDirectory areas) {
        this.cases = cases;
        this.warehouse = warehouse;
        this.areas = areas;
    }

    public Optional<String> gridOf(Alert alert) {
        return gridOf(alert.subjectKey(), alert.evidenceIds());
    }

    /**
     * For a stored alert ({@code ads_alert_event}): its subject key and evidence ids in event-time order. Places found
     * are remembered (a record's place never changes), so the cockpit's alert list does not query up to five tables
     * per alert on every load; places not found yet are asked again, as their evidence may still be on its way.
     */
    public Optional<String> gridOf(String subjectKey, List<String> evidenceIds) {
        String key = subjectKey + "|" + (evidenceIds == null || evidenceIds.isEmpty() ? ""
                : evidenceIds.get(evidenceIds.size() - 1));
        String known;
        synchronized (found) {
            known = found.get(key);
        }
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> grid = locate(subjectKey, evidenceIds);
        grid.ifPresent(g -> {
            synchronized (found) {
                found.put(key, g);
            }
        });
        return grid;
    }

    private Optional<String> locate(String subjectKey, List<String> evidenceIds) {
        List<String> grid = cases.queryForList("SELECT grid_code FROM case_record WHERE id = ?", String.class,
                subjectKey);
        if (!grid.isEmpty()) {
            return Optional.of(grid.get(0));
        }
        List<String> ids = evidenceIds == null ? List.of() : evidenceIds;
        if (ids.isEmpty() || !warehouse.available()) {
            return Optional.empty();
        }
        // evidence is in event-time order; the latest says where the subject is now
        String latest = ids.get(ids.size() - 1);
        for (String[] t : EVIDENCE_TABLES) {
            List<Map<String, Object>> rows = warehouse.query("SELECT latitude, longitude FROM " + t[0] + " WHERE "
                    + t[1] + " = ? LIMIT 1", latest);
            if (!rows.isEmpty()) {
                double lat = ((Number) rows.get(0).get("latitude")).doubleValue();
                double lon = ((Number) rows.get(0).get("longitude")).doubleValue();
                return areas.locate(lat, lon).map(g -> g.code());
            }
        }
        return Optional.empty();
    }
}

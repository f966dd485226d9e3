package org.gridgov.cases.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.casefile.CaseRepository;
import org.gridgov.common.model.Alert;
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

    private final CaseRepository cases;
    private final WarehouseReader warehouse;
    private final AreaDirectory areas;

    public AlertLocator(CaseRepository cases, WarehouseReader warehouse, AreaDirectory areas) {
        this.cases = cases;
        this.warehouse = warehouse;
        this.areas = areas;
    }

    public Optional<String> gridOf(Alert alert) {
        return gridOf(alert.subjectKey(), alert.evidenceIds());
    }

    /** For a stored alert ({@code ads_alert_event}): its subject key and evidence ids in event-time order. */
    public Optional<String> gridOf(String subjectKey, List<String> evidenceIds) {
        Optional<String> caseGrid = cases.gridCode(subjectKey);
        if (caseGrid.isPresent()) {
            return caseGrid;
        }
        List<String> ids = evidenceIds == null ? List.of() : new ArrayList<>(evidenceIds);
        if (ids.isEmpty() || !warehouse.available()) {
            return Optional.empty();
        }
        // evidence is in event-time order; the latest says where the subject is now
        String latest = ids.get(ids.size() - 1);
        for (String[] t : EVIDENCE_TABLES) {
            List<Map<String, Object>> rows = warehouse.query(
                    "SELECT latitude, longitude FROM " + t[0] + " WHERE " + t[1] + " = ? LIMIT 1", latest);
            if (!rows.isEmpty()) {
                double lat = ((Number) rows.get(0).get("latitude")).doubleValue();
                double lon = ((Number) rows.get(0).get("longitude")).doubleValue();
                return areas.locate(lat, lon).map(g -> g.code());
            }
        }
        return Optional.empty();
    }
}

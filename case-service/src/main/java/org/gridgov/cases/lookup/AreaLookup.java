package org.gridgov.cases.lookup;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.gridgov.cases.access.Target;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.inbox.WarehouseReader;
import org.gridgov.cases.lookup.LookupLog.Kind;
import org.gridgov.cases.lookup.PersonLookup.Located;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Grid;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/**
 * 综合查询 of a place (issue 17 part 2): a grid or a community — its records of every source by month, the newest
 * records, the persons in them (masked, each opening their file) and the alerts about those persons. 12345 cases,
 * grid records and case-service cases carry their grid; petitions, police incidents and arrears cases are read by
 * the area's bounding box and kept when their point lies in one of its grids (JTS, {@link AreaDirectory}). The same
 * rules as a person: by role, a reason, inside the user's area, every look-up in {@link LookupLog}.
 */
@Component
public class AreaLookup {

    static final int MAX_ROWS_PER_SOURCE = 5000;
    static final int SHOWN = 100;

    /** A record in the place. */
    public record AreaRow(String source, String recordId, LocalDateTime time, String gridCode, String place,
                          String status, String personRef, String personMasked) {
    }

    /** A person with records in the place. */
    public record AreaPerson(String ref, String nameMasked, long records) {
    }

    public record AreaFile(String code, String name, Map<String, Map<String, Long>> byMonth, long total,
                           List<AreaRow> latest, List<AreaPerson> persons, List<PersonFile.Alert> alerts) {
    }

    private final WarehouseReader warehouse;
    private final AreaDirectory areas;
    private final PersonLookup persons;
    private final LookupLog log;

    public AreaLookup(WarehouseReader warehouse, AreaDirectory areas, PersonLookup persons, LookupLog log) {
        this.warehouse = warehouse;
        this.areas = areas;
        this.persons = persons;
        this.log = log;
    }

    public AreaFile area(Staff staff, String code, String reasonText) {
        persons.mayLook(staff, Kind.AREA, code, null, null, reasonText, Target.nothing());
        String reason = LookupReason.require(reasonText);
        List<Grid> grids = code == null || !(code.length() == 12 || code.length() == 14) ? List.of()
                : areas.district().grids().stream().filter(g -> g.code().startsWith(code)).toList();
        if (grids.isEmpty()) {
            throw new InvalidInputException("code", "请给出本区的社区（12 位）或网格（14 位）编码");
        }
        String name = areas.name(code);
        persons.mayLook(staff, Kind.AREA, code, name, null, reason, new Target.Subject(Set.of(code)));
        persons.requireWarehouse();
        List<AreaRow> rows = new ArrayList<>();
        String prefix = code + "%";
        add(rows, "SELECT 'HOTLINE' AS source, case_id AS record_id, accept_time AS event_time, grid_code, status,"
                + " caller_key AS person_key FROM dwd_hotline_case WHERE grid_code LIKE ?", prefix);
        add(rows, "SELECT 'GRID' AS source, record_id, record_time AS event_time, grid_code, kind AS status,"
                + " person_key FROM ods_grid_record WHERE grid_code LIKE ?", prefix);
        add(rows, "SELECT 'CASE' AS source, case_id AS record_id, reported_time AS event_time, grid_code, status,"
                + " NULL AS person_key FROM dwd_case WHERE grid_code LIKE ?", prefix);
        Envelope box = new Envelope();
        grids.forEach(g -> box.expandToInclude(g.boundary().getEnvelopeInternal()));
        Object[] bbox = {box.getMinY(), box.getMaxY(), box.getMinX(), box.getMaxX()};
        String inBox = " WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?";
        add(rows, "SELECT 'PETITION' AS source, petition_id AS record_id, petition_time AS event_time, form AS status,"
                + " person_key, person_name_masked AS name_masked, latitude, longitude FROM ods_petition" + inBox, bbox);
        add(rows, "SELECT 'POLICE' AS source, incident_id AS record_id, report_time AS event_time,"
                + " incident_type AS status, person_key, person_name_masked AS name_masked, latitude, longitude"
                + " FROM ods_police_incident" + inBox, bbox);
        add(rows, "SELECT 'ARREARS' AS source, case_id AS record_id, report_time AS event_time, status,"
                + " complainant_key AS person_key, complainant_name_masked AS name_masked, latitude, longitude"
                + " FROM ods_arrears_case" + inBox, bbox);
        List<AreaRow> inArea = rows.stream().filter(r -> r.gridCode() != null && r.gridCode().startsWith(code))
                .sorted(Comparator.comparing(AreaRow::time, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        Map<String, Map<String, Long>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        Map<String, AreaPerson> linked = new LinkedHashMap<>();
        for (AreaRow r : inArea) {
            byMonth.computeIfAbsent(r.time() == null ? "—" : r.time().toString().substring(0, 7),
                    m -> new LinkedHashMap<>()).merge(r.source(), 1L, Long::sum);
            if (r.personRef() != null) {
                linked.merge(r.personRef(), new AreaPerson(r.personRef(), r.personMasked(), 1),
                        (a, b) -> new AreaPerson(a.ref(), a.nameMasked() != null ? a.nameMasked() : b.nameMasked(),
                                a.records() + 1));
            }
        }
        List<AreaPerson> people = linked.values().stream()
                .sorted(Comparator.comparingLong(AreaPerson::records).reversed()).limit(SHOWN).toList();
        List<PersonFile.Alert> alerts = new ArrayList<>();
        if (!people.isEmpty()) {
            String marks = String.join(", ", java.util.Collections.nCopies(people.size(), "?"));
            for (Map<String, Object> r : warehouse.query("SELECT alert_id, rule, level_label, event_time, message"
                    + " FROM ads_alert_event WHERE subject_type = 'PERSON' AND subject_key IN (" + marks + ")"
                    + " ORDER BY event_time DESC LIMIT 50", people.stream().map(AreaPerson::ref).toArray())) {
                alerts.add(new PersonFile.Alert(PersonLookup.str(r, "alert_id"), PersonLookup.str(r, "rule"),
                        PersonLookup.str(r, "level_label"), PersonLookup.time(r.get("event_time")),
                        PersonLookup.str(r, "message")));
            }
        }
        log.ok(staff, Kind.AREA, code, name, null, reason, inArea.size() + " 条记录, " + linked.size() + " 人");
        return new AreaFile(code, name, byMonth, inArea.size(), inArea.stream().limit(SHOWN).toList(), people,
                alerts);
    }

    private void add(List<AreaRow> out, String sql, Object... args) {
        for (Map<String, Object> r : warehouse.query(sql + " LIMIT " + MAX_ROWS_PER_SOURCE, args)) {
            Located l = persons.locate(r);
            out.add(new AreaRow(PersonLookup.str(r, "source"), PersonLookup.str(r, "record_id"),
                    PersonLookup.time(r.get("event_time")), l.gridCode(),
                    l.gridCode() == null ? "" : areas.name(l.gridCode()), PersonLookup.str(r, "status"),
                    PersonLookup.str(r, "person_key"), PersonLookup.str(r, "name_masked")));
        }
    }
}

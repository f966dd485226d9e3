package org.gridgov.cases.lookup;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * 综合查询 of a place (issue 17 part 2): a grid or a community — its records of every source by month, one page of
 * its records newest first, the persons in them (masked, most records first, each opening their file) and the alerts
 * about those persons. 12345 cases, grid records and case-service cases carry their grid and are read by the area's
 * grid codes; petitions, police incidents and arrears cases carry a point, are read by the area's bounding box and
 * kept when their point lies in one of its grids (JTS, {@link AreaDirectory}). The same rules as a person: by role, a
 * reason, inside the user's area, every look-up in {@link LookupLog}.
 *
 * <p>Complete however busy the place: the figures (by month, total, persons) come from grouped COUNT queries — for
 * the point sources grouped by point, each distinct point placed once — so no record is dropped by a row limit; the
 * page is the newest {@code page × page_size} of each source in (time, id) order, merged, so it is the same page on
 * every call. Plain SQL that Doris and MariaDB both run.
 */
@Component
public class AreaLookup {

    public static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 100;
    /** Records before the page asked for at most, as the map's selection pages. */
    static final int MAX_DEPTH = 10_000;
    /** Persons listed at most (all are counted). */
    static final int SHOWN = 100;
    /** Rows read at a time from a point source while filling a page (the box also holds neighbours' records). */
    static final int CHUNK = 500;

    /** A record in the place. */
    public record AreaRow(
            String source,
            String recordId,
            LocalDateTime time,
            String gridCode,
            String place,
            String status,
            String personRef,
            String personMasked) {}

    /** A person with records in the place. */
    public record AreaPerson(String ref, String nameMasked, long records) {}

    /**
     * @param total        every record of the place (the sum of {@code byMonth})
     * @param latest       one page of its records, newest first
     * @param personTotal  every person with a record there ({@code persons} lists the first {@link #SHOWN})
     */
    public record AreaFile(
            String code,
            String name,
            Map<String, Map<String, Long>> byMonth,
            long total,
            List<AreaRow> latest,
            int page,
            int pageSize,
            List<AreaPerson> persons,
            long personTotal,
            List<PersonFile.Alert> alerts) {}

    /** A source as the place reads it: its table and columns, and whether it carries a grid or only a point. */
    enum PlaceSource {
        HOTLINE("dwd_hotline_case", "case_id", "accept_time", "status", "caller_key", null, true),
        GRID("ods_grid_record", "record_id", "record_time", "kind", "person_key", null, true),
        CASE("dwd_case", "case_id", "reported_time", "status", null, null, true),
        PETITION("ods_petition", "petition_id", "petition_time", "form", "person_key", "person_name_masked", false),
        POLICE(
                "ods_police_incident",
                "incident_id",
                "report_time",
                "incident_type",
                "person_key",
                "person_name_masked",
                false),
        ARREARS(
                "ods_arrears_case",
                "case_id",
                "report_time",
                "status",
                "complainant_key",
                "complainant_name_masked",
                false);

        final String table;
        final String id;
        final String time;
        final String status;
        final String person;
        final String name;
        final boolean byGrid;

        PlaceSource(String table, String id, String time, String status, String person, String name, boolean byGrid) {
            this.table = table;
            this.id = id;
            this.time = time;
            this.status = status;
            this.person = person;
            this.name = name;
            this.byGrid = byGrid;
        }

        String columns() {
            return "'" + name() + "' AS source, " + id + " AS record_id, " + time + " AS event_time, "
                    + (byGrid ? "grid_code" : "latitude, longitude") + ", " + status + " AS status, "
                    + (person == null ? "NULL" : person) + " AS person_key, "
                    + (name == null ? "NULL" : name) + " AS name_masked";
        }

        String month() {
            return "DATE_FORMAT(" + time + ", '%Y-%m')";
        }
    }

    /** Where a look-up reads: the area's grid codes (an IN list) and their bounding box. */
    private record Where(
            String code, List<String> grids, String inGrids, Object[] gridArgs, String inBox, Object[] boxArgs) {

        String sql(PlaceSource s) {
            return s.byGrid ? inGrids : inBox;
        }

        Object[] args(PlaceSource s) {
            return s.byGrid ? gridArgs : boxArgs;
        }
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

    /** The place's file with the first page of its records. */
    public AreaFile area(Staff staff, String code, String reasonText) {
        return area(staff, code, reasonText, 1, DEFAULT_PAGE_SIZE);
    }

    public AreaFile area(Staff staff, String code, String reasonText, int page, int pageSize) {
        persons.mayLook(staff, Kind.AREA, code, null, null, reasonText, Target.nothing());
        String reason = LookupReason.require(reasonText);
        List<Grid> grids = code == null || !(code.length() == 12 || code.length() == 14)
                ? List.of()
                : areas.district().grids().stream()
                        .filter(g -> g.code().startsWith(code))
                        .toList();
        if (grids.isEmpty()) {
            throw new InvalidInputException("code", "请给出本区的社区（12 位）或网格（14 位）编码");
        }
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE || (long) page * pageSize > MAX_DEPTH) {
            throw new InvalidInputException(
                    "page", "page 从 1 开始，page_size 为 1 到 " + MAX_PAGE_SIZE + "，最多翻到第 " + MAX_DEPTH + " 条");
        }
        String name = areas.name(code);
        persons.mayLook(staff, Kind.AREA, code, name, null, reason, new Target.Subject(Set.of(code)));
        persons.requireWarehouse();
        Where where = where(code, grids);
        Map<String, Map<String, Long>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        long total = 0;
        for (PlaceSource s : PlaceSource.values()) {
            total += countByMonth(s, where, byMonth);
        }
        Map<String, AreaPerson> linked = new LinkedHashMap<>();
        for (PlaceSource s : PlaceSource.values()) {
            if (s.person != null) {
                countPersons(s, where, linked);
            }
        }
        List<AreaPerson> people = linked.values().stream()
                .sorted(Comparator.comparingLong(AreaPerson::records).reversed().thenComparing(AreaPerson::ref))
                .limit(SHOWN)
                .toList();
        int need = page * pageSize;
        List<AreaRow> candidates = new ArrayList<>();
        for (PlaceSource s : PlaceSource.values()) {
            candidates.addAll(newest(s, where, need));
        }
        List<AreaRow> pageRows = candidates.stream()
                .sorted(NEWEST_FIRST)
                .skip((long) (page - 1) * pageSize)
                .limit(pageSize)
                .toList();
        List<PersonFile.Alert> alerts = new ArrayList<>();
        if (!people.isEmpty()) {
            String marks = String.join(", ", Collections.nCopies(people.size(), "?"));
            for (Map<String, Object> r : warehouse.query(
                    "SELECT alert_id, rule, level_label, event_time, message"
                            + " FROM ads_alert_event WHERE subject_key IN (" + marks + ") AND subject_type = 'PERSON'"
                            + " ORDER BY event_time DESC, alert_id DESC LIMIT 50",
                    people.stream().map(AreaPerson::ref).toArray())) {
                alerts.add(new PersonFile.Alert(
                        PersonLookup.str(r, "alert_id"),
                        PersonLookup.str(r, "rule"),
                        PersonLookup.str(r, "level_label"),
                        PersonLookup.time(r.get("event_time")),
                        PersonLookup.str(r, "message")));
            }
        }
        log.ok(staff, Kind.AREA, code, name, null, reason, total + " 条记录, " + linked.size() + " 人, 第 " + page + " 页");
        return new AreaFile(code, name, byMonth, total, pageRows, page, pageSize, people, linked.size(), alerts);
    }

    /** Newest first; equal times by source, then the higher id first: one order, so pages never overlap. */
    static final Comparator<AreaRow> NEWEST_FIRST = Comparator.comparing(
                    AreaRow::time, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AreaRow::source)
            .thenComparing(AreaRow::recordId, Comparator.reverseOrder());

    private Where where(String code, List<Grid> grids) {
        List<String> codes = grids.stream().map(Grid::code).toList();
        String inGrids = " WHERE grid_code IN (" + String.join(", ", Collections.nCopies(codes.size(), "?")) + ")";
        Envelope box = new Envelope();
        grids.forEach(g -> box.expandToInclude(g.boundary().getEnvelopeInternal()));
        Object[] boxArgs = {box.getMinY(), box.getMaxY(), box.getMinX(), box.getMaxX()};
        return new Where(
                code,
                codes,
                inGrids,
                codes.toArray(),
                " WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN" + " ? AND ?",
                boxArgs);
    }

    /** Adds the source's records per month to {@code byMonth}; returns how many it added. */
    private long countByMonth(PlaceSource s, Where where, Map<String, Map<String, Long>> byMonth) {
        String month = s.month();
        String sql = s.byGrid
                ? "SELECT " + month + " AS m, COUNT(*) AS n FROM " + s.table + where.sql(s) + " GROUP BY " + month
                : "SELECT latitude, longitude, " + month + " AS m, COUNT(*) AS n FROM " + s.table + where.sql(s)
                        + " GROUP BY latitude, longitude, " + month;
        Map<String, Optional<String>> placed = new HashMap<>();
        long added = 0;
        for (Map<String, Object> r : warehouse.query(sql, where.args(s))) {
            if (!s.byGrid && !inArea(r, where.code(), placed)) {
                continue;
            }
            long n = ((Number) r.get("n")).longValue();
            String m = r.get("m") == null ? "—" : String.valueOf(r.get("m"));
            byMonth.computeIfAbsent(m, k -> new LinkedHashMap<>()).merge(s.name(), n, Long::sum);
            added += n;
        }
        return added;
    }

    /** Adds the source's records per person to {@code linked}. */
    private void countPersons(PlaceSource s, Where where, Map<String, AreaPerson> linked) {
        String name = s.name == null ? "NULL" : "MAX(" + s.name + ")";
        String sql = s.byGrid
                ? "SELECT " + s.person + " AS person_key, " + name + " AS name_masked, COUNT(*) AS n FROM " + s.table
                        + where.sql(s) + " AND " + s.person + " IS NOT NULL GROUP BY " + s.person
                : "SELECT " + s.person + " AS person_key, " + name + " AS name_masked, latitude, longitude,"
                        + " COUNT(*) AS n FROM " + s.table + where.sql(s) + " AND " + s.person + " IS NOT NULL"
                        + " GROUP BY " + s.person + ", latitude, longitude";
        Map<String, Optional<String>> placed = new HashMap<>();
        for (Map<String, Object> r : warehouse.query(sql, where.args(s))) {
            if (!s.byGrid && !inArea(r, where.code(), placed)) {
                continue;
            }
            String ref = PersonLookup.str(r, "person_key");
            linked.merge(
                    ref,
                    new AreaPerson(ref, PersonLookup.str(r, "name_masked"), ((Number) r.get("n")).longValue()),
                    (a, b) -> new AreaPerson(
                            a.ref(),
                            a.nameMasked() != null ? a.nameMasked() : b.nameMasked(),
                            a.records() + b.records()));
        }
    }

    /**
     * The newest {@code need} records of the source in the place, in (time, id) descending order. A grid source is
     * one query; a point source is read in chunks of its box, newest first, until {@code need} points fell inside.
     */
    private List<AreaRow> newest(PlaceSource s, Where where, int need) {
        String order = " ORDER BY " + s.time + " DESC, " + s.id + " DESC LIMIT ";
        List<AreaRow> out = new ArrayList<>();
        if (s.byGrid) {
            for (Map<String, Object> r : warehouse.query(
                    "SELECT " + s.columns() + " FROM " + s.table + where.sql(s) + order + need, where.args(s))) {
                out.add(row(r));
            }
            return out;
        }
        int chunk = Math.max(need, CHUNK);
        Object lastTime = null;
        Object lastId = null;
        while (out.size() < need) {
            List<Object> args = new ArrayList<>(List.of(where.args(s)));
            String after = "";
            if (lastTime != null) {
                // keyset: strictly after the last row read, in the same order
                after = " AND (" + s.time + " < ? OR (" + s.time + " = ? AND " + s.id + " < ?))";
                args.addAll(List.of(lastTime, lastTime, lastId));
            }
            List<Map<String, Object>> rows = warehouse.query(
                    "SELECT " + s.columns() + " FROM " + s.table + where.sql(s) + after + order + chunk,
                    args.toArray());
            for (Map<String, Object> r : rows) {
                AreaRow a = row(r);
                if (a.gridCode() != null && a.gridCode().startsWith(where.code()) && out.size() < need) {
                    out.add(a);
                }
            }
            if (rows.size() < chunk) {
                break;
            }
            Map<String, Object> last = rows.get(rows.size() - 1);
            lastTime = last.get("event_time");
            lastId = last.get("record_id");
        }
        return out;
    }

    /** Whether the row's point lies in a grid of the area; each distinct point located once per query. */
    private boolean inArea(Map<String, Object> r, String code, Map<String, Optional<String>> placed) {
        if (!(r.get("latitude") instanceof Number lat) || !(r.get("longitude") instanceof Number lon)) {
            return false;
        }
        Optional<String> grid =
                placed.computeIfAbsent(lat + "," + lon, k -> areas.locate(lat.doubleValue(), lon.doubleValue())
                        .map(Grid::code));
        return grid.isPresent() && grid.get().startsWith(code);
    }

    private AreaRow row(Map<String, Object> r) {
        Located l = persons.locate(r);
        return new AreaRow(
                PersonLookup.str(r, "source"),
                PersonLookup.str(r, "record_id"),
                PersonLookup.time(r.get("event_time")),
                l.gridCode(),
                l.gridCode() == null ? "" : areas.name(l.gridCode()),
                PersonLookup.str(r, "status"),
                PersonLookup.str(r, "person_key"),
                PersonLookup.str(r, "name_masked"));
    }
}

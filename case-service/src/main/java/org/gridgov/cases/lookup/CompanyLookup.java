package org.gridgov.cases.lookup;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.inbox.WarehouseReader;
import org.gridgov.cases.lookup.LookupLog.Kind;
import org.gridgov.cases.lookup.PersonLookup.Located;
import org.gridgov.cases.security.Staff;
import org.springframework.stereotype.Component;

/**
 * 综合查询 of a company (清欠 key companies, issue 17 part 2): its wage-arrears cases and the petitions naming it, by
 * source and month; the persons in them (masked, each opening their own file); whether it is a 重点 company and why;
 * the alerts about it. The same rules as a person: by role, a stated reason, a user below the district only for a
 * company with records in their area and only those records; every look-up in {@link LookupLog}.
 */
@Component
public class CompanyLookup {

    /** A record about the company. {@code personRef} opens the person's file. */
    public record CompanyRow(
            String source,
            String sourceLabel,
            String recordId,
            LocalDateTime time,
            String place,
            String status,
            String personRef,
            String personMasked,
            String detail) {}

    /** A person in the company's records. */
    public record LinkedPerson(String ref, String nameMasked, long records) {}

    /**
     * Where the company is on the map: a grid holding project sites of its arrears cases, how many, and the site of the
     * newest of them (the warehouse keeps no company address; the 一张图 places a 清欠重点单位 the same way).
     */
    public record CompanyPlace(String gridCode, String place, long cases, double latitude, double longitude) {}

    /** {@code places}: its arrears cases' sites by grid, most cases first (the first is where the map shows it). */
    public record CompanyFile(
            String name,
            List<String> keyReasons,
            Map<String, Map<String, Long>> byMonth,
            List<CompanyRow> records,
            long hiddenOutsideScope,
            List<LinkedPerson> persons,
            List<PersonFile.Alert> alerts,
            List<CompanyPlace> places) {}

    private final WarehouseReader warehouse;
    private final PersonLookup persons;
    private final LookupLog log;

    public CompanyLookup(WarehouseReader warehouse, PersonLookup persons, LookupLog log) {
        this.warehouse = warehouse;
        this.persons = persons;
        this.log = log;
    }

    public CompanyFile company(Staff staff, String name, String reasonText) {
        persons.mayLook(staff, Kind.COMPANY, name, name, null, reasonText, Target.nothing());
        String reason = LookupReason.require(reasonText);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "请填写单位名称（最多 100 个字）");
        }
        String company = name.strip();
        persons.requireWarehouse();
        List<Located> rows = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT 'ARREARS' AS source, case_id AS record_id,"
                        + " report_time AS event_time, status, complainant_key AS person_key,"
                        + " complainant_name_masked AS name_masked, latitude, longitude, worker_count, amount_yuan"
                        + " FROM ods_arrears_case WHERE company_name = ? LIMIT 5000",
                company)) {
            rows.add(persons.locate(r));
        }
        for (Map<String, Object> r : warehouse.query(
                "SELECT 'PETITION' AS source, petition_id AS record_id,"
                        + " petition_time AS event_time, form AS status, person_key, person_name_masked AS name_masked,"
                        + " latitude, longitude, group_size FROM ods_petition WHERE company_name = ? LIMIT 5000",
                company)) {
            rows.add(persons.locate(r));
        }
        if (rows.isEmpty()) {
            log.ok(staff, Kind.COMPANY, company, company, null, reason, "无记录");
            throw new NotFoundException("数据仓库中没有涉及该单位的欠薪案件或信访");
        }
        Set<String> grids = new LinkedHashSet<>();
        rows.forEach(l -> {
            if (l.gridCode() != null) {
                grids.add(l.gridCode());
            }
        });
        persons.mayLook(staff, Kind.COMPANY, company, company, null, reason, new Target.Subject(grids));
        List<Located> visible = rows.stream()
                .filter(l -> PersonLookup.sees(staff, l))
                .sorted(Comparator.comparing(
                        (Located l) -> PersonLookup.time(l.row().get("event_time")),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        Map<String, Map<String, Long>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        Map<String, LinkedPerson> linked = new LinkedHashMap<>();
        List<CompanyRow> out = new ArrayList<>();
        for (Located l : visible) {
            Map<String, Object> r = l.row();
            String source = PersonLookup.str(r, "source");
            LocalDateTime t = PersonLookup.time(r.get("event_time"));
            String month = t == null ? "—" : t.toString().substring(0, 7);
            byMonth.computeIfAbsent(month, m -> new LinkedHashMap<>()).merge(source, 1L, Long::sum);
            String ref = PersonLookup.str(r, "person_key");
            String masked = PersonLookup.str(r, "name_masked");
            if (ref != null) {
                linked.merge(
                        ref,
                        new LinkedPerson(ref, masked, 1),
                        (a, b) -> new LinkedPerson(
                                a.ref(), a.nameMasked() != null ? a.nameMasked() : b.nameMasked(), a.records() + 1));
            }
            String detail = "ARREARS".equals(source)
                    ? "涉及 " + r.get("worker_count") + " 人，" + amount(r.get("amount_yuan")) + " 元"
                    : "信访人数 " + r.get("group_size");
            out.add(new CompanyRow(
                    source,
                    PersonLookup.Source.valueOf(source).label(),
                    PersonLookup.str(r, "record_id"),
                    t,
                    l.gridCode() == null ? "" : persons.placeName(l.gridCode()),
                    PersonLookup.str(r, "status"),
                    ref,
                    masked,
                    detail));
        }
        List<String> keyReasons = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT stat_month, reasons FROM ads_arrears_key_case"
                        + " WHERE company_name = ? ORDER BY stat_month DESC LIMIT 12",
                company)) {
            keyReasons.add(r.get("stat_month") + " " + r.get("reasons"));
        }
        List<PersonFile.Alert> alerts = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT alert_id, rule, level_label, event_time, message"
                        + " FROM ads_alert_event WHERE subject_type = 'COMPANY' AND subject_key = ?"
                        + " ORDER BY event_time DESC LIMIT 50",
                company)) {
            alerts.add(new PersonFile.Alert(
                    PersonLookup.str(r, "alert_id"),
                    PersonLookup.str(r, "rule"),
                    PersonLookup.str(r, "level_label"),
                    PersonLookup.time(r.get("event_time")),
                    PersonLookup.str(r, "message")));
        }
        log.ok(
                staff,
                Kind.COMPANY,
                company,
                company,
                null,
                reason,
                "显示 " + visible.size() + " 条，辖区外 " + (rows.size() - visible.size()) + " 条");
        return new CompanyFile(
                company,
                keyReasons,
                byMonth,
                out,
                rows.size() - visible.size(),
                List.copyOf(linked.values()),
                alerts,
                places(visible));
    }

    /** The project sites of the visible arrears cases by grid; the newest case's point stands for each grid. */
    private List<CompanyPlace> places(List<Located> visible) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, double[]> newest = new LinkedHashMap<>();
        for (Located l : visible) {
            Map<String, Object> r = l.row();
            if ("ARREARS".equals(PersonLookup.str(r, "source"))
                    && l.gridCode() != null
                    && r.get("latitude") instanceof Number lat
                    && r.get("longitude") instanceof Number lon) {
                counts.merge(l.gridCode(), 1L, Long::sum);
                // visible is newest first: the first point seen per grid is its newest case's
                newest.putIfAbsent(l.gridCode(), new double[] {lat.doubleValue(), lon.doubleValue()});
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey()))
                .map(e -> new CompanyPlace(
                        e.getKey(),
                        persons.placeName(e.getKey()),
                        e.getValue(),
                        newest.get(e.getKey())[0],
                        newest.get(e.getKey())[1]))
                .toList();
    }

    private static String amount(Object v) {
        return v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v);
    }
}

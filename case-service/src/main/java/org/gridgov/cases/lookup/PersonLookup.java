package org.gridgov.cases.lookup;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Decision;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.casefile.CaseRepository;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.domain.UnprocessableException;
import org.gridgov.cases.inbox.WarehouseReader;
import org.gridgov.cases.lookup.LookupLog.Kind;
import org.gridgov.cases.lookup.PersonFile.Alert;
import org.gridgov.cases.lookup.PersonFile.Candidate;
import org.gridgov.cases.lookup.PersonFile.CaseLink;
import org.gridgov.cases.lookup.PersonFile.Risk;
import org.gridgov.cases.lookup.PersonFile.Row;
import org.gridgov.cases.lookup.PersonFile.SearchResult;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Grid;
import org.gridgov.common.district.Street;
import org.gridgov.common.identity.LinkEvidence;
import org.gridgov.common.identity.PhoneLink;
import org.gridgov.common.identity.PhoneLinks;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.common.validation.PhoneNumber;
import org.springframework.stereotype.Component;

/**
 * 综合查询 of a person (issue 17 part 1), from the warehouse: search by ID-card or phone number (hashed here with the
 * platform's salt exactly as the loader keys records, {@link PiiProtector#idCardKey}/{@link PiiProtector#phoneKey};
 * the number itself is never stored, logged or repeated in an answer) or by masked name and street; then the person's
 * file from {@code dws_person_event} (one key-prefix read), {@code ads_person_risk_month} and {@code ads_alert_event},
 * and one record's detail from its ODS table.
 *
 * <p>Who may look is {@link Authorization} ({@link Action#LOOKUP}): by role, and a user below the district only at a
 * person with a record in their area, of whom they see the records in their area. Every look-up states a reason
 * ({@link LookupReason}, 400 without) and is written to {@link LookupLog}; a refusal also to the audit log.
 * Plain single-table SELECTs, so the same SQL runs on Doris and on the local MariaDB.
 */
@Component
public class PersonLookup {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Records read per person at most; a person with more is shown their newest. */
    static final int MAX_RECORDS = 5000;

    static final int MAX_CANDIDATES = 50;
    private static final Pattern PERSON_KEY = Pattern.compile("[0-9a-f]{32}");

    /** A source of {@code dws_person_event}: its label, ODS table, id column and person-key column. */
    public enum Source {
        PETITION("信访", "ods_petition", "petition_id", "person_key"),
        HOTLINE("12345 热线", "ods_hotline_case", "case_id", "caller_key"),
        POLICE("警情", "ods_police_incident", "incident_id", "person_key"),
        ARREARS("欠薪投诉", "ods_arrears_case", "case_id", "complainant_key"),
        GRID("网格走访", "ods_grid_record", "record_id", "person_key");

        private final String label;
        private final String table;
        private final String idColumn;
        private final String keyColumn;

        Source(String label, String table, String idColumn, String keyColumn) {
            this.label = label;
            this.table = table;
            this.idColumn = idColumn;
            this.keyColumn = keyColumn;
        }

        public String label() {
            return label;
        }

        static Source of(String name) {
            for (Source s : values()) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            throw new InvalidInputException("source", "来源应为 PETITION、HOTLINE、POLICE、ARREARS 或 GRID");
        }
    }

    /** A search: exactly one of ID card, phone, or name with street; and the reason. */
    public record SearchRequest(String idCard, String phone, String name, String streetCode, String reason) {}

    private final WarehouseReader warehouse;
    private final AreaDirectory areas;
    private final LookupLog log;
    private final Refusals refusals;
    private final CaseRepository cases;
    private final PiiProtector pii;

    public PersonLookup(
            WarehouseReader warehouse,
            AreaDirectory areas,
            LookupLog log,
            Refusals refusals,
            CaseRepository cases,
            CaseServiceProperties props) {
        this.warehouse = warehouse;
        this.areas = areas;
        this.log = log;
        this.refusals = refusals;
        this.cases = cases;
        this.pii = props.piiSalt().isBlank() ? null : new PiiProtector(props.piiSalt());
    }

    // ---------------------------------------------------------------- search

    /**
     * What the search form offers this user: the streets a search by name may be made in (their area's; the whole
     * district for district users). Refused (403, audited) for a role without 综合查询, as every look-up is.
     */
    public List<Street> searchableStreets(Staff staff) {
        refusals.require(staff, Action.LOOKUP, Target.nothing(), Kind.SEARCH.name(), null);
        return areas.district().streets().stream()
                .filter(st -> staff.districtWide()
                        || staff.covers(st.code())
                        || staff.scopeCode().startsWith(st.code()))
                .toList();
    }

    public SearchResult search(Staff staff, SearchRequest q) {
        mayLook(staff, Kind.SEARCH, null, null, null, null, Target.nothing());
        String reason = LookupReason.require(q.reason());
        requireWarehouse();
        boolean byId = present(q.idCard());
        boolean byPhone = present(q.phone());
        boolean byName = present(q.name());
        if ((byId ? 1 : 0) + (byPhone ? 1 : 0) + (byName ? 1 : 0) != 1) {
            throw new InvalidInputException("id_card", "请只填一项：身份证号、电话，或姓名加街道");
        }
        if (byName) {
            return byName(staff, q.name().strip(), q.streetCode(), reason);
        }
        if (pii == null) {
            throw new UnprocessableException("id_card", "未配置人员标识盐值（gridgov.case.pii-salt），不能按身份证号或电话查询");
        }
        return byId ? byIdCard(staff, q.idCard(), reason) : byPhone(staff, q.phone(), reason);
    }

    private SearchResult byIdCard(Staff staff, String idCard, String reason) {
        // the problem text names no digit of the number, so it can be shown
        if (IdCardNumber.problem(idCard).isPresent()) {
            throw new InvalidInputException("id_card", "身份证号格式不正确");
        }
        String masked = "身份证 " + PiiProtector.maskIdCard(idCard);
        String key = pii.idCardKey(idCard);
        List<Candidate> found = new ArrayList<>();
        candidate(staff, key, masked, reason, "").ifPresent(found::add);
        log.ok(
                staff,
                Kind.SEARCH,
                found.isEmpty() ? null : key,
                found.isEmpty() ? null : label(found.get(0)),
                masked,
                reason,
                found.size() + " 人");
        return new SearchResult(masked, found, List.of());
    }

    private SearchResult byPhone(Staff staff, String phone, String reason) {
        if (PhoneNumber.problem(phone).isPresent()) {
            throw new InvalidInputException("phone", "电话号码格式不正确");
        }
        String masked = "电话 " + PiiProtector.maskPhone(phone);
        String phoneKey = pii.phoneKey(phone);
        PhoneLinks links = new PhoneLinks();
        for (Map<String, Object> r : warehouse.query(
                "SELECT phone_key, evidence_id, person_key, name_key" + " FROM dwd_person_link WHERE phone_key = ?",
                phoneKey)) {
            links.add(new LinkEvidence(
                    str(r, "phone_key"), str(r, "evidence_id"), str(r, "person_key"), str(r, "name_key")));
        }
        PhoneLink link = links.decide(phoneKey);
        List<Candidate> found = new ArrayList<>();
        if (link.linked()) {
            candidate(
                            staff,
                            link.personKey(),
                            masked,
                            reason,
                            "该电话与此身份证人员关联（证据 " + link.evidenceIds().size() + " 条）")
                    .ifPresent(found::add);
        }
        candidate(staff, phoneKey, masked, reason, "仅以电话登记的记录").ifPresent(found::add);
        List<CaseLink> reported = visibleCases(staff, Set.of(phoneKey));
        log.ok(
                staff,
                Kind.SEARCH,
                found.isEmpty() ? null : found.get(0).ref(),
                found.isEmpty() ? null : label(found.get(0)),
                masked,
                reason,
                found.size() + " 人, " + reported.size() + " 件事件");
        return new SearchResult(masked, found, reported);
    }

    /** The person as a hit, when they have records; refused (403, audited) when none lies in the user's area. */
    private Optional<Candidate> candidate(Staff staff, String key, String masked, String reason, String note) {
        List<Located> rows = rows(key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = new Candidate(key, first(rows, "name_masked"), first(rows, "id_card_masked"), rows.size(), note);
        mayLook(staff, Kind.SEARCH, key, label(c), masked, reason, subject(rows));
        return Optional.of(c);
    }

    private SearchResult byName(Staff staff, String name, String streetCode, String reason) {
        if (name.codePointCount(0, name.length()) > 20) {
            throw new InvalidInputException("name", "姓名最多 20 个字");
        }
        if (streetCode == null
                || streetCode.length() != 9
                || areas.district().streets().stream().noneMatch(s -> s.code().equals(streetCode))) {
            throw new InvalidInputException("street_code", "按姓名查询须选择街道");
        }
        // a clear name is masked here as the loader masks it; a masked one (张*) is taken as it is
        String masked = name.contains("*") ? name : PiiProtector.maskName(name);
        String query = "姓名 " + masked + " @ " + areas.name(streetCode);
        mayLook(staff, Kind.SEARCH, null, null, query, reason, new Target.Subject(Set.of(streetCode)));
        Map<String, List<Located>> byPerson = new LinkedHashMap<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT * FROM dws_person_event WHERE name_masked = ?" + " LIMIT " + MAX_RECORDS, masked)) {
            Located l = locate(r);
            if (l.gridCode() != null && l.gridCode().startsWith(streetCode)) {
                byPerson.computeIfAbsent(str(r, "person_key"), k -> new ArrayList<>())
                        .add(l);
            }
        }
        List<Candidate> found = new ArrayList<>();
        for (Map.Entry<String, List<Located>> e : byPerson.entrySet()) {
            if (found.size() == MAX_CANDIDATES) {
                break;
            }
            if (Authorization.allows(staff, Action.LOOKUP, subject(e.getValue()))) {
                found.add(new Candidate(
                        e.getKey(),
                        masked,
                        first(e.getValue(), "id_card_masked"),
                        e.getValue().size(),
                        "在" + areas.name(streetCode) + "有 " + e.getValue().size() + " 条记录"));
            }
        }
        log.ok(staff, Kind.SEARCH, null, null, query, reason, found.size() + " 人");
        return new SearchResult(query, found, List.of());
    }

    // ---------------------------------------------------------------- the file

    public PersonFile person(Staff staff, String ref, String reasonText, int page, int pageSize) {
        mayLook(staff, Kind.PERSON, ref, null, null, reasonText, Target.nothing());
        String reason = LookupReason.require(reasonText);
        requireRef(ref);
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("page", "page 从 1 开始，page_size 为 1 到 " + MAX_PAGE_SIZE);
        }
        requireWarehouse();
        List<Located> all = rows(ref);
        if (all.isEmpty()) {
            log.ok(staff, Kind.PERSON, ref, null, null, reason, "无记录");
            throw new NotFoundException("数据仓库中没有该人员的记录");
        }
        String name = first(all, "name_masked");
        String idMasked = first(all, "id_card_masked");
        String label = label(name, idMasked);
        mayLook(staff, Kind.PERSON, ref, label, null, reason, subject(all));
        List<Located> visible = all.stream().filter(l -> sees(staff, l)).toList();
        Map<String, Long> bySource = new LinkedHashMap<>();
        for (Source s : Source.values()) {
            long n = visible.stream()
                    .filter(l -> s.name().equals(str(l.row(), "source")))
                    .count();
            if (n > 0) {
                bySource.put(s.name(), n);
            }
        }
        Set<String> companies = new TreeSet<>();
        visible.forEach(l -> {
            String c = str(l.row(), "company_name");
            if (c != null && !c.isBlank()) {
                companies.add(c);
            }
        });
        List<Row> pageRows = visible.stream()
                .skip((long) (page - 1) * pageSize)
                .limit(pageSize)
                .map(this::row)
                .toList();
        List<CaseLink> reported = visibleCases(staff, reporterKeys(ref));
        PersonFile file = new PersonFile(
                ref,
                name,
                idMasked,
                risk(ref),
                bySource,
                pageRows,
                page,
                pageSize,
                visible.size(),
                all.size() - visible.size(),
                alerts(ref),
                List.copyOf(companies),
                reported);
        log.ok(
                staff,
                Kind.PERSON,
                ref,
                label,
                null,
                reason,
                "显示 " + visible.size() + " 条，辖区外 " + (all.size() - visible.size()) + " 条，事件 " + reported.size() + " 件");
        return file;
    }

    /** One record of the person, from its source table: every column but keys, the place named. */
    public Map<String, Object> record(Staff staff, String ref, String sourceName, String recordId, String reasonText) {
        mayLook(staff, Kind.RECORD, ref, null, null, reasonText, Target.nothing());
        String reason = LookupReason.require(reasonText);
        requireRef(ref);
        Source source = Source.of(sourceName);
        if (recordId == null || recordId.isBlank() || recordId.length() > 96) {
            throw new InvalidInputException("record_id", "记录编号不正确");
        }
        requireWarehouse();
        List<Map<String, Object>> found = warehouse.query(
                "SELECT * FROM " + source.table + " WHERE " + source.idColumn + " = ? LIMIT 1", recordId);
        if (found.isEmpty() || !ref.equals(found.get(0).get(source.keyColumn))) {
            throw new NotFoundException("该人员没有这条" + source.label + "记录");
        }
        Map<String, Object> r = found.get(0);
        Located l = locate(withSource(r, source));
        String label = label(
                firstNonNull(r, "person_name_masked", "caller_name_masked", "complainant_name_masked"),
                firstNonNull(r, "id_card_masked", "caller_id_card_masked"));
        mayLook(
                staff,
                Kind.RECORD,
                ref,
                label,
                null,
                reason,
                new Target.Subject(l.gridCode() == null ? Set.of() : Set.of(l.gridCode())));
        if (!sees(staff, l)) {
            throw denied(staff, Kind.RECORD, ref, label, reason, "记录不在辖区 " + staff.scopeCode() + " 内");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source.name());
        out.put("source_label", source.label);
        out.put("grid_code", l.gridCode());
        out.put("place", l.gridCode() == null ? "" : areas.name(l.gridCode()));
        r.forEach((k, v) -> {
            if (!k.endsWith("_key") && !k.equals("schema_version")) {
                out.put(k, v);
            }
        });
        log.ok(staff, Kind.RECORD, ref, label, null, reason, source.name() + " " + recordId);
        return out;
    }

    // ---------------------------------------------------------------- reads

    /**
     * The keys a person's case-service cases carry (V21 {@code reporter_key}, the salted key of the reporter's
     * phone): the file's own key (a phone-only entry is keyed by its phone) and every phone the warehouse's link
     * evidence ties to this ID-card person by the loader's rule ({@link PhoneLinks}: only a phone seen with this
     * person alone and no other name). A shared phone links to nobody, so its cases stay out of everyone's file.
     */
    Set<String> reporterKeys(String ref) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ref);
        List<Object> phones = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT DISTINCT phone_key FROM dwd_person_link" + " WHERE person_key = ? LIMIT " + MAX_CANDIDATES,
                ref)) {
            phones.add(r.get("phone_key"));
        }
        if (phones.isEmpty()) {
            return keys;
        }
        PhoneLinks links = new PhoneLinks();
        String marks = String.join(", ", java.util.Collections.nCopies(phones.size(), "?"));
        for (Map<String, Object> r : warehouse.query(
                "SELECT phone_key, evidence_id, person_key, name_key" + " FROM dwd_person_link WHERE phone_key IN ("
                        + marks + ")",
                phones.toArray())) {
            links.add(new LinkEvidence(
                    str(r, "phone_key"), str(r, "evidence_id"), str(r, "person_key"), str(r, "name_key")));
        }
        for (Object phone : phones) {
            PhoneLink link = links.decide((String) phone);
            if (link.linked() && ref.equals(link.personKey())) {
                keys.add((String) phone);
            }
        }
        return keys;
    }

    /** The cases reported under these keys that the user may open, newest first, titles masked. */
    private List<CaseLink> visibleCases(Staff staff, Set<String> keys) {
        List<CaseLink> out = new ArrayList<>();
        for (CaseRecord c : cases.byReporterKeys(keys, MAX_CANDIDATES)) {
            if (Authorization.allows(staff, Action.CASE_VIEW, c.accessTarget())) {
                out.add(new CaseLink(
                        c.id(),
                        PiiProtector.redact(c.report().title()),
                        c.assignment().status().name(),
                        c.timing().createdAt()));
            }
        }
        return out;
    }

    /** A {@code dws_person_event} row with the grid it lies in (its own, else the grid its point falls in). */
    record Located(Map<String, Object> row, String gridCode) {}

    private List<Located> rows(String key) {
        List<Located> out = new ArrayList<>();
        for (Map<String, Object> r :
                warehouse.query("SELECT * FROM dws_person_event WHERE person_key = ?" + " LIMIT " + MAX_RECORDS, key)) {
            out.add(locate(r));
        }
        out.sort(Comparator.comparing(
                        (Located l) -> time(l.row().get("event_time")), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(l -> str(l.row(), "record_id")));
        return out;
    }

    Located locate(Map<String, Object> r) {
        String grid = str(r, "grid_code");
        if (grid == null && r.get("latitude") instanceof Number lat && r.get("longitude") instanceof Number lon) {
            grid = areas.locate(lat.doubleValue(), lon.doubleValue())
                    .map(Grid::code)
                    .orElse(null);
        }
        return new Located(r, grid);
    }

    private static Map<String, Object> withSource(Map<String, Object> r, Source s) {
        Map<String, Object> copy = new LinkedHashMap<>(r);
        copy.put("source", s.name());
        return copy;
    }

    private Row row(Located l) {
        Map<String, Object> r = l.row();
        Source s = Source.of(str(r, "source"));
        return new Row(
                s.name(),
                s.label,
                str(r, "record_id"),
                time(r.get("event_time")),
                l.gridCode(),
                l.gridCode() == null ? "" : areas.name(l.gridCode()),
                str(r, "category_code"),
                str(r, "status"),
                str(r, "company_name"),
                str(r, "summary"));
    }

    private Risk risk(String key) {
        List<Map<String, Object>> month = warehouse.query("SELECT MAX(stat_month) AS m FROM ads_person_risk_month");
        if (month.isEmpty() || month.get(0).get("m") == null) {
            return null;
        }
        List<Map<String, Object>> r = warehouse.query(
                "SELECT * FROM ads_person_risk_month WHERE stat_month = ?" + " AND person_key = ?",
                month.get(0).get("m"),
                key);
        if (r.isEmpty()) {
            return null;
        }
        Map<String, Object> x = r.get(0);
        return new Risk(
                str(x, "stat_month"),
                x.get("risk_score") instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(x.get("risk_score"))),
                str(x, "risk_level"),
                ((Number) x.get("risk_rank")).intValue(),
                str(x, "top_factors"));
    }

    private List<Alert> alerts(String key) {
        List<Alert> out = new ArrayList<>();
        for (Map<String, Object> r : warehouse.query(
                "SELECT alert_id, rule, level_label, event_time, message"
                        + " FROM ads_alert_event WHERE subject_type = 'PERSON' AND subject_key = ?"
                        + " ORDER BY event_time DESC, alert_id DESC LIMIT 50",
                key)) {
            out.add(new Alert(
                    str(r, "alert_id"),
                    str(r, "rule"),
                    str(r, "level_label"),
                    time(r.get("event_time")),
                    str(r, "message")));
        }
        return out;
    }

    /** The name of a grid, community or street code. */
    String placeName(String areaCode) {
        return areas.name(areaCode);
    }

    // ---------------------------------------------------------------- who may look

    static boolean sees(Staff staff, Located l) {
        return staff.districtWide() || staff.covers(l.gridCode());
    }

    private static Target subject(List<Located> rows) {
        Set<String> grids = new LinkedHashSet<>();
        rows.forEach(l -> {
            if (l.gridCode() != null) {
                grids.add(l.gridCode());
            }
        });
        return new Target.Subject(grids);
    }

    void mayLook(Staff staff, Kind kind, String ref, String label, String query, String reason, Target target) {
        Decision d = Authorization.may(staff, Action.LOOKUP, target);
        if (d.denied()) {
            log.denied(staff, kind, ref, label, query, reason == null ? "" : PiiProtector.redact(reason), d.reason());
            throw refusals.refuse(staff, Action.LOOKUP.auditName(), kind.name(), ref, d.reason(), d.message());
        }
    }

    RuntimeException denied(Staff staff, Kind kind, String ref, String label, String reason, String why) {
        log.denied(staff, kind, ref, label, null, reason, why);
        return refusals.refuse(staff, Action.LOOKUP.auditName(), kind.name(), ref, why);
    }

    void requireWarehouse() {
        if (!warehouse.available()) {
            throw new UnprocessableException("warehouse", "未配置数据仓库（gridgov.case.warehouse-url），不能综合查询");
        }
    }

    private static void requireRef(String ref) {
        if (ref == null || !PERSON_KEY.matcher(ref).matches()) {
            throw new InvalidInputException("ref", "人员编号不正确");
        }
    }

    // ---------------------------------------------------------------- small helpers

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static String label(Candidate c) {
        return label(c.nameMasked(), c.idCardMasked());
    }

    static String label(String name, String idMasked) {
        String s = ((name == null ? "" : name) + " " + (idMasked == null ? "" : idMasked)).strip();
        return s.isEmpty() ? "（未登记姓名）" : s;
    }

    private static String first(List<Located> rows, String column) {
        return rows.stream()
                .map(l -> str(l.row(), column))
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElse(null);
    }

    private static String firstNonNull(Map<String, Object> r, String... columns) {
        for (String c : columns) {
            if (r.get(c) != null) {
                return String.valueOf(r.get(c));
            }
        }
        return null;
    }

    static String str(Map<String, Object> r, String column) {
        Object v = r.get(column);
        return v == null ? null : String.valueOf(v);
    }

    static LocalDateTime time(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        return null;
    }
}

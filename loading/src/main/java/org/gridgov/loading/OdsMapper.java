package org.gridgov.loading;

import static org.gridgov.common.pii.PiiProtector.maskIdCard;
import static org.gridgov.common.pii.PiiProtector.maskName;
import static org.gridgov.common.pii.PiiProtector.maskPhone;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.loading.grid.GridWorkRows;
import org.gridgov.loading.identity.PersonKeys;
import org.gridgov.loading.row.RowValues;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Turns a validated source record into its warehouse rows: the ODS row (PII replaced by salted keys and masks) and,
 * where the skeleton has one, the DWD row conformed to the district's grids and categories (12345 cases; grid work
 * records through {@link GridWorkRows}). Complaint texts are
 * redacted too, because citizens type their phone numbers into them.
 * A rejected record becomes one dead-letter row. Thread-safe.
 */
public final class OdsMapper {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final PersonKeys keys;
    private final District district;
    private final CategoryCatalog categories;
    private final GridWorkRows gridWork;

    public OdsMapper(PiiProtector pii, District district, CategoryCatalog categories) {
        this(new PersonKeys(pii), district, categories);
    }

    /** With person keys shared with the link evidence ({@link PersonKeys}: each key hashed once per record). */
    public OdsMapper(PersonKeys keys, District district, CategoryCatalog categories) {
        this.keys = keys;
        this.district = district;
        this.categories = categories;
        this.gridWork = new GridWorkRows(keys, district, categories);
    }

    public List<TableRow> rows(SourceRecord record) {
        if (record instanceof HotlineCase c) {
            // the ODS and DWD rows carry the same redacted text and caller key: redact and hash once
            String content = PiiProtector.redact(c.content());
            String callerKey = keys.personKey(c.callerIdCard(), c.callerPhone());
            return List.of(ods(c, content, callerKey), dwd(c, content, callerKey));
        } else if (record instanceof Petition p) {
            return List.of(ods(p));
        } else if (record instanceof ArrearsCase a) {
            return List.of(ods(a));
        } else if (record instanceof PoliceIncident i) {
            return List.of(ods(i));
        } else if (record instanceof GridRecord g) {
            List<TableRow> work = gridWork.rows(g);
            return work.isEmpty() ? List.of(ods(g)) : List.of(ods(g), work.get(0));
        }
        throw new IllegalArgumentException("no mapping for " + record.getClass());
    }

    /**
     * The dead-letter row of a rejected record. {@code position} identifies where the record was read (topic,
     * partition and offset, or file and line) and makes the id deterministic, so a replay overwrites, not duplicates.
     */
    public static TableRow deadLetter(
            String source,
            String position,
            String recordKey,
            Decoded<?> rejected,
            String payload,
            LocalDateTime receivedTime) {
        RowValues v = new RowValues(WarehouseSchema.DLQ_RECORD);
        v.put("dlq_id", position);
        v.put("source", source);
        v.put("record_key", recordKey == null ? null : PiiProtector.redact(truncate(recordKey, 64)));
        v.put("error_field", truncate(rejected.firstField(), 64));
        v.put("reason", truncate(PiiProtector.redact(rejected.reason()), 1000));
        v.put("payload", PiiProtector.redact(payload == null ? "" : payload));
        v.put("received_time", Json.time(receivedTime));
        return v.row();
    }

    private TableRow ods(HotlineCase c, String redactedContent, String callerKey) {
        RowValues v = new RowValues(WarehouseSchema.ODS_HOTLINE_CASE);
        v.put("case_id", c.caseId());
        v.put("accept_date", date(c.acceptTime()));
        v.put("schema_version", c.schemaVersion());
        v.put("channel", c.channel().name());
        v.put("category_code", c.categoryCode());
        v.put("content", redactedContent);
        v.put("caller_key", callerKey);
        v.put("caller_name_masked", maskName(c.callerName()));
        v.put("caller_phone_masked", maskPhone(c.callerPhone()));
        v.put("caller_id_card_masked", maskIdCard(c.callerIdCard()));
        v.put("latitude", c.latitude());
        v.put("longitude", c.longitude());
        v.put("address", PiiProtector.redact(c.address()));
        v.put("department", c.department());
        v.put("accept_time", Json.time(c.acceptTime()));
        v.put("deadline", Json.time(c.deadline()));
        v.put("status", c.status().name());
        v.put("reply_time", Json.time(c.replyTime()));
        v.put("close_time", Json.time(c.closeTime()));
        v.put("satisfaction", c.satisfaction());
        return v.row();
    }

    private TableRow dwd(HotlineCase c, String redactedContent, String callerKey) {
        Grid grid = district.locate(c.latitude(), c.longitude())
                .orElseThrow(() ->
                        new IllegalArgumentException("case " + c.caseId() + " passed validation but lies in no grid"));
        Category category = categories.get(c.categoryCode());
        boolean closed = c.status() == CaseStatus.CLOSED;
        boolean replied = c.replyTime() != null || closed || c.status() == CaseStatus.REPLIED;
        RowValues v = new RowValues(WarehouseSchema.DWD_HOTLINE_CASE);
        v.put("case_id", c.caseId());
        v.put("accept_date", date(c.acceptTime()));
        v.put("accept_month", MONTH.format(c.acceptTime()));
        v.put("street_code", grid.streetCode());
        v.put("community_code", grid.communityCode());
        v.put("grid_code", grid.code());
        v.put("channel", c.channel().name());
        v.put("category_code", category.code());
        v.put("category_l1_code", category.parentCode());
        v.put("department", c.department() != null ? c.department() : category.department());
        v.put("caller_key", callerKey);
        v.put("accept_time", Json.time(c.acceptTime()));
        v.put("deadline", Json.time(c.deadline()));
        v.put("status", c.status().name());
        v.put("is_replied", flag(replied));
        v.put("is_closed", flag(closed));
        v.put("is_overdue", flag(isOverdue(c)));
        v.put("satisfaction", c.satisfaction());
        v.put("close_time", Json.time(c.closeTime()));
        // duplicates of an open case are marked by the stream loader, which remembers each caller's open cases
        v.put("master_case_id", null);
        v.put("is_duplicate", 0);
        v.put("content", redactedContent);
        return v.row();
    }

    /**
     * Closed after the deadline, or still open although the deadline has passed as of the case's last known time.
     * The loader has no wall clock it may use (replays must give the same rows), so an open case is judged against
     * the latest time recorded on it; the overdue-case job raises the live alert.
     */
    static boolean isOverdue(HotlineCase c) {
        if (c.deadline() == null) {
            return false;
        }
        if (c.closeTime() != null) {
            return c.closeTime().isAfter(c.deadline());
        }
        LocalDateTime lastSeen = c.replyTime() != null ? c.replyTime() : c.acceptTime();
        return lastSeen.isAfter(c.deadline());
    }

    private TableRow ods(Petition p) {
        RowValues v = new RowValues(WarehouseSchema.ODS_PETITION);
        v.put("petition_id", p.petitionId());
        v.put("petition_date", date(p.petitionTime()));
        v.put("schema_version", p.schemaVersion());
        v.put("person_key", keys.idCardKey(p.personIdCard()));
        v.put("person_name_masked", maskName(p.personName()));
        v.put("id_card_masked", maskIdCard(p.personIdCard()));
        v.put("phone_masked", maskPhone(p.personPhone()));
        v.put("form", p.form().name());
        v.put("category_code", p.categoryCode());
        v.put("content", PiiProtector.redact(p.content()));
        v.put("company_name", p.companyName());
        v.put("group_size", p.groupSize());
        v.put("latitude", p.latitude());
        v.put("longitude", p.longitude());
        v.put("petition_time", Json.time(p.petitionTime()));
        return v.row();
    }

    private TableRow ods(ArrearsCase a) {
        RowValues v = new RowValues(WarehouseSchema.ODS_ARREARS_CASE);
        v.put("case_id", a.caseId());
        v.put("report_date", date(a.reportTime()));
        v.put("schema_version", a.schemaVersion());
        v.put("company_name", a.companyName());
        v.put("project_name", a.projectName());
        v.put("worker_count", a.workerCount());
        v.put("amount_yuan", a.amountYuan().toPlainString());
        v.put("complainant_key", keys.idCardKey(a.complainantIdCard()));
        v.put("complainant_name_masked", maskName(a.complainantName()));
        v.put("id_card_masked", maskIdCard(a.complainantIdCard()));
        v.put("phone_masked", maskPhone(a.complainantPhone()));
        v.put("latitude", a.latitude());
        v.put("longitude", a.longitude());
        v.put("report_time", Json.time(a.reportTime()));
        v.put("status", a.status().name());
        v.put("resolved_time", Json.time(a.resolvedTime()));
        return v.row();
    }

    private TableRow ods(PoliceIncident i) {
        RowValues v = new RowValues(WarehouseSchema.ODS_POLICE_INCIDENT);
        v.put("incident_id", i.incidentId());
        v.put("report_date", date(i.reportTime()));
        v.put("schema_version", i.schemaVersion());
        v.put("incident_type", i.incidentType().name());
        v.put("person_key", keys.personKey(i.personIdCard(), i.personPhone()));
        v.put("person_name_masked", maskName(i.personName()));
        v.put("id_card_masked", maskIdCard(i.personIdCard()));
        v.put("phone_masked", maskPhone(i.personPhone()));
        v.put("content", PiiProtector.redact(i.content()));
        v.put("latitude", i.latitude());
        v.put("longitude", i.longitude());
        v.put("report_time", Json.time(i.reportTime()));
        return v.row();
    }

    private TableRow ods(GridRecord g) {
        RowValues v = new RowValues(WarehouseSchema.ODS_GRID_RECORD);
        v.put("record_id", g.recordId());
        v.put("record_date", date(g.recordTime()));
        v.put("schema_version", g.schemaVersion());
        v.put("kind", g.kind().name());
        v.put("grid_code", g.gridCode());
        v.put("worker_id", g.workerId());
        v.put("person_key", keys.idCardKey(g.personIdCard()));
        v.put("id_card_masked", maskIdCard(g.personIdCard()));
        v.put("category_code", g.categoryCode());
        v.put("content", PiiProtector.redact(g.content()));
        v.put("latitude", g.latitude());
        v.put("longitude", g.longitude());
        v.put("record_time", Json.time(g.recordTime()));
        v.put("detail", GridWorkRows.detail(g));
        return v.row();
    }

    private static String date(LocalDateTime t) {
        LocalDate d = t.toLocalDate();
        return d.toString();
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The ODS table a source's records land in. */
    public static Table odsTable(SourceType source) {
        return switch (source) {
            case HOTLINE -> WarehouseSchema.ODS_HOTLINE_CASE;
            case PETITION -> WarehouseSchema.ODS_PETITION;
            case ARREARS -> WarehouseSchema.ODS_ARREARS_CASE;
            case POLICE -> WarehouseSchema.ODS_POLICE_INCIDENT;
            case GRID -> WarehouseSchema.ODS_GRID_RECORD;
        };
    }
}

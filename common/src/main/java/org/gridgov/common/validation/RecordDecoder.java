package org.gridgov.common.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.ArrearsStatus;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.DisputeType;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.IncidentType;
import org.gridgov.common.model.MediationOutcome;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PetitionForm;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.model.TrackPoint;
import org.gridgov.common.track.PatrolMetrics;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Reads a raw JSON record of one source and checks it: required fields, types, ID-card checksums, phone formats,
 * enum values, known categories and grids, coordinates inside the district and plausible times.
 * Thread-safe; cheap to share.
 */
public final class RecordDecoder {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Earliest plausible event time; older stamps are typing errors or epoch defaults. */
    static final LocalDateTime EARLIEST = LocalDateTime.of(2000, 1, 1, 0, 0);

    static final int MAX_TEXT = 2000;
    static final int MAX_ID = 64;
    static final int MAX_NAME = 32;
    /** A patrol with more fixes than this is a logger gone wild (a fix a second for 83 minutes), not a patrol. */
    public static final int MAX_TRACK_POINTS = 5000;
    /** Track points this far outside the district are refused ({@link #checkTrack}). */
    public static final double TRACK_TOLERANCE_M = 1000;

    static final int MAX_PATROL_SECONDS = 24 * 3600;
    private static final List<String> GRID_V2_FIELDS =
            List.of("track", "check_out_time", "check_out_latitude", "check_out_longitude", "dispute_type", "outcome");

    private final District district;
    private final CategoryCatalog categories;
    private final Clock clock;

    public RecordDecoder(District district, CategoryCatalog categories, Clock clock) {
        this.district = district;
        this.categories = categories;
        this.clock = clock;
    }

    public static RecordDecoder standard() {
        return new RecordDecoder(District.licheng(), CategoryCatalog.standard(), Clock.system(ZONE));
    }

    public Decoded<SourceRecord> decode(SourceType source, String json) {
        JsonNode node;
        try {
            node = json == null ? null : Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return Decoded.rejected(List.of(new Violation("$", "not valid JSON: " + e.getOriginalMessage())));
        }
        return decode(source, node);
    }

    /**
     * Like {@link #decode(SourceType, String)}, for a record already held as a JSON tree (the local DataX runner
     * pairs a CSV row's cells with field names into one, rather than writing JSON text to parse it again).
     */
    public Decoded<SourceRecord> decode(SourceType source, JsonNode node) {
        List<Violation> violations = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return Decoded.rejected(List.of(new Violation("$", "expected a JSON object")));
        }
        FieldReader r = new FieldReader(node, violations);
        Integer version = r.integer("schema_version", true);
        if (version != null && (version < 1 || version > source.latestSchemaVersion())) {
            r.reject(
                    "schema_version",
                    "unsupported version " + version + " (this reader knows 1.." + source.latestSchemaVersion() + ")");
        }
        int v = version == null ? 0 : version;
        SourceRecord record =
                switch (source) {
                    case HOTLINE -> hotline(r, v);
                    case PETITION -> petition(r, v);
                    case ARREARS -> arrears(r, v);
                    case POLICE -> police(r, v);
                    case GRID -> grid(r, v);
                };
        // checked whatever else failed, so one correction round fixes everything
        if (!Double.isNaN(record.latitude()) && !Double.isNaN(record.longitude())) {
            checkPlace(r, record.latitude(), record.longitude());
        }
        if (record.eventTime() != null) {
            checkTime(r, source.eventTimeField(), record.eventTime());
        }
        return violations.isEmpty() ? Decoded.valid(record) : Decoded.rejected(violations);
    }

    private HotlineCase hotline(FieldReader r, int v) {
        String caseId = r.text("case_id", true, MAX_ID);
        Channel channel = r.enumValue("channel", Channel.class, true);
        String category = category(r, "category_code", true);
        String content = r.text("content", true, MAX_TEXT);
        String name = r.text("caller_name", false, MAX_NAME);
        String phone = r.phone("caller_phone", false);
        String idCard = r.idCard("caller_id_card", false);
        double lat = coordinate(r, "latitude");
        double lon = coordinate(r, "longitude");
        String address = r.text("address", false, 200);
        String department = r.text("department", false, MAX_NAME);
        LocalDateTime accept = r.time("accept_time", true);
        LocalDateTime deadline = r.time("deadline", false);
        CaseStatus status = r.enumValue("status", CaseStatus.class, true);
        LocalDateTime reply = r.time("reply_time", false);
        LocalDateTime close = r.time("close_time", false);
        Integer satisfaction = r.integer("satisfaction", false);
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            r.reject("satisfaction", "must be 1..5, got " + satisfaction);
        }
        notBefore(r, "deadline", deadline, accept);
        notBefore(r, "reply_time", reply, accept);
        notBefore(r, "close_time", close, accept);
        notInFuture(r, "reply_time", reply);
        notInFuture(r, "close_time", close);
        if (status == CaseStatus.CLOSED && close == null) {
            r.reject("close_time", "required when status is CLOSED");
        }
        return new HotlineCase(
                v,
                caseId,
                channel,
                category,
                content,
                name,
                phone,
                idCard,
                lat,
                lon,
                address,
                department,
                accept,
                deadline,
                status,
                reply,
                close,
                satisfaction);
    }

    private Petition petition(FieldReader r, int v) {
        String id = r.text("petition_id", true, MAX_ID);
        String name = r.text("person_name", true, MAX_NAME);
        String idCard = r.idCard("person_id_card", true);
        String phone = r.phone("person_phone", false);
        PetitionForm form = r.enumValue("form", PetitionForm.class, true);
        String category = category(r, "category_code", true);
        String content = r.text("content", true, MAX_TEXT);
        String company = r.text("company_name", false, 100);
        Integer groupSize = r.integer("group_size", true);
        if (groupSize != null && groupSize < 1) {
            r.reject("group_size", "must be at least 1, got " + groupSize);
        }
        double lat = coordinate(r, "latitude");
        double lon = coordinate(r, "longitude");
        LocalDateTime time = r.time("petition_time", true);
        return new Petition(
                v,
                id,
                name,
                idCard,
                phone,
                form,
                category,
                content,
                company,
                groupSize == null ? 0 : groupSize,
                lat,
                lon,
                time);
    }

    private ArrearsCase arrears(FieldReader r, int v) {
        String id = r.text("case_id", true, MAX_ID);
        String company = r.text("company_name", true, 100);
        String project = r.text("project_name", false, 100);
        Integer workers = r.integer("worker_count", true);
        if (workers != null && workers < 1) {
            r.reject("worker_count", "must be at least 1, got " + workers);
        }
        BigDecimal amount = r.decimal("amount_yuan", true);
        if (amount != null && (amount.signum() < 0 || amount.compareTo(new BigDecimal("100000000000000")) >= 0)) {
            r.reject("amount_yuan", "must be between 0 and 10^14 yuan, got " + amount.toPlainString());
        }
        String name = r.text("complainant_name", false, MAX_NAME);
        String idCard = r.idCard("complainant_id_card", true);
        String phone = r.phone("complainant_phone", false);
        double lat = coordinate(r, "latitude");
        double lon = coordinate(r, "longitude");
        LocalDateTime report = r.time("report_time", true);
        ArrearsStatus status = r.enumValue("status", ArrearsStatus.class, true);
        LocalDateTime resolved = r.time("resolved_time", false);
        notBefore(r, "resolved_time", resolved, report);
        notInFuture(r, "resolved_time", resolved);
        if (status == ArrearsStatus.RESOLVED && resolved == null) {
            r.reject("resolved_time", "required when status is RESOLVED");
        }
        return new ArrearsCase(
                v,
                id,
                company,
                project,
                workers == null ? 0 : workers,
                amount,
                name,
                idCard,
                phone,
                lat,
                lon,
                report,
                status,
                resolved);
    }

    private PoliceIncident police(FieldReader r, int v) {
        String id = r.text("incident_id", true, MAX_ID);
        IncidentType type = r.enumValue("incident_type", IncidentType.class, true);
        String name = r.text("person_name", false, MAX_NAME);
        String idCard = r.idCard("person_id_card", false);
        String phone = r.phone("person_phone", false);
        String content = r.text("content", true, MAX_TEXT);
        double lat = coordinate(r, "latitude");
        double lon = coordinate(r, "longitude");
        LocalDateTime time = r.time("report_time", true);
        return new PoliceIncident(v, id, type, name, idCard, phone, content, lat, lon, time);
    }

    private GridRecord grid(FieldReader r, int v) {
        String id = r.text("record_id", true, MAX_ID);
        GridRecordKind kind = r.enumValue("kind", GridRecordKind.class, true);
        if (kind != null && v > 0 && v < kind.sinceVersion()) {
            r.reject("kind", kind + " records need schema_version " + kind.sinceVersion() + " or later, got " + v);
        }
        String gridCode = r.text("grid_code", true, 32);
        if (gridCode != null && district.grid(gridCode).isEmpty()) {
            r.reject("grid_code", "unknown grid " + gridCode);
        }
        String worker = r.text("worker_id", true, 32);
        String idCard = r.idCard("person_id_card", kind == GridRecordKind.VISIT);
        String category = category(r, "category_code", kind == GridRecordKind.REPORT);
        String content = r.text("content", true, MAX_TEXT);
        double lat = coordinate(r, "latitude");
        double lon = coordinate(r, "longitude");
        LocalDateTime time = r.time("record_time", true);
        if (v < 2) {
            for (String f : GRID_V2_FIELDS) {
                if (r.has(f)) {
                    r.reject(f, "is a field of schema_version 2 records, this one is version " + v);
                }
            }
            return new GridRecord(v, id, kind, gridCode, worker, idCard, category, content, lat, lon, time);
        }
        List<TrackPoint> track =
                only(r, kind, GridRecordKind.PATROL, "track") ? r.track("track", false, MAX_TRACK_POINTS) : null;
        if (track != null && time != null) {
            checkTrack(r, time, track);
        }
        LocalDateTime checkOut = null;
        Double outLat = null;
        Double outLon = null;
        if (only(r, kind, GridRecordKind.ATTENDANCE, "check_out_time", "check_out_latitude", "check_out_longitude")) {
            checkOut = r.time("check_out_time", false);
            outLat = r.number("check_out_latitude", checkOut != null);
            outLon = r.number("check_out_longitude", checkOut != null);
            if (checkOut == null && (outLat != null || outLon != null)) {
                r.reject("check_out_time", "required when a check-out position is given");
            }
            notBefore(r, "check_out_time", checkOut, time);
            notInFuture(r, "check_out_time", checkOut);
            if (checkOut != null && time != null && checkOut.isAfter(time.plusDays(1))) {
                r.reject("check_out_time", "more than 24 hours after the check-in " + Json.time(time));
            }
            if (outLat != null && outLon != null && !district.contains(outLat, outLon)) {
                r.reject("check_out_latitude", "(" + outLat + ", " + outLon + ") is outside " + District.NAME);
            }
        }
        DisputeType dispute = null;
        MediationOutcome outcome = null;
        if (only(r, kind, GridRecordKind.MEDIATION, "dispute_type", "outcome")) {
            dispute = r.enumValue("dispute_type", DisputeType.class, kind == GridRecordKind.MEDIATION);
            outcome = r.enumValue("outcome", MediationOutcome.class, kind == GridRecordKind.MEDIATION);
        }
        return new GridRecord(
                v, id, kind, gridCode, worker, idCard, category, content, lat, lon, time, track, checkOut, outLat,
                outLon, dispute, outcome);
    }

    /**
     * Whether {@code kind} may carry {@code fields}: true for the kind they belong to (and for a kind that could not
     * be read, so its other problems are still reported); otherwise each one present is a violation.
     */
    private static boolean only(FieldReader r, GridRecordKind kind, GridRecordKind owner, String... fields) {
        if (kind == null || kind == owner) {
            return true;
        }
        for (String f : fields) {
            if (r.has(f)) {
                r.reject(f, "only " + owner + " records have " + f + ", this is a " + kind);
            }
        }
        return false;
    }

    /**
     * A track's points lie in the district or near it (GPS drifts a little across a border grid's edge; a point
     * {@value #TRACK_TOLERANCE_M} m or more outside is a broken fix or a faked one), and the patrol ends within a day
     * and not in the future. The first offending point is reported.
     */
    private void checkTrack(FieldReader r, LocalDateTime start, List<TrackPoint> track) {
        for (int i = 0; i < track.size(); i++) {
            TrackPoint p = track.get(i);
            double outside = metresOutside(p.latitude(), p.longitude());
            if (outside >= TRACK_TOLERANCE_M) {
                r.reject(
                        "track[" + i + "]",
                        "(" + p.latitude() + ", " + p.longitude() + ") is "
                                + (Double.isInfinite(outside)
                                        ? "not a coordinate"
                                        : Math.round(outside) + " m outside " + District.NAME));
                return;
            }
        }
        int last = track.get(track.size() - 1).second();
        if (last > MAX_PATROL_SECONDS) {
            r.reject("track", "the patrol lasts " + last / 3600 + " h, more than 24 hours");
        } else {
            notInFuture(r, "track", start.plusSeconds(last));
        }
    }

    /** Distance from the point to the district's boundary in metres (0 inside), infinite for a non-coordinate. */
    private double metresOutside(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            return Double.POSITIVE_INFINITY;
        }
        if (district.contains(lat, lon)) {
            return 0;
        }
        Coordinate nearest = DistanceOp.nearestPoints(district.boundary(), district.point(lat, lon))[0];
        return PatrolMetrics.haversine(lat, lon, nearest.y, nearest.x);
    }

    private String category(FieldReader r, String field, boolean required) {
        String code = r.text(field, required, 32);
        if (code != null && categories.find(code).isEmpty()) {
            r.reject(field, "unknown category " + code);
        }
        return code;
    }

    private static double coordinate(FieldReader r, String field) {
        Double d = r.number(field, true);
        return d == null ? Double.NaN : d;
    }

    private void checkPlace(FieldReader r, double lat, double lon) {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            r.reject("latitude", "(" + lat + ", " + lon + ") is not a coordinate");
        } else if (!district.contains(lat, lon)) {
            r.reject("latitude", "(" + lat + ", " + lon + ") is outside " + District.NAME);
        }
    }

    private void checkTime(FieldReader r, String field, LocalDateTime t) {
        LocalDateTime latest = LocalDateTime.now(clock).plusDays(1);
        if (t.isBefore(EARLIEST)) {
            r.reject(field, t + " is before " + EARLIEST.toLocalDate());
        } else if (t.isAfter(latest)) {
            r.reject(field, t + " is in the future");
        }
    }

    /** A step that has not happened yet cannot have a time; a 2099 close_time would make a case overdue. */
    private void notInFuture(FieldReader r, String field, LocalDateTime t) {
        if (t != null && t.isAfter(LocalDateTime.now(clock).plusDays(1))) {
            r.reject(field, Json.time(t) + " is in the future");
        }
    }

    private static void notBefore(FieldReader r, String field, LocalDateTime t, LocalDateTime start) {
        if (t != null && start != null && t.isBefore(start)) {
            r.reject(field, "is before the record's start time " + Json.time(start));
        }
    }
}

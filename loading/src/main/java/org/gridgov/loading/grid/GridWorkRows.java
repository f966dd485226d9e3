package org.gridgov.loading.grid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.TrackPoint;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.track.PatrolMetrics;
import org.gridgov.loading.identity.PersonKeys;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.TableRow;

/**
 * A valid grid record's conformed DWD row for 监督考核 (issue 16 part 2), written beside its {@code ods_grid_record}
 * row: attendance → {@code dwd_grid_attendance}, a tracked patrol → {@code dwd_grid_patrol} (metrics by
 * {@link PatrolMetrics} against the worker's grid polygon), visit → {@code dwd_grid_visit} (resident as salted key),
 * mediation → {@code dwd_grid_mediation}, report → {@code dwd_grid_report}. A patrol without a track (schema version
 * 1) has no DWD row. Each row is a function of the record alone, so a replay writes the same row. Thread-safe.
 */
public final class GridWorkRows {

    private final PersonKeys keys;
    private final District district;
    private final CategoryCatalog categories;

    public GridWorkRows(PiiProtector pii, District district, CategoryCatalog categories) {
        this(new PersonKeys(pii), district, categories);
    }

    /** With the person keys of the record's ODS row ({@link PersonKeys}: a visited resident's key hashed once). */
    public GridWorkRows(PersonKeys keys, District district, CategoryCatalog categories) {
        this.keys = keys;
        this.district = district;
        this.categories = categories;
    }

    /** The record's DWD rows: one, or none for a patrol without a track. */
    public List<TableRow> rows(GridRecord g) {
        Grid grid = district.grid(g.gridCode())
                .orElseThrow(() -> new IllegalArgumentException(
                        "record " + g.recordId() + " passed validation but names no grid of the district"));
        Map<String, Object> v = new LinkedHashMap<>();
        switch (g.kind()) {
            case ATTENDANCE -> {
                v.put("worker_id", g.workerId());
                v.put("work_date", g.recordTime().toLocalDate().toString());
                place(v, grid);
                v.put("check_in_time", Json.time(g.recordTime()));
                v.put("check_out_time", Json.time(g.checkOutTime()));
                v.put("check_in_lat", g.latitude());
                v.put("check_in_lon", g.longitude());
                v.put("is_missing_checkout", flag(g.checkOutTime() == null));
                v.put(
                        "is_off_grid_checkin",
                        flag(!grid.boundary().covers(district.point(g.latitude(), g.longitude()))));
                return List.of(GridWorkTables.DWD_GRID_ATTENDANCE.row(v));
            }
            case PATROL -> {
                if (g.track() == null) {
                    return List.of();
                }
                PatrolMetrics m = PatrolMetrics.of(g.track(), grid.boundary());
                List<TrackPoint> t = g.track();
                v.put("patrol_id", g.recordId());
                v.put("patrol_date", g.recordTime().toLocalDate().toString());
                v.put("worker_id", g.workerId());
                place(v, grid);
                v.put(
                        "start_time",
                        Json.time(g.recordTime().plusSeconds(t.get(0).second())));
                v.put("end_time", Json.time(g.endTime()));
                v.put("duration_min", m.durationMin());
                v.put("distance_m", m.distanceM());
                v.put("point_count", m.pointCount());
                v.put("coverage_ratio", m.coverageRatio());
                v.put("max_speed_kmh", m.maxSpeedKmh());
                v.put("jump_count", m.jumpCount());
                v.put("is_fake_jump", flag(m.isFakeJump()));
                return List.of(GridWorkTables.DWD_GRID_PATROL.row(v));
            }
            case VISIT -> {
                v.put("visit_id", g.recordId());
                v.put("visit_date", g.recordTime().toLocalDate().toString());
                v.put("worker_id", g.workerId());
                place(v, grid);
                v.put("person_key", keys.idCardKey(g.personIdCard()));
                v.put("visit_time", Json.time(g.recordTime()));
                return List.of(GridWorkTables.DWD_GRID_VISIT.row(v));
            }
            case MEDIATION -> {
                v.put("mediation_id", g.recordId());
                v.put("mediation_date", g.recordTime().toLocalDate().toString());
                v.put("worker_id", g.workerId());
                place(v, grid);
                v.put("dispute_type", g.disputeType().name());
                v.put("outcome", g.outcome().name());
                v.put("mediation_time", Json.time(g.recordTime()));
                return List.of(GridWorkTables.DWD_GRID_MEDIATION.row(v));
            }
            case REPORT -> {
                v.put("record_id", g.recordId());
                v.put("record_date", g.recordTime().toLocalDate().toString());
                v.put("worker_id", g.workerId());
                place(v, grid);
                v.put("category_code", g.categoryCode());
                v.put("is_hidden_danger", flag(categories.isHiddenDanger(g.categoryCode())));
                v.put("record_time", Json.time(g.recordTime()));
                return List.of(GridWorkTables.DWD_GRID_REPORT.row(v));
            }
            default -> throw new IllegalArgumentException("no DWD row for grid records of kind " + g.kind());
        }
    }

    /**
     * The version 2 fields of a record as the JSON of {@code ods_grid_record.detail} (track as compact points), or
     * null when it has none (every version 1 record).
     */
    public static String detail(GridRecord g) {
        Map<String, Object> d = new LinkedHashMap<>();
        putIfSet(d, "track", g.track());
        putIfSet(d, "check_out_time", Json.time(g.checkOutTime()));
        putIfSet(d, "check_out_latitude", g.checkOutLatitude());
        putIfSet(d, "check_out_longitude", g.checkOutLongitude());
        putIfSet(
                d,
                "dispute_type",
                g.disputeType() == null ? null : g.disputeType().name());
        putIfSet(d, "outcome", g.outcome() == null ? null : g.outcome().name());
        return d.isEmpty() ? null : Json.write(d);
    }

    private static void putIfSet(Map<String, Object> d, String key, Object value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private static void place(Map<String, Object> v, Grid grid) {
        v.put("grid_code", grid.code());
        v.put("street_code", grid.streetCode());
        v.put("community_code", grid.communityCode());
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }
}

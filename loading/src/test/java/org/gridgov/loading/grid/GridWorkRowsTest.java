package org.gridgov.loading.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.TrackPoint;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.testing.SampleRecords;
import org.gridgov.common.track.PatrolMetrics;
import org.gridgov.loading.OdsMapper;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

/** Each grid record kind → its ods_grid_record row and its dwd_grid_* row, column by column. */
class GridWorkRowsTest {

    private static final District DISTRICT = District.licheng();
    private static final Grid GRID = SampleRecords.GRID;
    private final PiiProtector pii = SampleRecords.pii();
    private final OdsMapper mapper = new OdsMapper(pii, DISTRICT, CategoryCatalog.standard());

    @Test
    void attendanceBecomesItsWorkerDayRow() {
        GridRecord a = SampleRecords.attendance();
        List<TableRow> rows = mapper.rows(a);

        assertThat(rows).extracting(r -> r.table).containsExactly("ods_grid_record", "dwd_grid_attendance");
        assertThat(values(rows.get(1)))
                .containsExactlyEntriesOf(ordered(
                        "worker_id",
                        "W00200101",
                        "work_date",
                        "2024-01-10",
                        "grid_code",
                        GRID.code(),
                        "street_code",
                        GRID.streetCode(),
                        "community_code",
                        GRID.communityCode(),
                        "check_in_time",
                        "2024-01-10 08:02:00",
                        "check_out_time",
                        "2024-01-10 17:36:00",
                        "check_in_lat",
                        String.valueOf(SampleRecords.LATITUDE),
                        "check_in_lon",
                        String.valueOf(SampleRecords.LONGITUDE),
                        "is_missing_checkout",
                        "0",
                        "is_off_grid_checkin",
                        "0"));
        Map<String, String> ods = values(rows.get(0));
        assertThat(ods)
                .containsEntry("kind", "ATTENDANCE")
                .containsEntry("schema_version", "2")
                .containsEntry("record_time", "2024-01-10 08:02:00")
                .containsEntry("person_key", null);
        assertThat(ods.get("detail"))
                .isEqualTo("{\"check_out_time\":\"2024-01-10 17:36:00\",\"check_out_latitude\":"
                        + SampleRecords.LATITUDE + ",\"check_out_longitude\":" + SampleRecords.LONGITUDE + "}");
    }

    @Test
    void aDayWithoutCheckOutAndACheckInElsewhereAreFlagged() {
        Grid neighbour = DISTRICT.grids().get(DISTRICT.grids().indexOf(GRID) + 1);
        GridRecord a = SampleRecords.gridBuilder()
                .schemaVersion(2)
                .kind(GridRecordKind.ATTENDANCE)
                .personIdCard(null)
                .categoryCode(null)
                .workerId("W00200101")
                .at(neighbour.anchor().getY(), neighbour.anchor().getX())
                .build();

        Map<String, String> dwd = values(mapper.rows(a).get(1));

        assertThat(dwd)
                .containsEntry("check_out_time", null)
                .containsEntry("is_missing_checkout", "1")
                .containsEntry("is_off_grid_checkin", "1")
                .containsEntry("grid_code", GRID.code());
        assertThat(values(mapper.rows(a).get(0))).containsEntry("detail", null);
    }

    @Test
    void aTrackedPatrolBecomesItsMetricsRow() throws Exception {
        GridRecord p = SampleRecords.patrol();
        List<TableRow> rows = mapper.rows(p);

        assertThat(rows).extracting(r -> r.table).containsExactly("ods_grid_record", "dwd_grid_patrol");
        Map<String, String> dwd = values(rows.get(1));
        PatrolMetrics m = PatrolMetrics.of(p.track(), GRID.boundary());
        assertThat(dwd)
                .containsEntry("patrol_id", p.recordId())
                .containsEntry("patrol_date", "2024-01-10")
                .containsEntry("worker_id", "W00200101")
                .containsEntry("grid_code", GRID.code())
                .containsEntry("street_code", GRID.streetCode())
                .containsEntry("community_code", GRID.communityCode())
                .containsEntry("start_time", "2024-01-10 15:00:00")
                .containsEntry("end_time", "2024-01-10 15:30:00")
                .containsEntry("duration_min", "30")
                .containsEntry("point_count", "31")
                .containsEntry("distance_m", String.valueOf(m.distanceM()))
                .containsEntry("coverage_ratio", String.valueOf(m.coverageRatio()))
                .containsEntry("max_speed_kmh", String.valueOf(m.maxSpeedKmh()))
                .containsEntry("jump_count", "0")
                .containsEntry("is_fake_jump", "0");
        // 30 steps of 0.00036° of latitude: about 1.2 km at 2.4 km/h
        assertThat(Integer.parseInt(dwd.get("distance_m"))).isBetween(1195, 1205);
        assertThat(Double.parseDouble(dwd.get("max_speed_kmh"))).isCloseTo(2.4, within(0.01));
        assertThat(Double.parseDouble(dwd.get("coverage_ratio"))).isBetween(0.015, 0.02);

        JsonNode detail =
                Json.mapper().readTree(values(rows.get(0)).get("detail")).get("track");
        assertThat(detail.size()).isEqualTo(31);
        assertThat(detail.get(30).get(0).asInt()).isEqualTo(1800);
    }

    @Test
    void aPatrolWithAJumpIsAFakeJump() {
        List<TrackPoint> t = new java.util.ArrayList<>(SampleRecords.patrol().track());
        TrackPoint last = t.get(t.size() - 1);
        // 1.5 km further north 20 s later: 270 km/h
        t.add(new TrackPoint(last.second() + 20, last.latitude() + 0.0135, last.longitude()));
        GridRecord p = SampleRecords.gridBuilder()
                .schemaVersion(2)
                .kind(GridRecordKind.PATROL)
                .personIdCard(null)
                .categoryCode(null)
                .track(t)
                .build();

        Map<String, String> dwd = values(mapper.rows(p).get(1));

        assertThat(dwd).containsEntry("jump_count", "1").containsEntry("is_fake_jump", "1");
        assertThat(Double.parseDouble(dwd.get("max_speed_kmh"))).isGreaterThan(250);
    }

    @Test
    void aPatrolWithoutTrackHasOnlyItsOdsRow() {
        GridRecord v1 = SampleRecords.gridBuilder()
                .kind(GridRecordKind.PATROL)
                .personIdCard(null)
                .build();
        assertThat(mapper.rows(v1)).extracting(r -> r.table).containsExactly("ods_grid_record");
    }

    @Test
    void aVisitNamesTheResidentOnlyByKey() {
        GridRecord v = SampleRecords.gridRecord();
        List<TableRow> rows = mapper.rows(v);

        assertThat(rows).extracting(r -> r.table).containsExactly("ods_grid_record", "dwd_grid_visit");
        assertThat(values(rows.get(1)))
                .containsExactlyEntriesOf(ordered(
                        "visit_id",
                        v.recordId(),
                        "visit_date",
                        "2024-01-10",
                        "worker_id",
                        v.workerId(),
                        "grid_code",
                        GRID.code(),
                        "street_code",
                        GRID.streetCode(),
                        "community_code",
                        GRID.communityCode(),
                        "person_key",
                        pii.idCardKey(SampleRecords.PETITIONER_ID_CARD),
                        "visit_time",
                        "2024-01-10 15:00:00"));
    }

    @Test
    void aMediationKeepsItsTypeAndOutcome() {
        GridRecord m = SampleRecords.mediation();
        Map<String, String> dwd = values(mapper.rows(m).get(1));
        assertThat(dwd)
                .containsEntry("mediation_id", m.recordId())
                .containsEntry("mediation_date", "2024-01-10")
                .containsEntry("dispute_type", "NEIGHBOURHOOD")
                .containsEntry("outcome", "RESOLVED")
                .containsEntry("mediation_time", "2024-01-10 15:00:00")
                .containsEntry("worker_id", "W00200101");
        assertThat(values(mapper.rows(m).get(0)).get("detail"))
                .isEqualTo("{\"dispute_type\":\"NEIGHBOURHOOD\",\"outcome\":\"RESOLVED\"}");
    }

    @Test
    void aReportSaysWhetherItIsAHiddenDanger() {
        GridRecord fire = SampleRecords.gridBuilder()
                .kind(GridRecordKind.REPORT)
                .personIdCard(null)
                .categoryCode("C0901")
                .build();
        GridRecord litter = SampleRecords.gridBuilder()
                .kind(GridRecordKind.REPORT)
                .personIdCard(null)
                .categoryCode("C0204")
                .build();

        Map<String, String> dwd = values(mapper.rows(fire).get(1));
        assertThat(dwd.keySet()).containsExactlyElementsOf(GridWorkTables.DWD_GRID_REPORT.columnNames());
        assertThat(dwd)
                .containsEntry("record_id", fire.recordId())
                .containsEntry("category_code", "C0901")
                .containsEntry("is_hidden_danger", "1")
                .containsEntry("record_time", "2024-01-10 15:00:00");
        assertThat(values(mapper.rows(litter).get(1))).containsEntry("is_hidden_danger", "0");
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, String> values(TableRow row) {
        Table t = WarehouseSchema.table(row.table);
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : t.columnNames()) {
            m.put(c, row.value(t, c));
        }
        return m;
    }
}

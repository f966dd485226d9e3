package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.model.TrackPoint;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.track.PatrolMetrics;
import org.gridgov.loading.OdsMapper;
import org.gridgov.simulator.generator.GroundTruth.GridWorkAnomaly;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.junit.jupiter.api.Test;

/**
 * The grid workers' daily work (issue 16) over one month: every worker checks in every working day and patrols with
 * a walking track inside the grid; and the planted anomalies are found from the loader's {@code dwd_grid_*} rows by
 * exactly the contract's definitions, all of them and no other worker.
 */
class GridWorkTest {

    static final GeneratorSpec SPEC = new GeneratorSpec(20240301L, YearMonth.of(2024, 3), 1, 4_000, 0.02, true);

    private static final District DISTRICT = District.licheng();
    private final GeneratedDataset data = GeneratedDataset.of(SPEC);
    private final List<GridRecord> grid = data.valid(SourceType.GRID, GridRecord.class);

    @Test
    void theExpectedCountForProgressLinesIsWithinTwoPercentOfWhatIsEmitted() {
        long expected = new SyntheticDataGenerator(SPEC).expectedRecords();
        long gridWork = expected - SPEC.totalRecords();
        long emittedGridWork = data.lines.size() - SPEC.totalRecords();

        assertThat(gridWork).isGreaterThan(0);
        assertThat((double) gridWork).isCloseTo(emittedGridWork, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(new SyntheticDataGenerator(new GeneratorSpec(1L, SPEC.firstMonth(), 1, 4_000, 0.0, false))
                        .expectedRecords())
                .isEqualTo(4_000);
    }

    @Test
    void everyWorkerChecksInOnEveryWorkingDayAndOnlyThen() {
        List<LocalDate> workingDays = SPEC.firstMonth()
                .atDay(1)
                .datesUntil(SPEC.periodEnd().toLocalDate())
                .filter(GridWork::isWorkingDay)
                .toList();
        Map<String, Set<LocalDate>> days = new TreeMap<>();
        int attendances = 0;
        for (GridRecord g : ofKind(GridRecordKind.ATTENDANCE)) {
            attendances++;
            assertThat(days.computeIfAbsent(g.workerId(), w -> new TreeSet<>())
                            .add(g.recordTime().toLocalDate()))
                    .as("one attendance a day: " + g.workerId())
                    .isTrue();
            assertThat(g.recordTime().getHour()).isBetween(7, 8);
            if (g.checkOutTime() != null) {
                assertThat(g.checkOutTime().getHour()).isBetween(17, 18);
                assertThat(DISTRICT.grid(g.gridCode())
                                .orElseThrow()
                                .boundary()
                                .covers(DISTRICT.point(g.checkOutLatitude(), g.checkOutLongitude())))
                        .isTrue();
            }
        }
        assertThat(days).hasSize(DISTRICT.grids().size());
        assertThat(days.values()).allSatisfy(d -> assertThat(d).containsExactlyElementsOf(workingDays));
        assertThat(attendances).isEqualTo(DISTRICT.grids().size() * workingDays.size());
        // the occasional check-in at the community office in a neighbouring grid
        long offGrid = ofKind(GridRecordKind.ATTENDANCE).stream()
                .filter(g -> !DISTRICT.grid(g.gridCode())
                        .orElseThrow()
                        .boundary()
                        .covers(DISTRICT.point(g.latitude(), g.longitude())))
                .count();
        assertThat(offGrid).isBetween(attendances / 100L, attendances / 25L);
    }

    @Test
    void patrolsWalkInsideTheirGridWithTwentyToTwoHundredFixes() {
        List<GridRecord> patrols = ofKind(GridRecordKind.PATROL);
        Set<String> jumpIds = planted(GridWorkAnomalyKind.FAKE_PATROL_JUMP).stream()
                .flatMap(a -> a.recordIds().stream())
                .collect(Collectors.toSet());
        int points = 0;
        for (GridRecord p : patrols) {
            List<TrackPoint> t = p.track();
            assertThat(t).as(p.recordId()).hasSizeBetween(20, 200);
            assertThat(t.get(0).second()).isZero();
            assertThat(p.endTime().toLocalDate()).isEqualTo(p.recordTime().toLocalDate());
            assertThat(t).allSatisfy(x -> assertThat(DISTRICT.locate(x.latitude(), x.longitude())
                            .orElseThrow()
                            .code())
                    .as(p.recordId())
                    .isEqualTo(p.gridCode()));
            double fastest = 0;
            for (int i = 1; i < t.size(); i++) {
                assertThat(t.get(i).second() - t.get(i - 1).second()).isGreaterThanOrEqualTo(10);
                fastest = Math.max(
                        fastest,
                        PatrolMetrics.haversine(
                                        t.get(i - 1).latitude(),
                                        t.get(i - 1).longitude(),
                                        t.get(i).latitude(),
                                        t.get(i).longitude())
                                / (t.get(i).second() - t.get(i - 1).second())
                                * 3.6);
            }
            if (!jumpIds.contains(p.recordId())) {
                assertThat(fastest).as(p.recordId() + " walks").isLessThan(8);
            }
            points += t.size();
        }
        // about 10 patrols a worker-month, a weekly sweep among them
        int workers = DISTRICT.grids().size();
        assertThat(patrols.size()).isBetween(8 * workers, 13 * workers);
        Map<String, Long> sweeps = patrols.stream()
                .filter(p -> p.content().startsWith("全网格巡查"))
                .collect(Collectors.groupingBy(GridRecord::workerId, Collectors.counting()));
        assertThat(sweeps).hasSize(workers);
        assertThat(sweeps.values()).allSatisfy(n -> assertThat(n).isBetween(4L, 5L));
        // modest for the demo: about 25 fixes a worker and working day (March 2024 has 21 working days)
        assertThat(points / (double) (workers * 21)).isBetween(15.0, 40.0);
    }

    @Test
    void workRecordsComeOnTopOfTheSplitAndAreAllValid() {
        long split = SourceSplit.of(SPEC.totalRecords()).count(SourceType.GRID);
        long work = ofKind(GridRecordKind.ATTENDANCE).size()
                + ofKind(GridRecordKind.PATROL).size();
        assertThat(data.truth.emitted(SourceType.GRID)).isEqualTo(split + work);
        assertThat(data.truth.valid(SourceType.GRID))
                .isEqualTo(data.truth.emitted(SourceType.GRID)
                        - data.truth.invalidRecords().get(SourceType.GRID).count());
        assertThat(grid).filteredOn(g -> g.kind() == GridRecordKind.MEDIATION).isNotEmpty();
        assertThat(grid).allSatisfy(g -> assertThat(g.schemaVersion()).isEqualTo(2));
    }

    @Test
    void sameSpecSameBytes() throws Exception {
        List<String> again = new ArrayList<>();
        new SyntheticDataGenerator(SPEC).generate((s, k, json) -> {
            if (s == SourceType.GRID) {
                again.add(json);
            }
        });
        assertThat(again)
                .isEqualTo(data.lines(SourceType.GRID)
                        .map(GeneratedDataset.Line::json)
                        .toList());
    }

    /**
     * The contract's definitions applied to the loader's own rows ({@link OdsMapper}, as the ODS loader maps each
     * valid record): STAYS_IN_ONE_PLACE when every patrol of the month has coverage_ratio < 0.15, FAKE_PATROL_JUMP
     * when a patrol has is_fake_jump, MISSING_CHECKOUT at ≥ 3 days with is_missing_checkout. They must name exactly
     * the planted workers, with the planted records as evidence.
     */
    @Test
    void theDwdFlagsFindExactlyThePlantedWorkers() {
        OdsMapper mapper =
                new OdsMapper(new PiiProtector("grid-work-test-salt-2024"), DISTRICT, CategoryCatalog.standard());
        Map<String, List<Map<String, String>>> patrols = new TreeMap<>();
        Map<String, List<Map<String, String>>> attendance = new TreeMap<>();
        for (GridRecord g : grid) {
            for (TableRow row : mapper.rows(g)) {
                if (row.table.equals(GridWorkTables.DWD_GRID_PATROL.name())) {
                    Map<String, String> v = values(GridWorkTables.DWD_GRID_PATROL, row);
                    patrols.computeIfAbsent(key(v.get("patrol_date"), v.get("worker_id")), k -> new ArrayList<>())
                            .add(v);
                } else if (row.table.equals(GridWorkTables.DWD_GRID_ATTENDANCE.name())) {
                    Map<String, String> v = values(GridWorkTables.DWD_GRID_ATTENDANCE, row);
                    attendance
                            .computeIfAbsent(key(v.get("work_date"), v.get("worker_id")), k -> new ArrayList<>())
                            .add(v);
                }
            }
        }
        Map<String, List<String>> flagged = new TreeMap<>();
        patrols.forEach((monthWorker, rows) -> {
            if (rows.stream().allMatch(v -> Double.parseDouble(v.get("coverage_ratio")) < 0.15)) {
                flagged.put(monthWorker + " STAYS_IN_ONE_PLACE", ids(rows, "patrol_id", v -> true));
            }
            if (rows.stream().anyMatch(v -> v.get("is_fake_jump").equals("1"))) {
                flagged.put(monthWorker + " FAKE_PATROL_JUMP", ids(rows, "patrol_id", v -> v.get("is_fake_jump")
                        .equals("1")));
            }
        });
        attendance.forEach((monthWorker, rows) -> {
            List<String> missing =
                    ids(rows, "work_date", v -> v.get("is_missing_checkout").equals("1"));
            if (missing.size() >= 3) {
                flagged.put(monthWorker + " MISSING_CHECKOUT", missing);
            }
        });
        // attendance rows are keyed by worker and day; the truth names the attendance record ids of those days
        Map<String, String> attendanceDay = new HashMap<>();
        for (GridRecord g : ofKind(GridRecordKind.ATTENDANCE)) {
            attendanceDay.put(g.recordId(), g.recordTime().toLocalDate().toString());
        }
        Map<String, List<String>> planted = new TreeMap<>();
        for (GridWorkAnomaly a : data.truth.gridWorkAnomalies()) {
            List<String> evidence = a.kind() == GridWorkAnomalyKind.MISSING_CHECKOUT
                    ? a.recordIds().stream().map(attendanceDay::get).sorted().toList()
                    : a.recordIds().stream().sorted().toList();
            planted.put(a.month() + " " + a.workerId() + " " + a.kind(), evidence);
        }
        assertThat(planted).hasSize(3 * GridWork.PLANTED_PER_KIND);
        assertThat(flagged).isEqualTo(planted);
        // and the rest of the month is ordinary: every other worker swept at least once, some forgot a check-out
        Set<String> plantedWorkers = new HashSet<>();
        data.truth.gridWorkAnomalies().forEach(a -> plantedWorkers.add(a.workerId()));
        assertThat(plantedWorkers).hasSize(3 * GridWork.PLANTED_PER_KIND);
        long ordinaryMissing = attendance.entrySet().stream()
                .filter(e -> !plantedWorkers.contains(e.getKey().substring(8)))
                .mapToLong(e -> e.getValue().stream()
                        .filter(v -> v.get("is_missing_checkout").equals("1"))
                        .count())
                .sum();
        assertThat(ordinaryMissing).isPositive();
    }

    @Test
    void theAnomaliesAreInTheGroundTruthFile() throws Exception {
        String json = data.truth.toJson();
        GroundTruth back = GroundTruth.parse(json);
        assertThat(back.gridWorkAnomalies()).isEqualTo(data.truth.gridWorkAnomalies());
        assertThat(Json.mapper().readTree(json).at("/spec/grid_work").asBoolean())
                .isTrue();
        assertThat(back.gridWorkAnomalies())
                .extracting(GridWorkAnomaly::kind)
                .containsOnly(GridWorkAnomalyKind.values());
    }

    private List<GridRecord> ofKind(GridRecordKind kind) {
        return grid.stream().filter(g -> g.kind() == kind).toList();
    }

    private List<GridWorkAnomaly> planted(GridWorkAnomalyKind kind) {
        return data.truth.gridWorkAnomalies().stream()
                .filter(a -> a.kind() == kind)
                .toList();
    }

    private static String key(String date, String worker) {
        return YearMonth.from(LocalDate.parse(date)) + " " + worker;
    }

    private static List<String> ids(
            List<Map<String, String>> rows, String column, java.util.function.Predicate<Map<String, String>> keep) {
        return rows.stream().filter(keep).map(v -> v.get(column)).sorted().toList();
    }

    private static Map<String, String> values(Table t, TableRow row) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < t.columns().size(); i++) {
            v.put(t.columns().get(i).name(), row.values[i]);
        }
        return v;
    }
}

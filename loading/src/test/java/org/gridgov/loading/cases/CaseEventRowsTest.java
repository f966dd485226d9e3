package org.gridgov.loading.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.junit.jupiter.api.Test;

class CaseEventRowsTest {

    private static final District DISTRICT = District.licheng();
    private static final Grid GRID = DISTRICT.grids().get(5);
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 4, 9, 0);
    private static final LocalDateTime DUE = T0.plusHours(72);
    private static final Table DWD = CaseTables.DWD_CASE;

    private final CaseEventRows rows = new CaseEventRows(DISTRICT);
    private int version;

    /** An event as the case service publishes it: id from the case version, the step the case is at afterwards. */
    private CaseEvent event(CaseEventType type, LocalDateTime at, String stepAfter, String department) {
        version++;
        return new CaseEvent(
                1,
                "CS-1-" + version + "-" + type.name(),
                "CS-1",
                "case-service",
                type,
                DUE,
                at,
                "u1",
                null,
                "GRID_APP",
                "C0101",
                GRID.code(),
                GRID.streetCode(),
                department,
                stepAfter,
                false,
                false);
    }

    /** 上报 → 分派 → 处理 → 复核 驳回 → 处理 → 复核 → 审查 → 结案, one 督办 while the department handles it. */
    private List<CaseEvent> walkedCase() {
        List<CaseEvent> e = new ArrayList<>();
        e.add(event(CaseEventType.CREATED, T0, "DISPATCH", null));
        e.add(event(CaseEventType.ASSIGNED, T0.plusMinutes(30), "HANDLE", "D03"));
        e.add(event(CaseEventType.SUPERVISED, T0.plusHours(2), "HANDLE", "D03"));
        e.add(event(CaseEventType.PROCESSED, T0.plusHours(5), "VERIFY", "D03"));
        e.add(event(CaseEventType.REJECTED, T0.plusHours(6), "HANDLE", "D03"));
        e.add(event(CaseEventType.PROCESSED, T0.plusHours(9), "VERIFY", "D03"));
        e.add(event(CaseEventType.REVIEWED, T0.plusHours(10), "REVIEW", "D03"));
        e.add(event(CaseEventType.APPROVED, T0.plusHours(12), "CLOSED", "D03"));
        e.add(event(CaseEventType.CLOSED, T0.plusHours(12), "CLOSED", "D03"));
        return e;
    }

    @Test
    void stepDurationsSumEveryPassAndSupervisionEndsNoStep() {
        TableRow r = rows.dwdCase(walkedCase()).orElseThrow();
        assertThat(r.value(DWD, "dispatch_minutes")).isEqualTo("30");
        // 分派→督办→处理 is one pass of 270 minutes; after the 驳回 the second pass takes 180 more
        assertThat(r.value(DWD, "handle_minutes")).isEqualTo(String.valueOf(270 + 180));
        // 处理→驳回 (60) and 处理→复核 (60) are both time spent at 复核
        assertThat(r.value(DWD, "verify_minutes")).isEqualTo("120");
        assertThat(r.value(DWD, "review_minutes")).isEqualTo("120");
        assertThat(r.value(DWD, "total_minutes")).isEqualTo("720");
        assertThat(r.value(DWD, "rejected_cnt")).isEqualTo("1");
        assertThat(r.value(DWD, "supervised_cnt")).isEqualTo("1");
        assertThat(r.value(DWD, "event_cnt")).isEqualTo("9");
        assertThat(r.value(DWD, "status")).isEqualTo("CLOSED");
        assertThat(r.value(DWD, "is_overdue")).isEqualTo("0");
        assertThat(r.value(DWD, "department_code")).isEqualTo("D03");
        assertThat(r.value(DWD, "community_code")).isEqualTo(GRID.communityCode());
        assertThat(r.value(DWD, "report_month")).isEqualTo("2024-03");
        assertThat(r.value(DWD, "dispatched_time")).isEqualTo("2024-03-04 09:30:00");
    }

    @Test
    void theRowDependsOnTheSetOfEventsNotTheirOrderOrRepeats() {
        List<CaseEvent> events = walkedCase();
        TableRow expected = rows.dwdCase(events).orElseThrow();
        List<CaseEvent> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(2, 6));
        Collections.shuffle(shuffled, new Random(16));
        assertThat(rows.dwdCase(shuffled)).contains(expected);
    }

    @Test
    void noRowBeforeTheReportArrivesAndAnOpenCaseIsOverdueOnceAnEventPassesItsDeadline() {
        List<CaseEvent> events = walkedCase();
        assertThat(rows.dwdCase(events.subList(1, 4))).isEmpty();
        List<CaseEvent> late = new ArrayList<>(events.subList(0, 3));
        late.add(event(CaseEventType.SUPERVISED, DUE.plusMinutes(1), "HANDLE", "D03"));
        TableRow r = rows.dwdCase(late).orElseThrow();
        assertThat(r.value(DWD, "is_overdue")).isEqualTo("1");
        assertThat(r.value(DWD, "is_closed")).isEqualTo("0");
        assertThat(r.value(DWD, "total_minutes")).isNull();
        assertThat(r.value(DWD, "handle_minutes")).isNull();
        assertThat(r.value(DWD, "supervised_cnt")).isEqualTo("2");
    }

    @Test
    void aCaseClosedAfterItsDeadlineIsOverdue() {
        List<CaseEvent> events = new ArrayList<>(walkedCase().subList(0, 8));
        events.add(event(CaseEventType.CLOSED, DUE.plusHours(1), "CLOSED", "D03"));
        assertThat(rows.dwdCase(events).orElseThrow().value(DWD, "is_overdue")).isEqualTo("1");
    }

    @Test
    void hotlineEventsWithoutStepsFallBackToTheStepTheEventCompletes() {
        CaseEvent created = new CaseEvent(1, "H1", "RX-1", "hotline", CaseEventType.CREATED, DUE, T0, null, null);
        CaseEvent assigned =
                new CaseEvent(1, "H2", "RX-1", "hotline", CaseEventType.ASSIGNED, null, T0.plusMinutes(45), null, null);
        CaseEvent rejected =
                new CaseEvent(1, "H3", "RX-1", "hotline", CaseEventType.REJECTED, null, T0.plusMinutes(50), null, null);
        TableRow r = rows.dwdCase(List.of(created, assigned, rejected)).orElseThrow();
        assertThat(r.value(DWD, "dispatch_minutes")).isEqualTo("45");
        assertThat(r.value(DWD, "handle_minutes")).isNull();
        assertThat(r.value(DWD, "rejected_cnt")).isEqualTo("1");
        assertThat(r.value(DWD, "grid_code")).isNull();
    }

    @Test
    void odsRowKeepsTheEventAndCutsALongNote() {
        CaseEvent e = new CaseEvent(
                1,
                "CS-9-1-CREATED",
                "CS-9",
                "case-service",
                CaseEventType.CREATED,
                DUE,
                T0,
                "u1",
                "长".repeat(600),
                "GRID_APP",
                "C0101",
                GRID.code(),
                GRID.streetCode(),
                null,
                "DISPATCH",
                true,
                null);
        TableRow r = CaseEventRows.odsRow(e);
        Table ods = CaseTables.ODS_CASE_EVENT;
        assertThat(r.value(ods, "event_date")).isEqualTo("2024-03-04");
        assertThat(r.value(ods, "note")).hasSize(500);
        assertThat(r.value(ods, "self_handled")).isEqualTo("1");
        assertThat(r.value(ods, "dispute")).isNull();
    }

    private static final LocalDateTime RESPONSE_DUE = T0.plusHours(2);

    /** A case-service event with the 接诉即办 fields: level L2 (2 hours to respond), satisfaction, master. */
    private CaseEvent jsjb(CaseEventType type, LocalDateTime at, String stepAfter, String satisfaction, String master) {
        version++;
        return new CaseEvent(
                1,
                "CS-1-" + version + "-" + type.name(),
                "CS-1",
                "case-service",
                type,
                DUE,
                at,
                "u1",
                null,
                "GRID_APP",
                "C0101",
                GRID.code(),
                GRID.streetCode(),
                "D03",
                stepAfter,
                false,
                false,
                "L2",
                RESPONSE_DUE,
                satisfaction,
                master);
    }

    @Test
    void firstResponseAndReturnVisitAreFoldedAndJudgedAgainstTheirDeadlines() {
        List<CaseEvent> e = new ArrayList<>();
        e.add(jsjb(CaseEventType.CREATED, T0, "DISPATCH", null, null));
        e.add(jsjb(CaseEventType.ASSIGNED, T0.plusMinutes(30), "HANDLE", null, null));
        e.add(jsjb(CaseEventType.RESPONDED, T0.plusMinutes(90), "HANDLE", null, null));
        // a second contact later does not move the first response
        e.add(jsjb(CaseEventType.RESPONDED, T0.plusHours(4), "HANDLE", null, null));
        e.add(jsjb(CaseEventType.PROCESSED, T0.plusHours(5), "VERIFY", null, null));
        e.add(jsjb(CaseEventType.CLOSED, T0.plusHours(6), "CLOSED", null, null));
        e.add(jsjb(CaseEventType.RETURN_VISITED, T0.plusHours(30), null, "DISSATISFIED", null));
        e.add(jsjb(CaseEventType.RETURN_VISITED, T0.plusHours(31), null, "BASICALLY_SATISFIED", null));
        TableRow r = rows.dwdCase(e).orElseThrow();
        assertThat(r.value(DWD, "response_level")).isEqualTo("L2");
        assertThat(r.value(DWD, "response_deadline")).isEqualTo("2024-03-04 11:00:00");
        assertThat(r.value(DWD, "first_response_time")).isEqualTo("2024-03-04 10:30:00");
        assertThat(r.value(DWD, "responded_on_time")).isEqualTo("1");
        assertThat(r.value(DWD, "resolved_on_time")).isEqualTo("1");
        assertThat(r.value(DWD, "satisfaction")).isEqualTo("BASICALLY_SATISFIED");
        // 回访 and 响应 are no steps: handling is still 分派→处理
        assertThat(r.value(DWD, "handle_minutes")).isEqualTo("270");
        assertThat(r.value(DWD, "is_merged")).isEqualTo("0");
        assertThat(r.value(DWD, "master_case_id")).isNull();
    }

    @Test
    void aSilentCaseIsUndecidedUntilAnEventPassesTheResponseDeadlineThenLate() {
        List<CaseEvent> e = new ArrayList<>();
        e.add(jsjb(CaseEventType.CREATED, T0, "DISPATCH", null, null));
        e.add(jsjb(CaseEventType.ASSIGNED, T0.plusMinutes(30), "HANDLE", null, null));
        TableRow early = rows.dwdCase(e).orElseThrow();
        assertThat(early.value(DWD, "responded_on_time")).isNull();
        assertThat(early.value(DWD, "resolved_on_time")).isNull();
        e.add(jsjb(CaseEventType.SUPERVISED, RESPONSE_DUE.plusMinutes(1), "HANDLE", null, null));
        assertThat(rows.dwdCase(e).orElseThrow().value(DWD, "responded_on_time"))
                .isEqualTo("0");
        e.add(jsjb(CaseEventType.RESPONDED, RESPONSE_DUE.plusMinutes(5), "HANDLE", null, null));
        e.add(jsjb(CaseEventType.CLOSED, DUE.plusMinutes(1), "CLOSED", null, null));
        TableRow late = rows.dwdCase(e).orElseThrow();
        assertThat(late.value(DWD, "responded_on_time")).isEqualTo("0");
        assertThat(late.value(DWD, "first_response_time")).isEqualTo("2024-03-04 11:05:00");
        assertThat(late.value(DWD, "resolved_on_time")).isEqualTo("0");
        assertThat(late.value(DWD, "is_overdue")).isEqualTo("1");
    }

    @Test
    void eventsWithoutResponseDeadlineLeaveTheRatesUndecided() {
        TableRow r = rows.dwdCase(walkedCase()).orElseThrow();
        assertThat(r.value(DWD, "response_level")).isNull();
        assertThat(r.value(DWD, "responded_on_time")).isNull();
        // the resolution deadline is there: closed after 12 h of 72
        assertThat(r.value(DWD, "resolved_on_time")).isEqualTo("1");
    }

    @Test
    void aMergedCaseCarriesItsMasterUntilUnmergedWhateverTheArrivalOrder() {
        List<CaseEvent> e = new ArrayList<>();
        e.add(jsjb(CaseEventType.CREATED, T0, "DISPATCH", null, null));
        e.add(jsjb(CaseEventType.MERGED, T0.plusMinutes(10), null, null, "CS-0"));
        e.add(jsjb(CaseEventType.SUPERVISED, T0.plusMinutes(20), null, null, "CS-0"));
        TableRow merged = rows.dwdCase(e).orElseThrow();
        assertThat(merged.value(DWD, "master_case_id")).isEqualTo("CS-0");
        assertThat(merged.value(DWD, "is_merged")).isEqualTo("1");

        e.add(jsjb(CaseEventType.UNMERGED, T0.plusMinutes(40), "DISPATCH", null, null));
        e.add(jsjb(CaseEventType.ASSIGNED, T0.plusMinutes(50), "HANDLE", null, null));
        List<CaseEvent> shuffled = new ArrayList<>(e);
        shuffled.add(e.get(1));
        Collections.shuffle(shuffled, new Random(19));
        TableRow unmerged = rows.dwdCase(shuffled).orElseThrow();
        assertThat(unmerged.value(DWD, "master_case_id")).isNull();
        assertThat(unmerged.value(DWD, "is_merged")).isEqualTo("0");
        assertThat(unmerged).isEqualTo(rows.dwdCase(e).orElseThrow());

        // merged again into another master: the latest merge wins
        e.add(jsjb(CaseEventType.MERGED, T0.plusMinutes(60), null, null, "CS-7"));
        assertThat(rows.dwdCase(e).orElseThrow().value(DWD, "master_case_id")).isEqualTo("CS-7");
    }
}

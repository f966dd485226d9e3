package org.gridgov.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.casefile.CaseStatus;
import org.gridgov.cases.cockpit.CockpitScope;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowStep;
import org.junit.jupiter.api.Test;

/** The pure rules behind the pages: which buttons a role is offered, the step bar, and the cockpit's area cut. */
class PageRulesTest {

    static final Workflow STANDARD = new Workflow(
            "STANDARD",
            "事件标准流程",
            List.of(
                    new WorkflowStep(1, "DISPATCH", "指挥中心分派", Role.COMMAND_CENTER, 4, null, true),
                    new WorkflowStep(2, "HANDLE", "部门处理", Role.DEPARTMENT, 72, "DISPATCH", true),
                    new WorkflowStep(3, "VERIFY", "网格员复核", Role.GRID_WORKER, 24, "HANDLE", true),
                    new WorkflowStep(4, "REVIEW", "网格中心审查", Role.GRID_CENTER, 24, "HANDLE", false)));

    static Staff staff(Role role, String scope, String department) {
        return new Staff("u", "u", role, scope, department);
    }

    static CaseRecord atStep(String step, Role role, String department, boolean selfHandled, String status) {
        LocalDateTime t = LocalDateTime.of(2024, 6, 1, 9, 0);
        return new CaseRecord(
                "SJ1",
                new CaseRecord.Report("t", "d", "HOTLINE", "C0101", "供暖", 1, null, null, "w"),
                new CaseRecord.Location(null, null, null, "37011200100101", "370112001"),
                new CaseRecord.Assignment(
                        "STANDARD",
                        step,
                        role == null ? null : role.name(),
                        CaseStatus.valueOf(status),
                        department,
                        selfHandled,
                        false,
                        1,
                        0,
                        t),
                new CaseRecord.Timing(t, t, t, null),
                0);
    }

    @Test
    void theCurrentStepsRoleGetsDispatchAtTheDispatchStepAndCompleteOrRejectLater() {
        Staff command = staff(Role.COMMAND_CENTER, "370112", null);
        OfferedActions atDispatch =
                OfferedActions.of(command, atStep("DISPATCH", Role.COMMAND_CENTER, null, false, "OPEN"), STANDARD);
        assertThat(atDispatch).isEqualTo(new OfferedActions(true, false, false, true, true));

        Staff worker = staff(Role.GRID_WORKER, "37011200100101", null);
        assertThat(OfferedActions.of(worker, atStep("VERIFY", Role.GRID_WORKER, "D05", false, "OPEN"), STANDARD))
                .isEqualTo(new OfferedActions(false, true, true, false, false));
        assertThat(OfferedActions.of(worker, atStep("HANDLE", Role.DEPARTMENT, "D05", false, "OPEN"), STANDARD)
                        .any())
                .isFalse();
    }

    @Test
    void aDepartmentActsOnlyOnCasesAssignedToIt() {
        CaseRecord handling = atStep("HANDLE", Role.DEPARTMENT, "D05", false, "OPEN");
        assertThat(OfferedActions.of(staff(Role.DEPARTMENT, "370112", "D05"), handling, STANDARD)
                        .complete())
                .isTrue();
        assertThat(OfferedActions.of(staff(Role.DEPARTMENT, "370112", "D07"), handling, STANDARD)
                        .any())
                .isFalse();
    }

    @Test
    void aClosedCaseOffersNothingEvenToSupervisors() {
        CaseRecord closed = atStep("CLOSED", null, "D05", false, "CLOSED");
        assertThat(OfferedActions.of(staff(Role.LEADER, "370112", null), closed, STANDARD)
                        .any())
                .isFalse();
        assertThat(OfferedActions.of(
                        staff(Role.LEADER, "370112", null),
                        atStep("HANDLE", Role.DEPARTMENT, "D05", false, "OPEN"),
                        STANDARD))
                .isEqualTo(new OfferedActions(false, false, false, false, true));
    }

    @Test
    void theStepBarMarksDoneCurrentAndSkippedSteps() {
        assertThat(StepPosition.of(STANDARD, atStep("VERIFY", Role.GRID_WORKER, "D05", false, "OPEN")))
                .extracting(StepPosition::state)
                .containsExactly("done", "done", "current", "todo", "todo");
        assertThat(StepPosition.of(STANDARD, atStep("REVIEW", Role.GRID_CENTER, null, true, "OPEN")))
                .extracting(StepPosition::state)
                .containsExactly("skipped", "skipped", "skipped", "current", "todo");
        assertThat(StepPosition.of(STANDARD, atStep("CLOSED", null, "D05", false, "CLOSED")))
                .extracting(StepPosition::state)
                .containsExactly("done", "done", "done", "done", "done");
    }

    @Test
    void theCockpitShowsTheDistrictToDistrictUsersAStreetToStreetUsersAndNothingBelow() {
        assertThat(CockpitScope.of(staff(Role.LEADER, "370112", null)).district())
                .isTrue();
        CockpitScope street = CockpitScope.of(staff(Role.GRID_CENTER, "370112001", null));
        assertThat(street.street()).isTrue();
        assertThat(street.streetCode()).isEqualTo("370112001");
        assertThat(CockpitScope.of(staff(Role.GRID_WORKER, "37011200100101", null))
                        .level())
                .isEqualTo(CockpitScope.Level.NONE);
        assertThat(CockpitScope.of(staff(Role.GRID_WORKER, "370112001001", null))
                        .level())
                .isEqualTo(CockpitScope.Level.NONE);
        assertThat(RoleAbilities.of(staff(Role.GRID_WORKER, "37011200100101", null))
                        .cockpit())
                .isFalse();
    }
}

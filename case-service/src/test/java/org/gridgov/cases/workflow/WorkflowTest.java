package org.gridgov.cases.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.Test;

class WorkflowTest {

    static final Workflow STANDARD = new Workflow(
            "STANDARD",
            "事件标准流程",
            List.of(
                    new WorkflowStep(1, "DISPATCH", "指挥中心分派", Role.COMMAND_CENTER, 4, null, true),
                    new WorkflowStep(2, "HANDLE", "部门处理", Role.DEPARTMENT, 72, "DISPATCH", true),
                    new WorkflowStep(3, "VERIFY", "网格员复核", Role.GRID_WORKER, 24, "HANDLE", true),
                    new WorkflowStep(4, "REVIEW", "网格中心审查", Role.GRID_CENTER, 24, "HANDLE", false)));

    @Test
    void aRegularCaseWalksEveryStepThenCloses() {
        assertThat(STANDARD.first(false).code()).isEqualTo("DISPATCH");
        assertThat(STANDARD.next("DISPATCH", false)).map(WorkflowStep::code).contains("HANDLE");
        assertThat(STANDARD.next("HANDLE", false)).map(WorkflowStep::code).contains("VERIFY");
        assertThat(STANDARD.next("VERIFY", false)).map(WorkflowStep::code).contains("REVIEW");
        assertThat(STANDARD.next("REVIEW", false)).isEmpty();
    }

    @Test
    void aSelfHandledCaseSkipsTheMarkedSteps() {
        assertThat(STANDARD.first(true).code()).isEqualTo("REVIEW");
        assertThat(STANDARD.next("REVIEW", true)).isEmpty();
    }

    @Test
    void unknownStepsAndEmptyWorkflowsAreErrors() {
        assertThatThrownBy(() -> STANDARD.next("NOPE", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Workflow("X", "x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

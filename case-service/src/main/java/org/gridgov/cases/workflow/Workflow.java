package org.gridgov.cases.workflow;

import java.util.List;
import java.util.Optional;

/**
 * A configured workflow (审批配置): steps in order after 上报. A case moves to the next step that applies to it
 * (自行处理 cases skip the steps marked so); after the last step it is 结案.
 */
public record Workflow(String code, String name, List<WorkflowStep> steps) {

    public static final String CLOSED = "CLOSED";

    public Workflow {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("workflow " + code + " has no steps");
        }
    }

    public Optional<WorkflowStep> step(String stepCode) {
        return steps.stream().filter(s -> s.code().equals(stepCode)).findFirst();
    }

    public WorkflowStep first(boolean selfHandled) {
        return after(-1, selfHandled)
                .orElseThrow(() -> new IllegalStateException("workflow " + code + " has no step for this case"));
    }

    /** The step after {@code stepCode} for this case, or empty when the case is done (结案). */
    public Optional<WorkflowStep> next(String stepCode, boolean selfHandled) {
        int order = step(stepCode)
                .map(WorkflowStep::order)
                .orElseThrow(() -> new IllegalArgumentException("no step " + stepCode + " in " + code));
        return after(order, selfHandled);
    }

    private Optional<WorkflowStep> after(int order, boolean selfHandled) {
        return steps.stream()
                .filter(s -> s.order() > order)
                .filter(s -> !(selfHandled && s.skipWhenSelfHandled()))
                .findFirst();
    }
}

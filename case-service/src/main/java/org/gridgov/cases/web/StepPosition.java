package org.gridgov.cases.web;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowStep;

/**
 * One step of the case page's step bar: done, current, to come, or skipped (自行处理 cases skip the steps marked so).
 * The last entry is 结案.
 */
public record StepPosition(String name, String roleLabel, int timeLimitHours, String state) {

    public static final String DONE = "done";
    public static final String CURRENT = "current";
    public static final String TODO = "todo";
    public static final String SKIPPED = "skipped";

    public static List<StepPosition> of(Workflow wf, CaseRecord c) {
        List<StepPosition> out = new ArrayList<>();
        int current = c.open()
                ? wf.step(c.assignment().currentStep()).map(WorkflowStep::order).orElse(-1)
                : Integer.MAX_VALUE;
        for (WorkflowStep s : wf.steps()) {
            String state;
            if (c.assignment().selfHandled() && s.skipWhenSelfHandled()) {
                state = SKIPPED;
            } else if (s.order() < current) {
                state = DONE;
            } else if (s.order() == current) {
                state = CURRENT;
            } else {
                state = TODO;
            }
            out.add(new StepPosition(s.name(), s.role().label(), s.timeLimitHours(), state));
        }
        out.add(new StepPosition("结案", "", 0, c.open() ? TODO : DONE));
        return out;
    }
}

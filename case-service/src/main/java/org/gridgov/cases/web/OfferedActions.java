package org.gridgov.cases.web;

import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.Workflow;

/**
 * The action buttons a case page shows this user, as {@link Authorization} answers for this case: the current step's
 * role (and, for a department step, the department that has the case now) gets 分派 (at the dispatch step) or
 * 办结本步, and 驳回 where the step may reject; 转矛盾纠纷 and 督办 go by role. CaseService asks again on submit.
 */
public record OfferedActions(boolean dispatch, boolean complete, boolean reject, boolean convert, boolean supervise) {

    static final String DISPATCH_STEP = "DISPATCH";

    public static OfferedActions of(Staff staff, CaseRecord c, Workflow workflow) {
        if (!c.open()) {
            return new OfferedActions(false, false, false, false, false);
        }
        Target.Case target = c.accessTarget();
        CaseRecord.Assignment at = c.assignment();
        boolean stepIsMine = Authorization.allows(staff, Action.CASE_COMPLETE, target);
        boolean dispatch = stepIsMine && DISPATCH_STEP.equals(at.currentStep());
        boolean mayReject = workflow != null
                && workflow.step(at.currentStep())
                        .map(s -> s.rejectTo() != null)
                        .orElse(false);
        return new OfferedActions(
                dispatch,
                stepIsMine && !dispatch,
                stepIsMine && mayReject,
                Authorization.allows(staff, Action.CASE_CONVERT, target) && !at.dispute(),
                Authorization.allows(staff, Action.CASE_SUPERVISE, target));
    }

    public boolean any() {
        return dispatch || complete || reject || convert || supervise;
    }
}

package org.gridgov.cases.web;

import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.Workflow;

/**
 * The action buttons a case page shows this user: the current step's role gets 分派 (at the dispatch step) or
 * 办结本步, and 驳回 where the step may reject; 转矛盾纠纷 and 督办 go by role. CaseService checks again on submit.
 */
public record OfferedActions(boolean dispatch, boolean complete, boolean reject, boolean convert, boolean supervise) {

    static final String DISPATCH_STEP = "DISPATCH";

    public static OfferedActions of(Staff staff, CaseRecord c, Workflow workflow) {
        if (!c.open()) {
            return new OfferedActions(false, false, false, false, false);
        }
        RoleAbilities can = RoleAbilities.of(staff);
        CaseRecord.Assignment at = c.assignment();
        boolean stepIsMine = staff.role().name().equals(at.currentRole())
                && (staff.role() != Role.DEPARTMENT || staff.departmentCode().equals(at.departmentCode()));
        boolean dispatch = stepIsMine && DISPATCH_STEP.equals(at.currentStep());
        boolean mayReject = workflow != null && workflow.step(at.currentStep())
                .map(s -> s.rejectTo() != null).orElse(false);
        return new OfferedActions(dispatch, stepIsMine && !dispatch, stepIsMine && mayReject,
                can.convert() && !at.dispute(), can.supervise());
    }

    public boolean any() {
        return dispatch || complete || reject || convert || supervise;
    }
}

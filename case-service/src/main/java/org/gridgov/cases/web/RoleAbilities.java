package org.gridgov.cases.web;

import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.security.Staff;

/**
 * Which links and forms a page offers to a role, as {@link Authorization} answers for actions on nothing in
 * particular. This only decides what is shown: the services ask again on every request, with the case or task.
 */
public record RoleAbilities(
        boolean report,
        boolean selfHandle,
        boolean supervise,
        boolean convert,
        boolean issueTasks,
        boolean readAlerts,
        boolean admin,
        boolean cockpit,
        boolean lookup,
        boolean lookupReport) {

    public static RoleAbilities of(Staff s) {
        return new RoleAbilities(
                allows(s, Action.CASE_REPORT),
                allows(s, Action.CASE_SELF_HANDLE),
                Authorization.allows(s, Action.CASE_SUPERVISE, anyCaseInArea(s)),
                Authorization.allows(s, Action.CASE_CONVERT, anyCaseInArea(s)),
                allows(s, Action.TASK_ISSUE),
                allows(s, Action.INBOX_READ),
                allows(s, Action.ADMIN),
                allows(s, Action.COCKPIT_VIEW),
                allows(s, Action.LOOKUP),
                allows(s, Action.LOOKUP_REPORT));
    }

    private static boolean allows(Staff s, Action action) {
        return Authorization.allows(s, action, Target.nothing());
    }

    /** A case in the user's own area, assigned to their department: what the role alone may do to a case. */
    private static Target.Case anyCaseInArea(Staff s) {
        return new Target.Case(s.scopeCode(), null, null, s.departmentCode());
    }
}

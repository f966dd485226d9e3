package org.gridgov.cases.web;

import java.util.EnumSet;
import java.util.Set;

import org.gridgov.cases.cockpit.CockpitScope;
import org.gridgov.cases.inbox.AlertInbox;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;

/**
 * Which links and forms a page offers to a role. This only decides what is shown: the services check every request
 * again, so if these sets fall behind CaseService and TaskService a user sees a button that answers 403 with the
 * reason, never an action that slips through.
 */
public record RoleAbilities(boolean report, boolean selfHandle, boolean supervise, boolean convert,
                            boolean issueTasks, boolean readAlerts, boolean admin, boolean cockpit) {

    private static final Set<Role> REPORTERS = EnumSet.of(Role.GRID_WORKER, Role.COMMAND_CENTER, Role.ADMIN);
    private static final Set<Role> SUPERVISORS = EnumSet.of(Role.LEADER, Role.COMMAND_CENTER, Role.GRID_CENTER,
            Role.ADMIN);
    private static final Set<Role> CONVERTERS = EnumSet.of(Role.COMMAND_CENTER, Role.GRID_CENTER);
    private static final Set<Role> ISSUERS = EnumSet.of(Role.COMMAND_CENTER, Role.GRID_CENTER, Role.LEADER,
            Role.ADMIN);

    public static RoleAbilities of(Staff s) {
        Role r = s.role();
        return new RoleAbilities(REPORTERS.contains(r), r == Role.GRID_WORKER, SUPERVISORS.contains(r),
                CONVERTERS.contains(r), ISSUERS.contains(r), AlertInbox.mayRead(s), r == Role.ADMIN,
                CockpitScope.of(s).level() != CockpitScope.Level.NONE);
    }
}

package org.gridgov.cases.cockpit;

import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.security.Staff;

/**
 * Which warehouse rows a user may see. The ADS tables go down to streets at most, so a district user sees every row,
 * a street user only the rows of their street, and a community or grid user nothing: a street figure would show them
 * more than their area.
 *
 * @param level      DISTRICT, STREET or NONE
 * @param streetCode the user's street for STREET, else null
 */
public record CockpitScope(Level level, String streetCode) {

    public enum Level {
        DISTRICT,
        STREET,
        NONE
    }

    public static CockpitScope of(Staff staff) {
        if (!Authorization.allows(staff, Action.COCKPIT_VIEW, Target.nothing())) {
            return new CockpitScope(Level.NONE, null);
        }
        return staff.districtWide()
                ? new CockpitScope(Level.DISTRICT, null)
                : new CockpitScope(Level.STREET, staff.scopeCode());
    }

    public boolean district() {
        return level == Level.DISTRICT;
    }

    public boolean street() {
        return level == Level.STREET;
    }
}

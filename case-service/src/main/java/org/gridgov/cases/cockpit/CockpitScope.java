package org.gridgov.cases.cockpit;

import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.District;

/**
 * Which warehouse rows a user may see. The ADS tables go down to streets at most, so a district user sees every row,
 * a street user only the rows of their street, and a community or grid user nothing: a street figure would show them
 * more than their area.
 *
 * @param level      DISTRICT, STREET or NONE
 * @param streetCode the user's street for STREET, else null
 */
public record CockpitScope(Level level, String streetCode) {

    public enum Level { DISTRICT, STREET, NONE }

    private static final int STREET_CODE_LENGTH = 9;

    public static CockpitScope of(Staff staff) {
        String scope = staff.scopeCode();
        if (staff.districtWide()) {
            return new CockpitScope(Level.DISTRICT, null);
        }
        if (scope != null && scope.length() == STREET_CODE_LENGTH && scope.startsWith(District.CODE)) {
            return new CockpitScope(Level.STREET, scope);
        }
        return new CockpitScope(Level.NONE, null);
    }

    public boolean district() {
        return level == Level.DISTRICT;
    }

    public boolean street() {
        return level == Level.STREET;
    }
}

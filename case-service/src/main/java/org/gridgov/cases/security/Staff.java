package org.gridgov.cases.security;

import java.io.Serializable;
import org.gridgov.common.district.District;

/**
 * The signed-in user as the service sees it. {@code scopeCode} is a district, street, community or grid code; area
 * codes are hierarchical prefixes (street 9 digits, community 12, grid 14), so a case is in scope when its grid code
 * starts with the scope code.
 */
public record Staff(String username, String displayName, Role role, String scopeCode, String departmentCode)
        implements Serializable {

    /** A grid, community or street code inside the user's area (a wider area's code is not, though a prefix). */
    public boolean covers(String gridOrAreaCode) {
        return gridOrAreaCode != null && gridOrAreaCode.startsWith(scopeCode);
    }

    /** The whole district: sees what cannot be placed in any smaller area (alerts without a grid, district figures). */
    public boolean districtWide() {
        return District.CODE.equals(scopeCode);
    }
}

package org.gridgov.cases.security;

import java.io.Serializable;

/**
 * The signed-in user as the service sees it. {@code scopeCode} is a district, street, community or grid code; area
 * codes are hierarchical prefixes (street 9 digits, community 12, grid 14), so a case is in scope when its grid code
 * starts with the scope code.
 */
public record Staff(String username, String displayName, Role role, String scopeCode, String departmentCode)
        implements Serializable {

    public boolean covers(String gridOrAreaCode) {
        return gridOrAreaCode != null && gridOrAreaCode.startsWith(scopeCode);
    }

    /** Area codes of a wider scope than the user's are not "in" it even though they are prefixes of it. */
    public boolean coversArea(String areaCode) {
        return areaCode != null && areaCode.startsWith(scopeCode);
    }
}

package org.gridgov.cases.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffTest {

    @Test
    void scopeIsAPrefixOfTheHierarchicalAreaCodes() {
        Staff street = new Staff("s", "s", Role.GRID_CENTER, "370112001", null);
        assertThat(street.covers("37011200100101")).isTrue();
        assertThat(street.covers("37011200200101")).isFalse();
        assertThat(street.covers(null)).isFalse();
        Staff district = new Staff("d", "d", Role.LEADER, "370112", null);
        assertThat(district.covers("37011201600404")).isTrue();
        Staff grid = new Staff("g", "g", Role.GRID_WORKER, "37011200100101", null);
        assertThat(grid.covers("37011200100102")).isFalse();
        assertThat(grid.covers("370112001")).isFalse();
    }
}

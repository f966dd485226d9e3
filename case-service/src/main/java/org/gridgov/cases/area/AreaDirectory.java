package org.gridgov.cases.area;

import java.util.Optional;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.springframework.stereotype.Component;

/** The district's streets, communities and grids: names for codes and the grid a point falls in. */
@Component
public class AreaDirectory {

    private final District district = District.licheng();

    public District district() {
        return district;
    }

    /** Point-in-polygon over the grid polygons; empty outside the district. */
    public Optional<Grid> locate(double latitude, double longitude) {
        return district.locate(latitude, longitude);
    }

    public Optional<Grid> grid(String code) {
        return code == null ? Optional.empty() : district.grid(code);
    }

    /** 历城区 / 街道 / 社区 / 网格 name for any area code, or the code itself when unknown. */
    public String name(String areaCode) {
        if (areaCode == null) {
            return "";
        }
        if (areaCode.equals(District.CODE)) {
            return District.NAME;
        }
        return switch (areaCode.length()) {
            case 9 ->
                district.streets().stream()
                        .filter(s -> s.code().equals(areaCode))
                        .findFirst()
                        .map(s -> s.name())
                        .orElse(areaCode);
            case 12 ->
                district.communities().stream()
                        .filter(c -> c.code().equals(areaCode))
                        .findFirst()
                        .map(c -> c.name())
                        .orElse(areaCode);
            default -> grid(areaCode).map(Grid::name).orElse(areaCode);
        };
    }
}

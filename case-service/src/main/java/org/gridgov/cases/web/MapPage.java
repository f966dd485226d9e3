package org.gridgov.cases.web;

import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.CurrentStaff;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 一张图: the page is a frame; {@code static/js/grid-map.js} fetches the GeoJSON and figures from
 * {@code /map/**} ({@code api.MapController}) and draws them with ECharts from the webjar (no tiles, works offline).
 */
@Controller
public class MapPage {

    private final Refusals refusals;

    public MapPage(Refusals refusals) {
        this.refusals = refusals;
    }

    @GetMapping("/map")
    public String page() {
        var staff = CurrentStaff.get();
        refusals.require(staff, Action.COCKPIT_VIEW, Target.nothing(), "MAP", staff.scopeCode());
        return "map";
    }
}

package org.gridgov.cases.web;

import org.gridgov.cases.cockpit.CockpitQueries;
import org.gridgov.cases.cockpit.CockpitView;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.casefile.CategorySuggester;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 驾驶舱: the page is a frame; {@code static/js/cockpit.js} fetches {@code /cockpit/data} (session-authenticated
 * JSON) and draws it with ECharts, and adds alerts from the inbox stream as they come.
 */
@Controller
public class CockpitPage {

    private final CockpitQueries queries;
    private final CategorySuggester suggester;

    public CockpitPage(CockpitQueries queries, CategorySuggester suggester) {
        this.queries = queries;
        this.suggester = suggester;
    }

    /** The frame; its head names the classifier model answering (智能分拨 rests on it). */
    @GetMapping("/cockpit")
    public String page(Model model) {
        model.addAttribute("modelVersion", suggester.modelVersion());
        return "cockpit";
    }

    @GetMapping("/cockpit/data")
    @ResponseBody
    public CockpitView data() {
        return queries.view(CurrentStaff.get());
    }
}

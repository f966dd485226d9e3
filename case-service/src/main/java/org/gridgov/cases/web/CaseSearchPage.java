package org.gridgov.cases.web;

import org.gridgov.cases.casefile.CaseQuery;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 事件查询 by person, place, category, text, status and area, inside the user's scope; newest first. */
@Controller
public class CaseSearchPage {

    static final int SHOWN = 100;

    private final CaseService cases;
    private final FormOptions options;

    public CaseSearchPage(CaseService cases, FormOptions options) {
        this.cases = cases;
        this.options = options;
    }

    @GetMapping("/cases")
    public String search(
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String area,
            Model model) {
        Staff s = CurrentStaff.get();
        CaseQuery query = CaseQuery.of(area, category, status, person, place, q);
        model.addAttribute("query", query);
        model.addAttribute("results", cases.search(s, query, SHOWN));
        model.addAttribute("shownLimit", SHOWN);
        model.addAttribute("categoryGroups", options.allCategoryGroups());
        model.addAttribute("areas", options.areasWithin(s));
        return "case-search";
    }
}

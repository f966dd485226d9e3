package org.gridgov.cases.web;

import java.time.LocalDate;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.lookup.AreaLookup;
import org.gridgov.cases.lookup.CompanyLookup;
import org.gridgov.cases.lookup.LookupLog;
import org.gridgov.cases.lookup.PersonLookup;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 综合查询 pages (issue 17): the search form (posted, so numbers stay out of URLs), a person's file, one record, a
 * company, a community or grid, and the leaders' 查询记录. The stated reason travels with every drill-down link, and each page is a
 * look-up of its own, checked and logged by {@code lookup.PersonLookup}/{@code CompanyLookup}.
 */
@Controller
public class LookupPages {

    private final PersonLookup persons;
    private final CompanyLookup companies;
    private final AreaLookup places;
    private final LookupLog log;
    private final Refusals refusals;

    public LookupPages(
            PersonLookup persons, CompanyLookup companies, AreaLookup places, LookupLog log, Refusals refusals) {
        this.persons = persons;
        this.companies = companies;
        this.places = places;
        this.log = log;
        this.refusals = refusals;
    }

    @GetMapping("/lookup")
    public String form(Model model) {
        model.addAttribute("streets", persons.searchableStreets(CurrentStaff.get()));
        return "lookup";
    }

    @PostMapping("/lookup")
    public String search(
            @RequestParam(name = "id_card", required = false) String idCard,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String name,
            @RequestParam(name = "street_code", required = false) String streetCode,
            @RequestParam(required = false) String reason,
            Model model) {
        Staff s = CurrentStaff.get();
        model.addAttribute(
                "result",
                persons.search(
                        s, new PersonLookup.SearchRequest(idCard, phone, name, blankToNull(streetCode), reason)));
        model.addAttribute("streets", persons.searchableStreets(s));
        model.addAttribute("reason", reason.strip());
        return "lookup";
    }

    @GetMapping("/lookup/persons/{ref}")
    public String person(
            @PathVariable String ref,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute(
                "file", persons.person(CurrentStaff.get(), ref, reason, page, PersonLookup.DEFAULT_PAGE_SIZE));
        model.addAttribute("reason", reason.strip());
        return "lookup-person";
    }

    @GetMapping("/lookup/persons/{ref}/records/{source}/{id}")
    public String record(
            @PathVariable String ref,
            @PathVariable String source,
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Model model) {
        model.addAttribute("record", persons.record(CurrentStaff.get(), ref, source, id, reason));
        model.addAttribute("ref", ref);
        model.addAttribute("reason", reason.strip());
        return "lookup-record";
    }

    @GetMapping("/lookup/companies")
    public String company(
            @RequestParam(required = false) String name, @RequestParam(required = false) String reason, Model model) {
        model.addAttribute("company", companies.company(CurrentStaff.get(), name, reason));
        model.addAttribute("reason", reason.strip());
        return "lookup-company";
    }

    @GetMapping("/lookup/areas/{code}")
    public String area(
            @PathVariable String code,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("area", places.area(CurrentStaff.get(), code, reason, page, AreaLookup.DEFAULT_PAGE_SIZE));
        model.addAttribute("reason", reason.strip());
        return "lookup-area";
    }

    @GetMapping("/lookup/log")
    public String report(
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Staff s = CurrentStaff.get();
        refusals.require(s, Action.LOOKUP_REPORT, Target.nothing(), "LOOKUP_LOG", null);
        model.addAttribute("entries", log.report(from, to, user, page, 100));
        model.addAttribute("user", user);
        return "lookup-log";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

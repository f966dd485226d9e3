package org.gridgov.cases.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.lookup.AreaLookup;
import org.gridgov.cases.lookup.CompanyLookup;
import org.gridgov.cases.lookup.LookupLog;
import org.gridgov.cases.lookup.PersonFile;
import org.gridgov.cases.lookup.PersonLookup;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 综合查询 as JSON (issue 17): search (a POST, so an ID-card or phone number is never in a URL or an access log), a
 * person's file, one record, a company, a community or grid, and the leaders' report of who looked up whom. Every call but the report
 * needs {@code reason}; refusals are problem details like the rest of {@code /api/**}.
 */
@RestController
@RequestMapping("/api/lookup")
public class LookupController {

    static final int REPORT_PAGE_SIZE = 100;

    private final PersonLookup persons;
    private final CompanyLookup companies;
    private final AreaLookup places;
    private final LookupLog log;
    private final Refusals refusals;

    public LookupController(
            PersonLookup persons, CompanyLookup companies, AreaLookup places, LookupLog log, Refusals refusals) {
        this.persons = persons;
        this.companies = companies;
        this.places = places;
        this.log = log;
        this.refusals = refusals;
    }

    @PostMapping("/persons/search")
    public PersonFile.SearchResult search(@RequestBody(required = false) PersonLookup.SearchRequest body) {
        return persons.search(
                CurrentStaff.get(), body == null ? new PersonLookup.SearchRequest(null, null, null, null, null) : body);
    }

    @GetMapping("/persons/{ref}")
    public PersonFile person(
            @PathVariable String ref,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize) {
        return persons.person(CurrentStaff.get(), ref, reason, page, pageSize);
    }

    @GetMapping("/persons/{ref}/records/{source}/{id}")
    public Map<String, Object> record(
            @PathVariable String ref,
            @PathVariable String source,
            @PathVariable String id,
            @RequestParam(required = false) String reason) {
        return persons.record(CurrentStaff.get(), ref, source, id, reason);
    }

    @GetMapping("/companies")
    public CompanyLookup.CompanyFile company(
            @RequestParam(required = false) String name, @RequestParam(required = false) String reason) {
        return companies.company(CurrentStaff.get(), name, reason);
    }

    /** A community (12 digits) or grid (14 digits); its records in pages, newest first. */
    @GetMapping("/areas/{code}")
    public AreaLookup.AreaFile area(
            @PathVariable String code,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "100") int pageSize) {
        return places.area(CurrentStaff.get(), code, reason, page, pageSize);
    }

    /** Who looked up whom, newest first; leaders and administrators. {@code from}/{@code to} are dates, to exclusive. */
    @GetMapping("/log")
    public List<LookupLog.Entry> report(
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "1") int page) {
        Staff staff = CurrentStaff.get();
        refusals.require(staff, Action.LOOKUP_REPORT, Target.nothing(), "LOOKUP_LOG", null);
        return log.report(from, to, user, page, REPORT_PAGE_SIZE);
    }
}

package org.gridgov.cases.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.duplicate.CaseMerges;
import org.gridgov.cases.duplicate.DuplicateFinder;
import org.gridgov.cases.security.CurrentStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 19: possible duplicates of a report or a case, merging a case into its master, and the undo. */
@RestController
@RequestMapping("/api/cases")
public class DuplicateController {

    /** A report not yet stored, as the report form has it. */
    public record SimilarRequest(
            Double latitude,
            Double longitude,
            String gridCode,
            String categoryCode,
            String title,
            String description) {}

    public record MergeRequest(String masterCaseId) {}

    private final DuplicateFinder finder;
    private final CaseMerges merges;

    public DuplicateController(DuplicateFinder finder, CaseMerges merges) {
        this.finder = finder;
        this.merges = merges;
    }

    @PostMapping("/similar")
    public List<DuplicateFinder.Candidate> similar(@RequestBody SimilarRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "请求体为空");
        }
        return finder.forReport(
                CurrentStaff.get(),
                DuplicateFinder.probe(
                        body.latitude(),
                        body.longitude(),
                        body.gridCode(),
                        body.categoryCode(),
                        body.title(),
                        body.description()));
    }

    @GetMapping("/{id}/similar")
    public List<DuplicateFinder.Candidate> similar(@PathVariable String id) {
        return finder.forCase(CurrentStaff.get(), id);
    }

    @PostMapping("/{id}/merge")
    public Map<String, Object> merge(@PathVariable String id, @RequestBody MergeRequest body) {
        CaseRecord c = merges.merge(CurrentStaff.get(), id, body == null ? null : body.masterCaseId());
        return answer(c, merges.masterOf(id));
    }

    @PostMapping("/{id}/unmerge")
    public Map<String, Object> unmerge(@PathVariable String id) {
        return answer(merges.unmerge(CurrentStaff.get(), id), null);
    }

    private static Map<String, Object> answer(CaseRecord c, String master) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", CaseController.CaseView.of(c));
        out.put("master_case_id", master);
        return out;
    }
}

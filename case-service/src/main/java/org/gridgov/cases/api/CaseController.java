package org.gridgov.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.casefile.CaseAction;
import org.gridgov.cases.casefile.CaseQuery;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.casefile.CaseStep;
import org.gridgov.cases.casefile.CategorySuggester;
import org.gridgov.cases.casefile.NewCase;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.common.pii.PiiProtector;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases over JSON: report, act, read, lists and search. */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    /** A workflow action; the note is stored in the history (case_step.note VARCHAR(1000)). */
    public record ActionRequest(
            CaseAction action,
            @Size(max = 1000) String note,
            @Size(max = 32) String departmentCode) {}

    /** 改分类: the new category and the case version the user was shown. */
    public record CategoryChange(
            @Size(max = 16) String categoryCode,
            Integer version,
            @Size(max = 1000) String note) {}

    /** Longest text the classifier is asked about: a report's description is at most as long. */
    static final int MAX_SUGGEST_CHARS = 2000;

    private final CaseService cases;
    private final CategorySuggester suggester;

    public CaseController(CaseService cases, CategorySuggester suggester) {
        this.cases = cases;
        this.suggester = suggester;
    }

    @PostMapping
    public ResponseEntity<CaseView> report(
            @Valid @RequestBody NewCase body, @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        CaseService.Reported r = cases.report(CurrentStaff.get(), body, key);
        return ResponseEntity.status(r.existed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(CaseView.of(r.record()));
    }

    /** Category and department the classifier suggests for a description, for the report form. */
    @PostMapping("/suggest")
    public CategorySuggester.Suggestion suggest(@RequestBody Map<String, String> body) {
        String text = body.getOrDefault("description", "");
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("description", "description is empty");
        }
        if (text.length() > MAX_SUGGEST_CHARS) {
            throw new InvalidInputException(
                    "description", "description is longer than " + MAX_SUGGEST_CHARS + " characters");
        }
        return suggester.suggest(text);
    }

    @GetMapping("/{id}")
    public CaseView get(@PathVariable String id) {
        return CaseView.of(cases.view(CurrentStaff.get(), id));
    }

    @GetMapping("/{id}/history")
    public List<CaseStep> history(@PathVariable String id) {
        return cases.history(CurrentStaff.get(), id);
    }

    @GetMapping("/{id}/dispatch")
    public Map<String, Object> dispatch(@PathVariable String id) {
        CaseService.CaseFile file = cases.file(CurrentStaff.get(), id);
        return Map.of("suggestion", cases.dispatchSuggestion(file.record()), "decisions", file.decisions());
    }

    @PostMapping("/{id}/actions")
    public CaseView act(@PathVariable String id, @Valid @RequestBody ActionRequest body) {
        if (body.action() == null) {
            throw new InvalidInputException("action", "action is required");
        }
        return CaseView.of(cases.act(CurrentStaff.get(), id, body.action(), body.note(), body.departmentCode()));
    }

    /** 改分类 by the command centre or the department holding the case; 409 when the version is stale. */
    @PostMapping("/{id}/category")
    public CaseView recategorize(@PathVariable String id, @Valid @RequestBody CategoryChange body) {
        return CaseView.of(
                cases.recategorize(CurrentStaff.get(), id, body.categoryCode(), body.version(), body.note()));
    }

    @GetMapping("/todo")
    public List<CaseView> todo(@RequestParam(defaultValue = "50") int limit) {
        return cases.todo(CurrentStaff.get(), clamp(limit)).stream()
                .map(CaseView::of)
                .toList();
    }

    @GetMapping("/done")
    public List<CaseView> done(@RequestParam(defaultValue = "50") int limit) {
        return cases.done(CurrentStaff.get(), clamp(limit)).stream()
                .map(CaseView::of)
                .toList();
    }

    @GetMapping
    public List<CaseView> search(
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "50") int limit) {
        return cases
                .search(CurrentStaff.get(), CaseQuery.of(area, category, status, person, place, q), clamp(limit))
                .stream()
                .map(CaseView::of)
                .toList();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, 200));
    }

    /**
     * The API shape of a case, flat as clients have always read it: the reporter's phone is masked; the full number
     * stays in the case file. {@code version} is what 改分类, 首次响应 and 回访 must send back; the 接诉即办 fields
     * (issue 19) are the response level, when first contact is due and was made, the 回访 satisfaction and the
     * master of a merged duplicate.
     */
    public record CaseView(
            String id,
            String title,
            String description,
            String channel,
            String categoryCode,
            String categoryName,
            int urgency,
            int priority,
            String gridCode,
            String streetCode,
            String address,
            String reporterName,
            String reporterPhone,
            String workflowCode,
            String currentStep,
            String currentRole,
            String status,
            String departmentCode,
            boolean selfHandled,
            boolean dispute,
            int supervisedCount,
            String stepDueAt,
            String dueAt,
            String createdBy,
            String createdAt,
            String closedAt,
            int version,
            String responseLevel,
            String responseDueAt,
            String respondedAt,
            String satisfaction,
            String masterCaseId) {

        static CaseView of(CaseRecord c) {
            CaseRecord.Report r = c.report();
            CaseRecord.Location l = c.location();
            CaseRecord.Assignment a = c.assignment();
            CaseRecord.Timing t = c.timing();
            return new CaseView(
                    c.id(),
                    r.title(),
                    r.description(),
                    r.channel(),
                    r.categoryCode(),
                    r.categoryName(),
                    r.urgency(),
                    a.priority(),
                    l.gridCode(),
                    l.streetCode(),
                    l.address(),
                    r.reporterName(),
                    r.reporterPhone() == null ? null : PiiProtector.maskPhone(r.reporterPhone()),
                    a.workflowCode(),
                    a.currentStep(),
                    a.currentRole(),
                    a.status().name(),
                    a.departmentCode(),
                    a.selfHandled(),
                    a.dispute(),
                    a.supervisedCount(),
                    String.valueOf(a.stepDueAt()),
                    String.valueOf(t.dueAt()),
                    r.createdBy(),
                    String.valueOf(t.createdAt()),
                    t.closedAt() == null ? null : t.closedAt().toString(),
                    c.version(),
                    c.response().level(),
                    text(c.response().dueAt()),
                    text(c.response().respondedAt()),
                    c.response().satisfaction(),
                    c.response().masterCaseId());
        }

        private static String text(Object o) {
            return o == null ? null : o.toString();
        }
    }
}

package org.gridgov.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.assessment.AssessmentLevel;
import org.gridgov.cases.assessment.AssessmentRules;
import org.gridgov.cases.assessment.ManualScores;
import org.gridgov.cases.assessment.RuleDraft;
import org.gridgov.cases.assessment.RuleItem;
import org.gridgov.cases.assessment.RuleVersion;
import org.gridgov.cases.assessment.ScoreCards;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 监督考核 as JSON (issue 16 part 3): the rules valid in a month and their history (per scope: the district's or a
 * street's own), a new rule version, withdrawing a street's own rules, 手工打分 (add,
 * list, revoke), a grid worker's score card and the rankings. Refusals are problem details like the rest of
 * {@code /api/**}; invalid rules are one 400 naming every problem.
 */
@RestController
@RequestMapping("/api/assessment")
public class AssessmentController {

    /**
     * A new rule version: the level, the scope (the district's code, the default, or a street's for that street's own
     * COMMUNITY / GRID_WORKER rules), its first month, the version of that scope it replaces, why, and every item.
     */
    public record RuleRequest(
            @Size(max = 16) String level,
            @Size(max = 16) String scope,
            @Size(max = 10) String validFrom,
            Integer baseVersion,
            @Size(max = 1000) String note,
            @Size(max = 50) List<@Valid ItemRequest> items) {}

    /** Withdrawing a street's own rules of a level from a later month on (its subjects then take the district's). */
    public record WithdrawRequest(
            @Size(max = 16) String level,
            @Size(max = 16) String scope,
            @Size(max = 10) String validFrom,
            Integer baseVersion,
            @Size(max = 1000) String note) {}

    public record ItemRequest(
            @Size(max = 32) String itemCode,
            @Size(max = 1000) String itemName,
            Double weight,
            Double target,
            @Size(max = 32) String method) {}

    /** A manual score: month yyyy-MM, level, subject, points −20..+20, reason. */
    public record ScoreRequest(
            @Size(max = 10) String month,
            @Size(max = 16) String level,
            @Size(max = 64) String subjectCode,
            Double points,
            @Size(max = 1000) String reason) {}

    private final AssessmentRules rules;
    private final ManualScores scores;
    private final ScoreCards cards;

    public AssessmentController(AssessmentRules rules, ManualScores scores, ScoreCards cards) {
        this.rules = rules;
        this.scores = scores;
        this.cards = cards;
    }

    /** The rules that score {@code level}'s subjects in {@code scope} (a street: its own, else the district's). */
    @GetMapping("/rules")
    public Map<String, Object> rules(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String scope) {
        YearMonth m = rules.month(month);
        AssessmentLevel l = AssessmentRules.level(level);
        return version(rules.validIn(CurrentStaff.get(), l, rules.scope(l, scope), m), m);
    }

    /** The versions of one scope (default: the district's), newest first. */
    @GetMapping("/rules/history")
    public List<Map<String, Object>> history(
            @RequestParam(required = false) String level, @RequestParam(required = false) String scope) {
        AssessmentLevel l = AssessmentRules.level(level);
        return rules.history(CurrentStaff.get(), l, rules.scope(l, scope)).stream()
                .map(v -> version(v, null))
                .toList();
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> publish(@Valid @RequestBody RuleRequest body) {
        List<RuleDraft.Item> items = body.items() == null
                ? null
                : body.items().stream()
                        .map(i -> i == null
                                ? null
                                : new RuleDraft.Item(
                                        i.itemCode(), i.itemName(), text(i.weight()), text(i.target()), i.method()))
                        .toList();
        RuleVersion v = rules.publish(
                CurrentStaff.get(),
                body.scope(),
                new RuleDraft(body.level(), body.validFrom(), body.baseVersion(), body.note(), items));
        return version(v, null);
    }

    /** Ends a street's own rules; answers the street's newest version with its new valid_to. */
    @PostMapping("/rules/withdraw")
    public Map<String, Object> withdraw(@Valid @RequestBody WithdrawRequest body) {
        return version(
                rules.withdraw(
                        CurrentStaff.get(),
                        body.level(),
                        body.scope(),
                        body.validFrom(),
                        body.baseVersion(),
                        body.note()),
                null);
    }

    @GetMapping("/manual-scores")
    public List<ManualScores.ManualScore> manualScores(@RequestParam(required = false) String month) {
        return scores.list(CurrentStaff.get(), rules.month(month));
    }

    @PostMapping("/manual-scores")
    @ResponseStatus(HttpStatus.CREATED)
    public ManualScores.ManualScore score(@Valid @RequestBody ScoreRequest body) {
        return scores.add(
                CurrentStaff.get(),
                new ManualScores.ScoreDraft(
                        body.month(), body.level(), body.subjectCode(), text(body.points()), body.reason()));
    }

    @PostMapping("/manual-scores/{id}/revoke")
    public ManualScores.ManualScore revoke(@PathVariable long id) {
        return scores.revoke(CurrentStaff.get(), id);
    }

    /** A worker's card; {@code card} is null (and {@code assessed} false) before the month is assessed. */
    @GetMapping("/card")
    public Map<String, Object> card(
            @RequestParam(required = false) String month,
            @RequestParam(name = "worker_id", required = false) String workerId) {
        Staff s = CurrentStaff.get();
        YearMonth m = rules.month(month);
        var card = cards.card(s, m, workerId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", m.toString());
        out.put("assessed", card.isPresent());
        out.put("card", card.orElse(null));
        return out;
    }

    @GetMapping("/ranking")
    public Map<String, Object> ranking(
            @RequestParam(required = false) String month, @RequestParam(required = false) String level) {
        Staff s = CurrentStaff.get();
        YearMonth m = rules.month(month);
        AssessmentLevel l = level == null ? AssessmentLevel.GRID_WORKER : AssessmentRules.level(level);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", m.toString());
        out.put("level", l.name());
        out.put("rows", cards.units(s, m, l));
        return out;
    }

    private Map<String, Object> version(RuleVersion v, YearMonth month) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (month != null) {
            m.put("month", month.toString());
        }
        m.put("level", v.level().name());
        m.put("scope", v.scopeCode());
        m.put("scope_name", rules.scopeName(v.scopeCode()));
        m.put("rule_version", v.version());
        m.put("valid_from", v.validFrom().toString());
        m.put("valid_to", v.validTo() == null ? null : v.validTo().toString());
        m.put("note", v.note());
        m.put("created_by", v.createdBy());
        m.put("created_at", v.createdAt().toString());
        m.put("withdrawn_by", v.withdrawnBy());
        m.put("withdrawn_at", v.withdrawnAt() == null ? null : v.withdrawnAt().toString());
        m.put("items", v.items().stream().map(AssessmentController::item).toList());
        return m;
    }

    private static Map<String, Object> item(RuleItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item_code", i.item().name());
        m.put("item_name", i.name());
        m.put("weight", i.weight());
        m.put("target", i.target());
        m.put("method", i.method().name());
        m.put("direction", i.direction());
        return m;
    }

    private static String text(Double d) {
        return d == null ? null : d.toString();
    }
}

package org.gridgov.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.assessment.AssessmentItem;
import org.gridgov.cases.assessment.AssessmentLevel;
import org.gridgov.cases.assessment.AssessmentRules;
import org.gridgov.cases.assessment.ManualScores;
import org.gridgov.cases.assessment.RuleDraft;
import org.gridgov.cases.assessment.RuleItem;
import org.gridgov.cases.assessment.RuleVersion;
import org.gridgov.cases.assessment.RuleVersions;
import org.gridgov.cases.assessment.ScoreCards;
import org.gridgov.cases.assessment.ScoringMethod;
import org.gridgov.cases.domain.DomainException;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 监督考核 pages (issue 16 part 3): 考核规则 (per scope, the district's or a street's own: the version valid in a
 * month, a new version from a later month, withdrawing a street's own rules, the history), 手工打分 (add, list, revoke) and 考核结果 (a grid worker's score card, a leader's rankings). A refused or
 * invalid form stays on screen with the reasons and the 4xx status of the refusal; the services check every request.
 */
@Controller
public class AssessmentPages {

    /** One row of the rule form, as shown or as posted back. */
    public record FormItem(String itemCode, String itemName, String weight, String target, String method) {}

    private final AssessmentRules rules;
    private final ManualScores scores;
    private final ScoreCards cards;

    public AssessmentPages(AssessmentRules rules, ManualScores scores, ScoreCards cards) {
        this.rules = rules;
        this.scores = scores;
        this.cards = cards;
    }

    /** The navigation's 监督考核: a grid worker's own card, everyone else the rules. */
    @GetMapping("/assessment")
    public String start() {
        return CurrentStaff.get().role() == Role.GRID_WORKER
                ? "redirect:/assessment/card"
                : "redirect:/assessment/rules";
    }

    /**
     * The rules of a level in a scope: the district's, or a street's (a street user's default for COMMUNITY and
     * GRID_WORKER: the rules their street is scored with, its own or the district's).
     */
    @GetMapping("/assessment/rules")
    public String rulesPage(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String scope,
            Model model) {
        Staff s = CurrentStaff.get();
        AssessmentLevel l = level == null || level.isBlank() ? defaultLevel(s) : AssessmentRules.level(level);
        // STREET and DEPARTMENT have the district's rules alone: a street chosen for another level is not carried over
        String sc = scope == null || scope.isBlank() || !AssessmentRules.streetScoped(l) ? defaultScope(s, l) : scope;
        return showRules(model, s, l, rules.scope(l, sc), rules.month(month), null, null, null, null);
    }

    /** Withdraws a street's own rules from a later month on; refused or invalid, the page shows why. */
    @PostMapping("/assessment/rules/withdraw")
    public String withdraw(
            @RequestParam String level,
            @RequestParam(required = false) String scope,
            @RequestParam(name = "base_version", required = false) String base,
            @RequestParam(name = "valid_from", required = false) String validFrom,
            @RequestParam(required = false) String note,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Staff s = CurrentStaff.get();
        AssessmentLevel l = AssessmentRules.level(level);
        try {
            RuleVersion v = rules.withdraw(s, l.name(), scope, validFrom, parseInt(base), note);
            YearMonth from = YearMonth.from(v.validTo().plusDays(1));
            flash.addFlashAttribute(
                    "notice",
                    rules.scopeName(v.scopeCode()) + l.label() + "考核规则已撤销，自 " + from + " 起按区级规则考核；之前的月份仍按原规则考核");
            return "redirect:/assessment/rules?level=" + l.name() + "&scope=" + v.scopeCode() + "&month=" + from;
        } catch (DomainException e) {
            response.setStatus(ErrorResponses.statusOf(e).value());
            model.addAttribute("formError", "规则未撤销：" + e.getMessage());
            return showRules(model, s, l, safeScope(l, scope), rules.currentMonth(), null, null, null, null);
        }
    }

    @PostMapping("/assessment/rules")
    public String publish(
            @RequestParam String level,
            @RequestParam(required = false) String scope,
            @RequestParam(name = "base_version", required = false) String base,
            @RequestParam(name = "valid_from", required = false) String validFrom,
            @RequestParam(required = false) String note,
            @RequestParam(name = "item_code", required = false) List<String> codes,
            @RequestParam(name = "item_name", required = false) List<String> names,
            @RequestParam(name = "weight", required = false) List<String> weights,
            @RequestParam(name = "target", required = false) List<String> targets,
            @RequestParam(name = "method", required = false) List<String> methods,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Staff s = CurrentStaff.get();
        AssessmentLevel l = AssessmentRules.level(level);
        List<FormItem> posted = new ArrayList<>();
        int rows = codes == null ? 0 : codes.size();
        for (int i = 0; i < rows; i++) {
            String code = at(codes, i);
            if (code.isBlank()) {
                continue;
            }
            posted.add(new FormItem(code, at(names, i), at(weights, i), at(targets, i), at(methods, i)));
        }
        Integer baseVersion = parseInt(base);
        try {
            RuleVersion v = rules.publish(
                    s,
                    scope,
                    new RuleDraft(
                            l.name(),
                            validFrom,
                            baseVersion,
                            note,
                            posted.stream()
                                    .map(f -> new RuleDraft.Item(
                                            f.itemCode(), f.itemName(), f.weight(), f.target(), f.method()))
                                    .toList()));
            flash.addFlashAttribute(
                    "notice",
                    (v.district() ? "" : rules.scopeName(v.scopeCode())) + l.label() + "考核规则第 " + v.version()
                            + " 版已发布，自 " + v.fromMonth() + " 起生效；之前的月份仍按原规则考核");
            return "redirect:/assessment/rules?level=" + l.name() + "&scope=" + v.scopeCode() + "&month="
                    + v.fromMonth();
        } catch (DomainException e) {
            response.setStatus(ErrorResponses.statusOf(e).value());
            model.addAttribute("formError", "规则未发布：" + e.getMessage());
            return showRules(model, s, l, safeScope(l, scope), rules.currentMonth(), posted, validFrom, note, base);
        }
    }

    @GetMapping("/assessment/scores")
    public String scoresPage(@RequestParam(required = false) String month, Model model) {
        Staff s = CurrentStaff.get();
        return showScores(model, s, rules.month(month), null);
    }

    @PostMapping("/assessment/scores")
    public String score(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String level,
            @RequestParam(name = "subject_code", required = false) String subject,
            @RequestParam(required = false) String points,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Staff s = CurrentStaff.get();
        try {
            ManualScores.ManualScore m =
                    scores.add(s, new ManualScores.ScoreDraft(month, level, subject, points, reason));
            flash.addFlashAttribute(
                    "notice", "已为 " + m.subjectName() + " 记 " + m.points() + " 分（" + m.month() + "），编号 " + m.scoreId());
            return "redirect:/assessment/scores?month=" + m.month();
        } catch (DomainException e) {
            response.setStatus(ErrorResponses.statusOf(e).value());
            model.addAttribute("formError", "未打分：" + e.getMessage());
            model.addAttribute("form", new ManualScores.ScoreDraft(month, level, subject, points, reason));
            return showScores(model, s, rules.currentMonth(), null);
        }
    }

    @PostMapping("/assessment/scores/{id}/revoke")
    public String revoke(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes flash) {
        Staff s = CurrentStaff.get();
        try {
            ManualScores.ManualScore m = scores.revoke(s, id);
            flash.addFlashAttribute("notice", "已撤销手工打分 " + m.scoreId());
            return "redirect:/assessment/scores?month=" + m.month();
        } catch (DomainException e) {
            response.setStatus(ErrorResponses.statusOf(e).value());
            model.addAttribute("formError", "未撤销：" + e.getMessage());
            return showScores(model, s, rules.currentMonth(), null);
        }
    }

    @GetMapping("/assessment/card")
    public String card(
            @RequestParam(required = false) String month,
            @RequestParam(name = "worker_id", required = false) String workerId,
            Model model) {
        Staff s = CurrentStaff.get();
        YearMonth m = rules.month(month);
        model.addAttribute("month", m.toString());
        boolean worker = s.role() == Role.GRID_WORKER;
        model.addAttribute("ranking", worker ? List.of() : cards.workers(s, m));
        model.addAttribute("showRanking", !worker);
        String id = worker ? null : workerId;
        model.addAttribute(
                "card",
                worker || (id != null && !id.isBlank()) ? cards.card(s, m, id).orElse(null) : null);
        model.addAttribute("asked", worker || (id != null && !id.isBlank()));
        model.addAttribute("workerId", id);
        return "assessment-card";
    }

    private String showRules(
            Model model,
            Staff s,
            AssessmentLevel level,
            String scope,
            YearMonth month,
            List<FormItem> posted,
            String validFrom,
            String note,
            String base) {
        List<AssessmentLevel> levels = Arrays.stream(AssessmentLevel.values())
                .filter(l -> Authorization.allows(
                        s, Action.ASSESSMENT_RULES_VIEW, new Target.Assessment(l.name(), null, null)))
                .toList();
        boolean street = !AssessmentRules.DISTRICT_SCOPE.equals(scope);
        List<RuleVersion> history = rules.history(s, level, scope);
        List<RuleVersion> districtHistory = street ? rules.history(s, level) : history;
        // what scores the scope's subjects in the month: the street's own version, else the district's
        RuleVersion valid = RuleVersions.forSubject(districtHistory, street ? history : List.of(), month)
                .orElse(null);
        RuleVersion newest = history.isEmpty() ? null : history.get(0);
        // the draft starts from the scope's newest version while it holds; a street without rules of its own (or
        // whose rules were withdrawn) starts from a copy of the district's newest
        RuleVersion draftFrom = newest != null && newest.withdrawnBy() == null
                ? newest
                : districtHistory.isEmpty() ? null : districtHistory.get(0);
        List<String[]> scopes = new ArrayList<>();
        scopes.add(new String[] {AssessmentRules.DISTRICT_SCOPE, "区级规则（全区）"});
        if (AssessmentRules.streetScoped(level)) {
            rules.streets(s).forEach(st -> scopes.add(new String[] {st.code(), st.name() + "规则"}));
        }
        boolean canEdit = rules.mayEdit(s, level, scope);
        YearMonth next = rules.currentMonth().plusMonths(1);
        model.addAttribute("levels", levels);
        model.addAttribute("level", level);
        model.addAttribute("scope", scope);
        model.addAttribute("scopeName", rules.scopeName(scope));
        model.addAttribute("scopes", scopes);
        model.addAttribute("streetScope", street);
        model.addAttribute("month", month.toString());
        model.addAttribute("valid", valid);
        model.addAttribute("validIsDistrictFallback", street && valid != null && valid.district());
        model.addAttribute("history", history);
        model.addAttribute("districtHistory", street ? districtHistory : List.of());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("draftFromDistrict", street && draftFrom != null && draftFrom.district());
        model.addAttribute("draftFromVersion", draftFrom == null ? null : draftFrom.version());
        // a street's rules can be withdrawn while a version of it still holds from next month on
        model.addAttribute(
                "canWithdraw",
                canEdit
                        && street
                        && newest != null
                        && history.stream()
                                .anyMatch(
                                        v -> v.validTo() == null || !v.validTo().isBefore(next.atDay(1))));
        model.addAttribute("withdrawFrom", next.toString());
        model.addAttribute("items", level.items());
        model.addAttribute("methods", ScoringMethod.values());
        List<FormItem> rows = new ArrayList<>();
        if (posted != null) {
            rows.addAll(posted);
        } else if (draftFrom != null) {
            for (RuleItem i : draftFrom.items()) {
                rows.add(new FormItem(
                        i.item().name(),
                        i.name(),
                        fmt(i.weight()),
                        fmt(i.target()),
                        i.method().name()));
            }
        }
        while (rows.size() < level.items().size()) {
            rows.add(new FormItem("", "", "", "", ScoringMethod.RATIO_TO_TARGET.name()));
        }
        model.addAttribute("formItems", rows);
        model.addAttribute(
                "formValidFrom",
                validFrom != null
                        ? validFrom
                        : rules.currentMonth().plusMonths(1).toString());
        model.addAttribute("formNote", note == null ? "" : note);
        model.addAttribute("formBase", base != null ? base : String.valueOf(newest == null ? 0 : newest.version()));
        model.addAttribute("itemNames", itemNames());
        return "assessment-rules";
    }

    private String showScores(Model model, Staff s, YearMonth month, Object unused) {
        model.addAttribute("month", month.toString());
        model.addAttribute("scores", scores.list(s, month));
        model.addAttribute("levels", AssessmentLevel.values());
        model.addAttribute(
                "canScore",
                Arrays.stream(AssessmentLevel.values())
                        .anyMatch(l -> Authorization.allows(
                                s, Action.ASSESSMENT_SCORE, new Target.Assessment(l.name(), null, null))));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new ManualScores.ScoreDraft(
                            rules.currentMonth().toString(), AssessmentLevel.GRID_WORKER.name(), "", "", ""));
        }
        return "assessment-scores";
    }

    private static java.util.Map<String, String> itemNames() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (AssessmentItem i : AssessmentItem.values()) {
            m.put(i.name(), i.defaultName());
        }
        return m;
    }

    /** A street user sees their street's rules (own or the district's) first; everyone else the district's. */
    private String defaultScope(Staff s, AssessmentLevel level) {
        if (!AssessmentRules.streetScoped(level) || s.districtWide()) {
            return AssessmentRules.DISTRICT_SCOPE;
        }
        return rules.streets(s).stream().findFirst().map(st -> st.code()).orElse(AssessmentRules.DISTRICT_SCOPE);
    }

    /** The posted scope when it is one, else the district's (a refused form is shown again on a valid page). */
    private String safeScope(AssessmentLevel level, String scope) {
        try {
            return rules.scope(level, scope);
        } catch (DomainException e) {
            return AssessmentRules.DISTRICT_SCOPE;
        }
    }

    private static AssessmentLevel defaultLevel(Staff s) {
        return s.role() == Role.DEPARTMENT ? AssessmentLevel.DEPARTMENT : AssessmentLevel.GRID_WORKER;
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    private static Integer parseInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

package org.gridgov.cases.web;

import java.util.List;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.casefile.CaseAction;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.casefile.CaseResponses;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.casefile.CaseStatus;
import org.gridgov.cases.casefile.ResponseLevels;
import org.gridgov.cases.casefile.Satisfaction;
import org.gridgov.cases.dispatch.DepartmentDirectory;
import org.gridgov.cases.domain.DomainException;
import org.gridgov.cases.duplicate.CaseMerges;
import org.gridgov.cases.duplicate.DuplicateFinder;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.cases.workflow.WorkflowStep;
import org.gridgov.common.district.CategoryCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 事件详情: every field (phone masked), where the case is in its workflow, the full history, the dispatch suggestion,
 * the actions this user may take, and attachments ({@link AttachmentPages}). Actions redirect back here with the
 * outcome.
 */
@Controller
public class CasePage {

    private final CaseService cases;
    private final AttachmentService attachments;
    private final WorkflowCatalog workflows;
    private final DepartmentDirectory departments;
    private final DuplicateFinder duplicates;
    private final CaseMerges merges;
    private final FormOptions options;
    private final CaseResponses responses;
    private final ResponseLevels levels;

    public CasePage(
            CaseService cases,
            AttachmentService attachments,
            WorkflowCatalog workflows,
            DepartmentDirectory departments,
            DuplicateFinder duplicates,
            CaseMerges merges,
            FormOptions options,
            CaseResponses responses,
            ResponseLevels levels) {
        this.options = options;
        this.responses = responses;
        this.levels = levels;
        this.cases = cases;
        this.attachments = attachments;
        this.workflows = workflows;
        this.departments = departments;
        this.duplicates = duplicates;
        this.merges = merges;
    }

    @GetMapping("/cases/{id}")
    public String show(@PathVariable String id, Model model) {
        Staff s = CurrentStaff.get();
        CaseService.CaseFile file = cases.file(s, id);
        CaseRecord c = file.record();
        Workflow wf = workflowOf(c);
        OfferedActions offered = OfferedActions.of(s, c, wf);
        model.addAttribute("c", c);
        model.addAttribute(
                "category",
                CategoryCatalog.standard().find(c.report().categoryCode()).orElse(null));
        model.addAttribute("workflow", wf);
        model.addAttribute("steps", wf == null ? List.of() : StepPosition.of(wf, c));
        model.addAttribute("rejectTo", wf == null ? null : rejectTarget(wf, c));
        model.addAttribute("history", file.history());
        model.addAttribute("decisions", file.decisions());
        model.addAttribute("offered", offered);
        if (offered.dispatch()) {
            model.addAttribute("suggestion", cases.dispatchSuggestion(c));
            model.addAttribute("departments", departments.all());
        }
        boolean mayRecategorize = c.open() && Authorization.allows(s, Action.CASE_RECATEGORIZE, c.accessTarget());
        model.addAttribute("mayRecategorize", mayRecategorize);
        if (mayRecategorize) {
            model.addAttribute("categoryGroups", options.categoryGroups());
        }
        // 接诉即办 (issue 19): the buttons only where the service would accept them
        boolean merged = c.assignment().status() == CaseStatus.DUPLICATE;
        model.addAttribute(
                "mayRespond",
                c.open()
                        && !merged
                        && c.response().respondedAt() == null
                        && Authorization.allows(s, Action.CASE_RESPOND, c.accessTarget()));
        model.addAttribute(
                "mayReturnVisit",
                !c.open()
                        && !merged
                        && c.response().returnVisitedAt() == null
                        && Authorization.allows(s, Action.CASE_RETURN_VISIT, c.accessTarget()));
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute(
                "satisfactionLabel",
                c.response().satisfaction() == null
                        ? null
                        : Satisfaction.valueOf(c.response().satisfaction()).label());
        model.addAttribute(
                "responseLevel",
                c.response().level() == null
                        ? null
                        : levels.policy().level(c.response().level()));
        model.addAttribute("attachments", attachments.list(AttachmentService.CASE, id));
        model.addAttribute("similar", duplicates.forCase(CurrentStaff.get(), id));
        model.addAttribute("masterId", merges.masterOf(id));
        // 合并 and 撤销合并 only to those the service lets do them (it refuses the others anyway)
        model.addAttribute("mayMerge", merges.mayMerge(s, c));
        model.addAttribute("mayUnmerge", merges.mayUnmerge(s, c));
        return "case-detail";
    }

    /** Where 驳回 sends the case, as CaseService decides it: a 自行处理 case whose target it skipped starts over. */
    private static String rejectTarget(Workflow wf, CaseRecord c) {
        CaseRecord.Assignment at = c.assignment();
        return wf.step(at.currentStep())
                .map(WorkflowStep::rejectTo)
                .flatMap(wf::step)
                .map(t -> at.selfHandled() && t.skipWhenSelfHandled() ? wf.first(false) : t)
                .map(WorkflowStep::name)
                .orElse(null);
    }

    /** A workflow an administrator has since removed still lets the page render, without the step bar. */
    private Workflow workflowOf(CaseRecord c) {
        try {
            return workflows.workflow(c.assignment().workflowCode());
        } catch (IllegalStateException e) {
            return null;
        }
    }

    @PostMapping("/cases/{id}/actions")
    public String act(
            @PathVariable String id,
            @RequestParam CaseAction action,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String departmentCode,
            RedirectAttributes flash) {
        try {
            CaseRecord after = cases.act(CurrentStaff.get(), id, action, note, departmentCode);
            String where = after.open() ? "当前步骤：" + workflowStepName(after) : "事件已结案";
            flash.addFlashAttribute("notice", "已" + action.label() + "。" + where);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", action.label() + "未完成：" + e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    /** Issue 19: this case becomes a linked duplicate of {@code master} (the 可能重复 list's button). */
    @PostMapping("/cases/{id}/merge")
    public String merge(@PathVariable String id, @RequestParam String master, RedirectAttributes flash) {
        try {
            merges.merge(CurrentStaff.get(), id, master);
            flash.addFlashAttribute("notice", "已合并为 " + master + " 的重复件");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "合并未完成：" + e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/unmerge")
    public String unmerge(@PathVariable String id, RedirectAttributes flash) {
        try {
            merges.unmerge(CurrentStaff.get(), id);
            flash.addFlashAttribute("notice", "已撤销合并");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "撤销合并未完成：" + e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    /** 首次响应 from the page (issue 19); the form carries the version the page showed. */
    @PostMapping("/cases/{id}/response")
    public String respond(
            @PathVariable String id,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        try {
            responses.respond(CurrentStaff.get(), id, note, version);
            flash.addFlashAttribute("notice", "已记录首次响应");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "首次响应未记录：" + e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    /** 回访 from the page (issue 19). */
    @PostMapping("/cases/{id}/return-visit")
    public String returnVisit(
            @PathVariable String id,
            @RequestParam(required = false) String satisfaction,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer version,
            RedirectAttributes flash) {
        try {
            responses.returnVisit(CurrentStaff.get(), id, satisfaction, note, version);
            flash.addFlashAttribute("notice", "已记录回访");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "回访未记录：" + e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    /** 改分类 from the page: the form carries the version the page showed, so a stale page gets the conflict. */
    @PostMapping("/cases/{id}/category")
    public String recategorize(
            @PathVariable String id,
            @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        try {
            Staff s = CurrentStaff.get();
            CaseRecord after = cases.recategorize(s, id, categoryCode, version, note);
            String notice = "已改分类为 " + after.report().categoryName() + "（"
                    + after.report().categoryCode() + "）";
            if (!Authorization.allows(s, Action.CASE_VIEW, after.accessTarget())) {
                // the rules gave the case to another department: this one may no longer open it
                flash.addFlashAttribute(
                        "notice",
                        notice + "，事件已按分拨规则转至"
                                + departments
                                        .find(after.assignment().departmentCode())
                                        .orElse("其他部门"));
                return "redirect:/";
            }
            flash.addFlashAttribute("notice", notice);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "改分类未完成：" + e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    private String workflowStepName(CaseRecord c) {
        Workflow wf = workflowOf(c);
        String step = c.assignment().currentStep();
        return wf == null ? step : wf.step(step).map(WorkflowStep::name).orElse(step);
    }
}

package org.gridgov.cases.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridgov.cases.domain.DomainException;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.WorkflowAdministration;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.cases.workflow.WorkflowStep;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 审批配置 for administrators: the workflows with their steps and the category → workflow / time limit table, each
 * editable in place. Changes go through {@link WorkflowAdministration} (validated, audited) and apply to new steps.
 */
@Controller
public class WorkflowConfigPage {

    /** A policy row with the category's name; {@code *} is the default for every category without its own row. */
    public record PolicyRow(String categoryCode, String categoryName, String workflowCode, int timeLimitHours) {}

    private final WorkflowCatalog workflows;
    private final WorkflowAdministration administration;

    public WorkflowConfigPage(WorkflowCatalog workflows, WorkflowAdministration administration) {
        this.workflows = workflows;
        this.administration = administration;
    }

    @GetMapping("/admin/workflows")
    public String show(Model model) {
        administration.requireAdmin(CurrentStaff.get(), "READ_CONFIG");
        CategoryCatalog catalog = CategoryCatalog.standard();
        List<PolicyRow> policies = workflows.policies().stream()
                .map(p -> new PolicyRow(
                        p.categoryCode(), name(catalog, p.categoryCode()), p.workflowCode(), p.timeLimitHours()))
                .sorted(Comparator.comparing((PolicyRow p) -> !p.categoryCode().equals("*"))
                        .thenComparing(PolicyRow::categoryCode))
                .toList();
        model.addAttribute("workflows", workflows.workflows());
        model.addAttribute("policies", policies);
        model.addAttribute("roles", Role.values());
        model.addAttribute("categories", catalog.all());
        return "admin-workflows";
    }

    /**
     * Saves a workflow's steps from the page's table: one row per step, parallel fields; a row without a code is
     * dropped (that is how a step is removed; the empty last row adds one).
     */
    @PostMapping("/admin/workflows/{code}")
    public String saveWorkflow(
            @PathVariable String code,
            @RequestParam String name,
            @RequestParam("stepCode") List<String> codes,
            @RequestParam("stepName") List<String> names,
            @RequestParam("stepRole") List<String> roles,
            @RequestParam("stepHours") List<String> hours,
            @RequestParam("stepRejectTo") List<String> rejectTo,
            @RequestParam("stepSkip") List<String> skip,
            RedirectAttributes flash) {
        Staff s = administration.requireAdmin(CurrentStaff.get(), "CONFIG_WORKFLOW");
        List<WorkflowStep> steps = new ArrayList<>();
        try {
            for (int i = 0; i < codes.size(); i++) {
                String stepCode = codes.get(i).trim().toUpperCase(java.util.Locale.ROOT);
                if (stepCode.isEmpty()) {
                    continue;
                }
                steps.add(new WorkflowStep(
                        steps.size() + 1,
                        stepCode,
                        names.get(i).trim(),
                        Role.valueOf(roles.get(i)),
                        Integer.parseInt(hours.get(i).trim()),
                        rejectTo.get(i).isBlank() ? null : rejectTo.get(i),
                        Boolean.parseBoolean(skip.get(i))));
            }
            administration.replaceSteps(s, code, name.trim(), steps);
            flash.addFlashAttribute("notice", "流程已保存：" + name + "（" + steps.size() + " 个步骤），新的步骤按此办理");
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            flash.addFlashAttribute("error", "流程未保存：时限须为整数小时");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "流程未保存：" + e.getMessage());
        }
        return "redirect:/admin/workflows";
    }

    @PostMapping("/admin/category-policies")
    public String savePolicy(
            @RequestParam String category,
            @RequestParam String workflowCode,
            @RequestParam String hours,
            RedirectAttributes flash) {
        Staff s = administration.requireAdmin(CurrentStaff.get(), "CONFIG_POLICY");
        try {
            administration.setPolicy(s, category, workflowCode, Integer.parseInt(hours.trim()));
            flash.addFlashAttribute("notice", "分类时限已保存：" + category + " → " + workflowCode + "，" + hours + " 小时");
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("error", "分类时限未保存：时限须为整数小时");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "分类时限未保存：" + e.getMessage());
        }
        return "redirect:/admin/workflows";
    }

    /** Level-2 codes have a catalogue row; a level-1 code is named after any of its children's parent. */
    private static String name(CategoryCatalog catalog, String code) {
        if (code.equals("*")) {
            return "默认（其他分类）";
        }
        return catalog.find(code)
                .map(c -> c.parentName() + " / " + c.name())
                .or(() -> catalog.all().stream()
                        .filter(c -> c.parentCode().equals(code))
                        .findFirst()
                        .map(Category::parentName))
                .orElse(code);
    }
}

package org.gridgov.cases.web;

import java.util.Comparator;
import java.util.List;

import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** 审批配置, read-only: the workflows with their steps and the category → workflow / time limit table. */
@Controller
public class WorkflowConfigPage {

    /** A policy row with the category's name; {@code *} is the default for every category without its own row. */
    public record PolicyRow(String categoryCode, String categoryName, String workflowCode, int timeLimitHours) {
    }

    private final WorkflowCatalog workflows;

    public WorkflowConfigPage(WorkflowCatalog workflows) {
        this.workflows = workflows;
    }

    @GetMapping("/admin/workflows")
    public String show(Model model) {
        if (CurrentStaff.get().role() != Role.ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "审批配置仅限管理员查看");
        }
        CategoryCatalog catalog = CategoryCatalog.standard();
        List<PolicyRow> policies = workflows.policies().stream()
                .map(p -> new PolicyRow(p.categoryCode(), name(catalog, p.categoryCode()), p.workflowCode(),
                        p.timeLimitHours()))
                .sorted(Comparator.comparing((PolicyRow p) -> !p.categoryCode().equals("*"))
                        .thenComparing(PolicyRow::categoryCode))
                .toList();
        model.addAttribute("workflows", workflows.workflows());
        model.addAttribute("policies", policies);
        return "admin-workflows";
    }

    /** Level-2 codes have a catalogue row; a level-1 code is named after any of its children's parent. */
    private static String name(CategoryCatalog catalog, String code) {
        if (code.equals("*")) {
            return "默认（其他分类）";
        }
        return catalog.find(code).map(c -> c.parentName() + " / " + c.name())
                .or(() -> catalog.all().stream().filter(c -> c.parentCode().equals(code)).findFirst()
                        .map(Category::parentName))
                .orElse(code);
    }
}

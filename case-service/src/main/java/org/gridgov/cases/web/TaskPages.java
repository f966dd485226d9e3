package org.gridgov.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.gridgov.cases.attach.AttachmentService;
import org.gridgov.cases.dispatch.DepartmentDirectory;
import org.gridgov.cases.domain.DomainException;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.task.TaskRecord;
import org.gridgov.cases.task.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 任务: my open tasks and the ones I issued, the issue form, and a task's page with 提交 / 审核 forms. */
@Controller
public class TaskPages {

    private final TaskService tasks;
    private final AttachmentService attachments;
    private final FormOptions options;
    private final DepartmentDirectory departments;

    public TaskPages(
            TaskService tasks, AttachmentService attachments, FormOptions options, DepartmentDirectory departments) {
        this.tasks = tasks;
        this.attachments = attachments;
        this.options = options;
        this.departments = departments;
    }

    @GetMapping("/tasks")
    public String list(Model model) {
        return show(model, CurrentStaff.get(), new TaskForm());
    }

    @PostMapping("/tasks")
    public String issue(
            @Valid @ModelAttribute("form") TaskForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        Staff s = CurrentStaff.get();
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, s, form);
        }
        try {
            TaskRecord t = tasks.issue(s, form.toNewTask());
            flash.addFlashAttribute("notice", "任务已下发，编号 " + t.id());
            return "redirect:/tasks/" + t.id();
        } catch (DomainException e) {
            response.setStatus(ErrorResponses.statusOf(e).value());
            model.addAttribute("formError", e.getMessage());
            return show(model, s, form);
        }
    }

    private String show(Model model, Staff s, TaskForm form) {
        model.addAttribute("todo", tasks.todo(s));
        model.addAttribute("issued", tasks.issuedBy(s));
        model.addAttribute("form", form);
        if (RoleAbilities.of(s).issueTasks()) {
            model.addAttribute("areas", options.areasWithin(s));
            model.addAttribute("departments", departments.all());
        }
        return "tasks";
    }

    @GetMapping("/tasks/{id}")
    public String task(@PathVariable String id, Model model) {
        Staff s = CurrentStaff.get();
        TaskService.TaskFile file = tasks.file(s, id);
        TaskRecord t = file.task();
        boolean open = TaskRecord.ISSUED.equals(t.status()) || TaskRecord.REJECTED.equals(t.status());
        model.addAttribute("t", t);
        model.addAttribute("history", file.history());
        model.addAttribute("attachments", attachments.list(AttachmentService.TASK, id));
        model.addAttribute("maySubmit", open && tasks.isAssignee(s, t));
        model.addAttribute("mayReview", TaskRecord.SUBMITTED.equals(t.status()) && tasks.isReviewer(s, t));
        return "task-detail";
    }

    @PostMapping("/tasks/{id}/submit")
    public String submit(
            @PathVariable String id, @RequestParam(required = false) String result, RedirectAttributes flash) {
        try {
            tasks.submit(CurrentStaff.get(), id, result);
            flash.addFlashAttribute("notice", "执行情况已提交，等待下发人审核");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "提交未完成：" + e.getMessage());
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/review")
    public String review(
            @PathVariable String id,
            @RequestParam boolean approve,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        try {
            tasks.review(CurrentStaff.get(), id, approve, note);
            flash.addFlashAttribute("notice", approve ? "任务已审核通过" : "任务已驳回给执行人");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", "审核未完成：" + e.getMessage());
        }
        return "redirect:/tasks/" + id;
    }
}

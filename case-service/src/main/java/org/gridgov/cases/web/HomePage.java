package org.gridgov.cases.web;

import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.notify.Notifications;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.task.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 首页: the user's 待办 (most urgent and nearest deadline first), 已办, open tasks and unread notifications. */
@Controller
public class HomePage {

    static final int TODO_SHOWN = 50;
    static final int DONE_SHOWN = 20;

    private final CaseService cases;
    private final TaskService tasks;
    private final Notifications notifications;

    public HomePage(CaseService cases, TaskService tasks, Notifications notifications) {
        this.cases = cases;
        this.tasks = tasks;
        this.notifications = notifications;
    }

    @GetMapping("/")
    public String home(Model model) {
        Staff s = CurrentStaff.get();
        model.addAttribute("todo", cases.todo(s, TODO_SHOWN));
        model.addAttribute("done", cases.done(s, DONE_SHOWN));
        model.addAttribute("taskTodo", tasks.todo(s));
        model.addAttribute("notices", notifications.unread(s));
        return "home";
    }

    @PostMapping("/notifications/{id}/read")
    public String read(@PathVariable long id, RedirectAttributes flash) {
        if (notifications.markRead(CurrentStaff.get(), id) == 0) {
            flash.addFlashAttribute("error", "该通知已读或不属于您");
        }
        return "redirect:/";
    }
}

package org.gridgov.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.task.NewTask;
import org.gridgov.cases.task.TaskRecord;
import org.gridgov.cases.task.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 任务下发/执行/审核/驳回 over JSON. */
@RestController
@RequestMapping("/api/tasks")
public class TaskController {

    /** The executor's report (task.result TEXT; the history keeps its first 1000 characters). */
    public record Submit(@Size(max = 4000) String result) {}

    /** The reviewer's decision; the note is stored as task.review_note VARCHAR(1000). */
    public record Review(boolean approve, @Size(max = 1000) String note) {}

    private final TaskService tasks;

    public TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TaskRecord issue(@Valid @RequestBody NewTask body) {
        return tasks.issue(CurrentStaff.get(), body);
    }

    @GetMapping("/todo")
    public List<TaskRecord> todo() {
        return tasks.todo(CurrentStaff.get());
    }

    @GetMapping("/issued")
    public List<TaskRecord> issued() {
        return tasks.issuedBy(CurrentStaff.get());
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        TaskService.TaskFile file = tasks.file(CurrentStaff.get(), id);
        return Map.of("task", file.task(), "history", file.history());
    }

    @PostMapping("/{id}/submit")
    public TaskRecord submit(@PathVariable String id, @Valid @RequestBody Submit body) {
        return tasks.submit(CurrentStaff.get(), id, body.result());
    }

    @PostMapping("/{id}/review")
    public TaskRecord review(@PathVariable String id, @Valid @RequestBody Review body) {
        return tasks.review(CurrentStaff.get(), id, body.approve(), body.note());
    }
}

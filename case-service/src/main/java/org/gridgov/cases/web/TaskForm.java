package org.gridgov.cases.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.gridgov.cases.task.NewTask;
import org.springframework.format.annotation.DateTimeFormat;

/** The 任务下发 form as posted; {@code deadline} comes from a datetime-local input. */
public class TaskForm {

    @NotBlank(message = "请填写任务标题")
    @Size(max = 100, message = "标题不超过 100 字")
    private String title;

    @NotBlank(message = "请填写任务内容")
    @Size(max = 4000, message = "内容不超过 4000 字")
    private String content;

    @NotNull(message = "请选择任务对象类型")
    @Pattern(regexp = "AREA|DEPARTMENT|PERSON", message = "任务对象类型无效")
    private String assigneeType = "AREA";

    @NotBlank(message = "请填写任务对象")
    @Size(max = 64, message = "任务对象编码不超过 64 位")
    private String assigneeCode;

    @NotNull(message = "请选择紧急程度")
    @Min(value = 1, message = "紧急程度无效")
    @Max(value = 3, message = "紧急程度无效")
    private Integer urgency = 1;

    @NotNull(message = "请填写截止时间")
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime deadline;

    public NewTask toNewTask() {
        return new NewTask(title.trim(), content.trim(), assigneeType, assigneeCode.trim(), urgency, deadline);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getAssigneeType() {
        return assigneeType;
    }

    public void setAssigneeType(String assigneeType) {
        this.assigneeType = assigneeType;
    }

    public String getAssigneeCode() {
        return assigneeCode;
    }

    public void setAssigneeCode(String assigneeCode) {
        this.assigneeCode = assigneeCode;
    }

    public Integer getUrgency() {
        return urgency;
    }

    public void setUrgency(Integer urgency) {
        this.urgency = urgency;
    }

    public LocalDateTime getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDateTime deadline) {
        this.deadline = deadline;
    }
}

package org.gridgov.cases.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.casefile.CaseAction;
import org.gridgov.cases.casefile.CaseChannel;
import org.gridgov.cases.casefile.CaseStatus;
import org.gridgov.cases.dispatch.DepartmentDirectory;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.cases.workflow.WorkflowCatalog;
import org.gridgov.cases.workflow.WorkflowStep;
import org.gridgov.common.pii.PiiProtector;
import org.springframework.stereotype.Component;

/**
 * Chinese names for the codes the pages show, used from templates as {@code ${@labels.role(x)}}. Unknown codes are
 * shown as they are rather than hidden, so a new enum value or a renamed step is still visible.
 */
@Component("labels")
public class Labels {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> TASK_STATUS =
            Map.of("ISSUED", "待执行", "SUBMITTED", "待审核", "APPROVED", "已通过", "REJECTED", "已驳回");
    private static final Map<String, String> TASK_ACTION =
            Map.of("ISSUE", "下发", "SUBMIT", "提交", "APPROVE", "审核通过", "REJECT", "驳回");
    private static final Map<String, String> ASSIGNEE_TYPE =
            Map.of("AREA", "组织（辖区）", "DEPARTMENT", "部门", "PERSON", "个人");
    private static final Map<String, String> NOTICE_KIND =
            Map.of("SUPERVISION", "督办", "TASK", "任务", "REJECTED", "驳回", "DISPATCH", "分派");
    private static final Map<String, String> ALERT_RULE = Map.of(
            "repeat_petition",
            "重复信访",
            "group_petition",
            "集体访",
            "repeat_call",
            "重复来电",
            "cross_source",
            "多源关联",
            "key_person_petition",
            "重点人员信访",
            "escalation",
            "事项升级",
            "case_due_soon",
            "事件即将超期",
            "case_overdue",
            "事件超期",
            "case_overdue_escalated",
            "超期升级");

    private final AreaDirectory areas;
    private final WorkflowCatalog workflows;
    private final DepartmentDirectory departments;

    public Labels(AreaDirectory areas, WorkflowCatalog workflows, DepartmentDirectory departments) {
        this.areas = areas;
        this.workflows = workflows;
        this.departments = departments;
    }

    public String role(String role) {
        if (role == null) {
            return "—";
        }
        try {
            return Role.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }

    public String channel(String channel) {
        try {
            return CaseChannel.valueOf(channel).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return channel;
        }
    }

    public String action(String action) {
        try {
            return CaseAction.valueOf(action).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return action;
        }
    }

    public String status(CaseStatus status) {
        return status == null ? "—" : status.label();
    }

    public String urgency(int urgency) {
        return switch (urgency) {
            case 3 -> "特急";
            case 2 -> "紧急";
            default -> "一般";
        };
    }

    /** The configured step name, 结案 for a closed case, the code for a step no longer in the workflow. */
    public String step(String workflowCode, String stepCode) {
        if (stepCode == null) {
            return "—";
        }
        if (Workflow.CLOSED.equals(stepCode)) {
            return "结案";
        }
        // a case converted to 矛盾纠纷 keeps history lines from its first workflow, so look there too
        return workflows.workflows().stream()
                .sorted((a, b) -> Boolean.compare(
                        !a.code().equals(workflowCode), !b.code().equals(workflowCode)))
                .flatMap(w -> w.step(stepCode).stream())
                .map(WorkflowStep::name)
                .findFirst()
                .orElse(stepCode);
    }

    /** "分派 → 部门处理" for a history line; the first line has no from-step. */
    public String stepChange(String workflowCode, String from, String to) {
        return from == null ? step(workflowCode, to) : step(workflowCode, from) + " → " + step(workflowCode, to);
    }

    public String workflow(String workflowCode) {
        try {
            return workflows.workflow(workflowCode).name();
        } catch (IllegalStateException e) {
            return workflowCode;
        }
    }

    public String area(String code) {
        return areas.name(code);
    }

    public String department(String code) {
        return code == null ? "—" : departments.name(code);
    }

    public String taskStatus(String status) {
        return TASK_STATUS.getOrDefault(status, status);
    }

    public String taskAction(String action) {
        return TASK_ACTION.getOrDefault(action, action);
    }

    public String assigneeType(String type) {
        return ASSIGNEE_TYPE.getOrDefault(type, type);
    }

    public String noticeKind(String kind) {
        return NOTICE_KIND.getOrDefault(kind, kind);
    }

    public String alertRule(String rule) {
        return ALERT_RULE.getOrDefault(rule, rule);
    }

    /** For pages that label alerts arriving live in the browser. */
    public Map<String, String> alertRules() {
        return ALERT_RULE;
    }

    /**
     * The same as JSON, for a {@code data-rules} attribute that the page's static script reads: the policy allows no
     * inline script to carry it.
     */
    public String alertRulesJson() {
        return org.gridgov.common.json.Json.write(ALERT_RULE);
    }

    /** Takes Object because rows read as maps carry LocalDateTime or Timestamp depending on the driver. */
    public String time(Object t) {
        if (t instanceof LocalDateTime l) {
            return MINUTES.format(l);
        }
        if (t instanceof java.sql.Timestamp ts) {
            return MINUTES.format(ts.toLocalDateTime());
        }
        return t == null ? "—" : t.toString();
    }

    public String phone(String phone) {
        return phone == null || phone.isBlank() ? "—" : PiiProtector.maskPhone(phone);
    }

    public String yesNo(boolean b) {
        return b ? "是" : "否";
    }
}

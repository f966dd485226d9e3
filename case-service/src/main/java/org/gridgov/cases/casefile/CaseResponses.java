package org.gridgov.cases.casefile;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.audit.AuditLog;
import org.gridgov.cases.domain.ConflictException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.workflow.Workflow;
import org.gridgov.common.model.CaseEventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 接诉即办 (issue 19): 首次响应, the handling department's first contact with the reporter, timed against the case's
 * response deadline; and 回访, the command centre's call after closure recording the reporter's satisfaction. Each
 * happens once: the case row is locked, a second call is a conflict naming the first, and the UPDATE itself only
 * touches a row not yet stamped, so 16 parallel calls give one history line, one audit row and one event.
 * {@code version} is the one the user was shown: a case changed since then is a conflict, not acted on blind.
 */
@Service
public class CaseResponses {

    private final CaseRepository cases;
    private final CaseEvents events;
    private final AuditLog audit;
    private final Refusals refusals;
    private final Clock clock;

    public CaseResponses(CaseRepository cases, CaseEvents events, AuditLog audit, Refusals refusals, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.audit = audit;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** 首次响应 by the department that holds the case now, with what the reporter was told. */
    @Transactional
    public CaseRecord respond(Staff staff, String id, String note, Integer expectedVersion) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "请填写首次响应情况（联系了谁、怎么答复） / note is required");
        }
        checkNote(note);
        requireVersion(expectedVersion);
        CaseRecord c = cases.findForUpdate(id).orElseThrow(() -> notFound(id));
        String auditName = Action.CASE_RESPOND.auditName();
        refusals.require(staff, Action.CASE_VIEW, auditName, c.accessTarget(), "CASE", id);
        refusals.require(staff, Action.CASE_RESPOND, c.accessTarget(), "CASE", id);
        if (c.assignment().status() == CaseStatus.DUPLICATE) {
            throw new ConflictException("事件已合并为重复件，由主事件办理，不需要单独响应");
        }
        if (c.response().respondedAt() != null) {
            throw new ConflictException("事件已于 " + c.response().respondedAt() + " 由 "
                    + c.response().respondedBy() + " 首次响应，不再重复记录 / already responded");
        }
        if (!c.open()) {
            throw new ConflictException("事件已结案，不能再记录首次响应");
        }
        checkVersion(c, expectedVersion);
        LocalDateTime now = LocalDateTime.now(clock);
        if (!cases.markResponded(id, staff.username(), now)) {
            throw new ConflictException("事件已首次响应 / already responded");
        }
        boolean inTime =
                c.response().dueAt() == null || !now.isAfter(c.response().dueAt());
        String step = c.assignment().currentStep();
        String text = "首次响应" + (inTime ? "" : "（已超过响应时限 " + c.response().dueAt() + "）") + "：" + note.trim();
        cases.addStep(
                id,
                CaseAction.RESPOND.name(),
                step,
                step,
                staff,
                text.length() <= CaseService.MAX_NOTE ? text : text.substring(0, CaseService.MAX_NOTE),
                now);
        audit.ok(
                staff.username(),
                auditName,
                "CASE",
                id,
                (inTime ? "in time" : "late") + " level " + c.response().level());
        CaseRecord after = new CaseRecord(
                c.id(),
                c.report(),
                c.location(),
                c.assignment(),
                new CaseRecord.Timing(
                        c.timing().dueAt(),
                        c.timing().createdAt(),
                        now,
                        c.timing().closedAt()),
                c.version() + 1,
                new CaseRecord.Response(
                        c.response().level(),
                        c.response().dueAt(),
                        now,
                        staff.username(),
                        null,
                        null,
                        c.response().masterCaseId()));
        events.publish(after, CaseEventType.RESPONDED, staff.username(), note, now);
        return after;
    }

    /** 回访 of a closed case: the reporter's satisfaction, once. */
    @Transactional
    public CaseRecord returnVisit(Staff staff, String id, String satisfaction, String note, Integer expectedVersion) {
        Satisfaction s = satisfaction(satisfaction);
        if (note != null) {
            checkNote(note);
        }
        requireVersion(expectedVersion);
        CaseRecord c = cases.findForUpdate(id).orElseThrow(() -> notFound(id));
        String auditName = Action.CASE_RETURN_VISIT.auditName();
        refusals.require(staff, Action.CASE_VIEW, auditName, c.accessTarget(), "CASE", id);
        refusals.require(staff, Action.CASE_RETURN_VISIT, c.accessTarget(), "CASE", id);
        if (c.assignment().status() == CaseStatus.DUPLICATE) {
            throw new ConflictException("事件是重复件，请回访主事件 " + c.response().masterCaseId());
        }
        if (c.response().returnVisitedAt() != null) {
            throw new ConflictException("事件已于 " + c.response().returnVisitedAt() + " 回访（"
                    + Satisfaction.valueOf(c.response().satisfaction()).label() + "），不再重复记录 / already visited");
        }
        if (c.open()) {
            throw new ConflictException("事件尚未结案，结案后才能回访 / only closed cases are visited");
        }
        checkVersion(c, expectedVersion);
        LocalDateTime now = LocalDateTime.now(clock);
        if (!cases.markReturnVisited(id, s.name(), now)) {
            throw new ConflictException("事件已回访 / already visited");
        }
        String text = "回访：" + s.label() + (note == null || note.isBlank() ? "" : "：" + note.trim());
        cases.addStep(
                id,
                CaseAction.RETURN_VISIT.name(),
                Workflow.CLOSED,
                Workflow.CLOSED,
                staff,
                text.length() <= CaseService.MAX_NOTE ? text : text.substring(0, CaseService.MAX_NOTE),
                now);
        audit.ok(staff.username(), auditName, "CASE", id, s.name());
        CaseRecord.Response r = c.response();
        CaseRecord after = new CaseRecord(
                c.id(),
                c.report(),
                c.location(),
                c.assignment(),
                new CaseRecord.Timing(
                        c.timing().dueAt(),
                        c.timing().createdAt(),
                        now,
                        c.timing().closedAt()),
                c.version() + 1,
                new CaseRecord.Response(
                        r.level(), r.dueAt(), r.respondedAt(), r.respondedBy(), s.name(), now, r.masterCaseId()));
        events.publish(after, CaseEventType.RETURN_VISITED, staff.username(), note, now);
        return after;
    }

    private static Satisfaction satisfaction(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("satisfaction", "请选择满意度 / satisfaction is required");
        }
        try {
            return Satisfaction.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "satisfaction",
                    "满意度只能是 "
                            + Arrays.stream(Satisfaction.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")) + " / unknown satisfaction");
        }
    }

    private static void checkNote(String note) {
        if (note.length() > CaseService.MAX_NOTE) {
            throw new InvalidInputException(
                    "note", "说明不超过 " + CaseService.MAX_NOTE + " 字 / note longer than " + CaseService.MAX_NOTE);
        }
    }

    private static void requireVersion(Integer expectedVersion) {
        if (expectedVersion == null) {
            throw new InvalidInputException("version", "请提供页面上的事件版本 / version is required");
        }
    }

    private static void checkVersion(CaseRecord c, int expectedVersion) {
        if (c.version() != expectedVersion) {
            throw new ConflictException("事件已被他人修改（页面版本 " + expectedVersion + "，当前版本 " + c.version()
                    + "），请刷新后重试 / the case changed since it was read");
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("事件 " + id + " 不存在");
    }
}

package org.gridgov.cases.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.District;

/**
 * Every "may this user do X to Y" of the service, in one pure function: cases, tasks, attachments (which have their
 * case's or task's access), the alert inbox, the cockpit and administration. The services ask here and refuse through
 * {@code Refusals}; the pages ask here which buttons to show. Nothing is read from the database: the caller passes
 * the facts in the {@link Target}, so the rules are unit-tested as a table.
 *
 * <p>The rules:
 * <ul>
 *   <li>A case is seen by users whose area covers its grid; a department sees it only while it is assigned to the
 *   department now. A re-dispatch takes it away: the former department may read its own history lines at most.</li>
 *   <li>A workflow step is taken by the role of the current step (for a department step, the department the case is
 *   assigned to now); 督办 and 转矛盾纠纷 go by role, inside the area.</li>
 *   <li>A task is seen by its assignees, its issuer, its reviewer (the issuer, or an administrator) and the
 *   supervising roles (leader, command centre, grid centre, administrator) whose area covers it; only assignees
 *   submit, only the issuer or an administrator reviews, attachments come from assignees and reviewers.</li>
 * </ul>
 */
public final class Authorization {

    static final Set<Role> REPORTERS = EnumSet.of(Role.GRID_WORKER, Role.COMMAND_CENTER, Role.ADMIN);
    static final Set<Role> CASE_SUPERVISORS =
            EnumSet.of(Role.LEADER, Role.COMMAND_CENTER, Role.GRID_CENTER, Role.ADMIN);
    /** Who may change an open case's category; a department only while the case is assigned to it. */
    static final Set<Role> RECATEGORIZERS = EnumSet.of(Role.COMMAND_CENTER, Role.DEPARTMENT);

    static final Set<Role> CONVERTERS = EnumSet.of(Role.COMMAND_CENTER, Role.GRID_CENTER);
    static final Set<Role> TASK_ISSUERS = EnumSet.of(Role.COMMAND_CENTER, Role.GRID_CENTER, Role.LEADER, Role.ADMIN);
    /** Who oversees the tasks inside their area without being party to them. */
    static final Set<Role> TASK_OVERSEERS = EnumSet.of(Role.LEADER, Role.COMMAND_CENTER, Role.GRID_CENTER, Role.ADMIN);

    static final Set<Role> MERGERS = EnumSet.of(Role.COMMAND_CENTER);
    /**
     * 首次响应: the department the case is assigned to now (seeing the case already refuses a department it was taken
     * from). 回访: the command centre, which took the report (需求: 接受市民的满意度评价).
     */
    static final Set<Role> RESPONDERS = EnumSet.of(Role.DEPARTMENT);

    static final Set<Role> RETURN_VISITORS = EnumSet.of(Role.COMMAND_CENTER);
    /**
     * 综合查询 (issue 17): the roles that supervise people's affairs across sources. Grid workers, departments and
     * administrators are not among them (PIPL's purpose limitation: their work does not need a person's whole file).
     */
    static final Set<Role> LOOKUP_ROLES = EnumSet.of(Role.LEADER, Role.COMMAND_CENTER, Role.GRID_CENTER);
    /** Who reads the report of who looked up whom. */
    static final Set<Role> LOOKUP_AUDITORS = EnumSet.of(Role.LEADER, Role.ADMIN);

    static final Set<Role> ALERT_READERS = EnumSet.of(Role.LEADER, Role.COMMAND_CENTER, Role.GRID_CENTER, Role.ADMIN);
    /** 监督考核: who reads every level's rules, and who reads the rankings of their area. */
    static final Set<Role> ASSESSMENT_READERS =
            EnumSet.of(Role.LEADER, Role.GRID_CENTER, Role.COMMAND_CENTER, Role.ADMIN);

    static final Set<Role> ASSESSMENT_RANKERS = EnumSet.of(Role.LEADER, Role.GRID_CENTER);
    private static final int STREET_CODE_LENGTH = 9;

    private Authorization() {}

    public static Decision may(Staff user, Action action, Target target) {
        Objects.requireNonNull(user, "user");
        return switch (action) {
            case CASE_REPORT -> report(user, target);
            case CASE_SELF_HANDLE ->
                user.role() == Role.GRID_WORKER
                        ? Decision.allow()
                        : Decision.deny(user.role().label() + "不能自行处理事件");
            case CASE_VIEW, CASE_ATTACH -> seeCase(user, asCase(action, target));
            case CASE_HISTORY -> history(user, asCase(action, target));
            case CASE_DISPATCH, CASE_COMPLETE, CASE_REJECT -> takeStep(user, action, asCase(action, target));
            case CASE_CONVERT -> byRole(user, asCase(action, target), CONVERTERS, "不能转矛盾纠纷");
            case CASE_SUPERVISE -> byRole(user, asCase(action, target), CASE_SUPERVISORS, "不能督办");
            case CASE_MERGE -> merge(user, asMerge(action, target));
            case CASE_UNMERGE -> unmerge(user, asMerge(action, target));
            case CASE_RECATEGORIZE -> recategorize(user, asCase(action, target));
            case CASE_RESPOND -> byRole(user, asCase(action, target), RESPONDERS, "不能首次响应，由承办部门联系诉求人");
            case CASE_RETURN_VISIT -> byRole(user, asCase(action, target), RETURN_VISITORS, "不能回访，回访由指挥中心进行");
            case TASK_ISSUE -> issueTask(user, target);
            case TASK_VIEW -> viewTask(user, asTask(action, target));
            case TASK_SUBMIT -> isAssignee(user, asTask(action, target)) ? Decision.allow() : Decision.deny("不是任务的执行人");
            case TASK_REVIEW ->
                isReviewer(user, asTask(action, target)) ? Decision.allow() : Decision.deny("只有下发人可以审核");
            case TASK_ATTACH -> attachToTask(user, asTask(action, target));
            case INBOX_READ ->
                ALERT_READERS.contains(user.role())
                        ? Decision.allow()
                        : Decision.deny(user.role().label() + "无预警收件箱", "预警收件箱仅限领导、指挥中心、网格中心");
            case COCKPIT_VIEW -> cockpit(user);
            case LOOKUP -> lookup(user, target);
            case LOOKUP_REPORT ->
                LOOKUP_AUDITORS.contains(user.role())
                        ? Decision.allow()
                        : Decision.deny(user.role().label() + "不能查看综合查询记录", "综合查询记录仅限领导和管理员");
            case ASSESSMENT_RULES_VIEW,
                    ASSESSMENT_RULES_EDIT,
                    ASSESSMENT_SCORE,
                    ASSESSMENT_REVOKE,
                    ASSESSMENT_RESULTS -> assessment(user, action, asAssessment(action, target));
            case ADMIN ->
                user.role() == Role.ADMIN
                        ? Decision.allow()
                        : Decision.deny(user.role().label() + "不是管理员", "审批配置仅限管理员");
        };
    }

    /** Shorthand for the pages: whether {@link #may} allows the whole thing. */
    public static boolean allows(Staff user, Action action, Target target) {
        return may(user, action, target).allowed();
    }

    // ---------------------------------------------------------------- cases

    private static Decision report(Staff user, Target target) {
        if (!REPORTERS.contains(user.role())) {
            return Decision.deny(user.role().label() + "不能上报事件");
        }
        if (target instanceof Target.Area area && !user.covers(area.code())) {
            return Decision.deny("网格 " + area.code() + " 不在本人辖区 " + user.scopeCode());
        }
        return Decision.allow();
    }

    private static Decision seeCase(Staff user, Target.Case c) {
        if (!user.covers(c.gridCode())) {
            return Decision.deny("事件所在网格 " + c.gridCode() + " 不在辖区 " + user.scopeCode());
        }
        if (user.role() == Role.DEPARTMENT && !Objects.equals(user.departmentCode(), c.departmentCode())) {
            return Decision.deny("事件当前未分派给本部门 " + user.departmentCode());
        }
        return Decision.allow();
    }

    private static Decision history(Staff user, Target.Case c) {
        Decision see = seeCase(user, c);
        return see.allowed() ? see : Decision.ownEntries(see.reason());
    }

    /**
     * The role of the current step takes it. Whether the step is the right kind (分派 only at the dispatch step) is a
     * question of the case's state, answered by the workflow with a conflict, not a refusal.
     */
    private static Decision takeStep(Staff user, Action action, Target.Case c) {
        Decision see = seeCase(user, c);
        if (!see.allowed()) {
            return see;
        }
        if (c.pendingRole() == null) {
            return Decision.deny("事件已结案，没有待办步骤，不能" + action.label());
        }
        if (!user.role().name().equals(c.pendingRole())) {
            return Decision.deny("当前步骤 " + c.currentStep() + " 由"
                    + Role.valueOf(c.pendingRole()).label() + "办理，"
                    + user.role().label() + "不能" + action.label());
        }
        return Decision.allow();
    }

    private static Decision byRole(Staff user, Target.Case c, Set<Role> roles, String refusal) {
        Decision see = seeCase(user, c);
        if (!see.allowed()) {
            return see;
        }
        return roles.contains(user.role())
                ? Decision.allow()
                : Decision.deny(user.role().label() + refusal);
    }

    /**
     * Issue 19: the command centre merges any case it sees into another it sees; a grid worker only the case they
     * reported themselves, while it still waits for dispatch (before anyone has acted on it). Whether the two cases
     * can be merged at all (open, not the same, not already a duplicate) is the state's question: a conflict.
     */
    private static Decision merge(Staff user, Target.Merge m) {
        Decision see = seeCase(user, m.duplicate());
        if (!see.allowed()) {
            return see;
        }
        Decision seeMaster = seeCase(user, m.master());
        if (!seeMaster.allowed()) {
            return Decision.deny("主事件：" + seeMaster.reason());
        }
        if (MERGERS.contains(user.role())) {
            return Decision.allow();
        }
        if (user.role() == Role.GRID_WORKER) {
            if (!user.username().equals(m.duplicateReporter())) {
                return Decision.deny("网格员只能合并本人上报的事件");
            }
            if (!"DISPATCH".equals(m.duplicate().currentStep())) {
                return Decision.deny("事件已分派，网格员不能再合并，请联系指挥中心");
            }
            return Decision.allow();
        }
        return Decision.deny(user.role().label() + "不能合并重复件");
    }

    /** Undoing a merge is the command centre's alone (it owns dispatch, which the undo gives back). */
    private static Decision unmerge(Staff user, Target.Merge m) {
        Decision see = seeCase(user, m.duplicate());
        if (!see.allowed()) {
            return see;
        }
        return user.role() == Role.COMMAND_CENTER
                ? Decision.allow()
                : Decision.deny(user.role().label() + "不能撤销合并，只有指挥中心可以");
    }

    /**
     * 改分类 by the command centre inside its area, or by the department the case is assigned to now: seeing the case
     * already refuses a department the case was taken from or never given. A closed case is a conflict of state, not
     * a refusal (the service answers it).
     */
    private static Decision recategorize(Staff user, Target.Case c) {
        return byRole(user, c, RECATEGORIZERS, "不能改分类");
    }

    // ---------------------------------------------------------------- tasks

    private static Decision issueTask(Staff user, Target target) {
        if (!TASK_ISSUERS.contains(user.role())) {
            return Decision.deny(user.role().label() + "不能下发任务");
        }
        if (target instanceof Target.Area area && !user.covers(area.code())) {
            return Decision.deny("任务对象 " + area.code() + " 不在辖区 " + user.scopeCode());
        }
        return Decision.allow();
    }

    private static Decision viewTask(Staff user, Target.Task t) {
        if (isAssignee(user, t)
                || isReviewer(user, t)
                || (TASK_OVERSEERS.contains(user.role()) && user.covers(t.areaCode()))) {
            return Decision.allow();
        }
        return Decision.deny("任务不在本人辖区：不是任务的执行人、下发人或辖区内的督导");
    }

    private static Decision attachToTask(Staff user, Target.Task t) {
        if (isAssignee(user, t) || isReviewer(user, t)) {
            return Decision.allow();
        }
        return Decision.deny("任务不在本人辖区：只有执行人和下发人可以添加附件");
    }

    /** Who executes a task: the person, the department's users, or the staff whose area is the target area. */
    public static boolean isAssignee(Staff user, Target.Task t) {
        return switch (t.assigneeType()) {
            case "PERSON" -> t.assigneeCode().equals(user.username());
            case "DEPARTMENT" -> t.assigneeCode().equals(user.departmentCode());
            default -> t.assigneeCode().equals(user.scopeCode());
        };
    }

    /** Who reviews a task: its issuer, or an administrator. */
    public static boolean isReviewer(Staff user, Target.Task t) {
        return t.createdBy().equals(user.username()) || user.role() == Role.ADMIN;
    }

    // ---------------------------------------------------------------- the rest

    /** The ADS tables go down to streets: a district or street user sees figures, anyone below a message. */
    private static Decision cockpit(Staff user) {
        String scope = user.scopeCode();
        if (user.districtWide()
                || (scope != null && scope.length() == STREET_CODE_LENGTH && scope.startsWith(District.CODE))) {
            return Decision.allow();
        }
        return Decision.deny("驾驶舱统计最细到街道，辖区 " + scope + " 没有可单独查看的统计");
    }

    /**
     * 综合查询 by role, and inside the user's area: a district user looks at anyone; a street (community, grid) user
     * only at a subject with a record in their area. Without a subject yet (the search form) the role decides.
     */
    private static Decision lookup(Staff user, Target target) {
        if (!LOOKUP_ROLES.contains(user.role())) {
            return Decision.deny(user.role().label() + "无综合查询权限", "综合查询仅限领导、指挥中心、网格中心");
        }
        if (target instanceof Target.Subject s
                && !user.districtWide()
                && s.areaCodes().stream().noneMatch(user::covers)) {
            return Decision.deny("查询对象在辖区 " + user.scopeCode() + " 内没有记录");
        }
        return Decision.allow();
    }

    // ---------------------------------------------------------------- 监督考核 (issue 16)

    /**
     * Rules and manual scores follow 分级考核: the district's leaders set the STREET and DEPARTMENT rules and score
     * streets and departments; a street's leaders (and the district's, above them) score communities and grid workers
     * inside their area. Rules belong to a scope ({@code areaCode} of the target: the district's code, or a street's):
     * the district's rules of every level are set by the district's leaders; COMMUNITY and GRID_WORKER rules may also
     * have a street's own version, which overrides the district's for that street's subjects and is set by that
     * street's leaders or the district's. So a street leader never changes how another street is scored, nor the
     * district's rules (a null scope is the district's). Everyone reads the rules they are scored by; supervisors read
     * every level.
     */
    private static Decision assessment(Staff user, Action action, Target.Assessment a) {
        boolean workerLevel = "GRID_WORKER".equals(a.level()) || "COMMUNITY".equals(a.level());
        boolean streetLeader = user.scopeCode() != null && user.scopeCode().length() == STREET_CODE_LENGTH;
        return switch (action) {
            case ASSESSMENT_RULES_VIEW -> {
                if (ASSESSMENT_READERS.contains(user.role())
                        || (user.role() == Role.GRID_WORKER && "GRID_WORKER".equals(a.level()))
                        || (user.role() == Role.DEPARTMENT && "DEPARTMENT".equals(a.level()))) {
                    yield Decision.allow();
                }
                yield Decision.deny(user.role().label() + "只能查看本岗位的考核规则");
            }
            case ASSESSMENT_RULES_EDIT -> {
                if (user.role() != Role.LEADER) {
                    yield Decision.deny(user.role().label() + "不能" + action.label() + "，仅限领导");
                }
                if (user.districtWide()) {
                    yield Decision.allow();
                }
                if (!(workerLevel && streetLeader)) {
                    yield Decision.deny(
                            workerLevel
                                    ? "社区和网格员的考核由街道或区领导负责，辖区 " + user.scopeCode() + " 不能" + action.label()
                                    : "街道和部门的考核由区领导负责，辖区 " + user.scopeCode() + " 不能" + action.label());
                }
                String scope = a.areaCode() == null ? District.CODE : a.areaCode();
                if (!scope.equals(user.scopeCode())) {
                    yield Decision.deny(
                            District.CODE.equals(scope)
                                    ? "区级考核规则由区领导设定，街道领导只能设定本街道（" + user.scopeCode() + "）的社区和网格员规则"
                                    : "规则范围 " + scope + " 不是本街道 " + user.scopeCode() + "，不能" + action.label());
                }
                yield Decision.allow();
            }
            case ASSESSMENT_SCORE, ASSESSMENT_REVOKE -> {
                if (user.role() != Role.LEADER) {
                    yield Decision.deny(user.role().label() + "不能" + action.label() + "，仅限领导");
                }
                if (!user.districtWide() && !(workerLevel && streetLeader)) {
                    yield Decision.deny(
                            workerLevel
                                    ? "社区和网格员的考核由街道或区领导负责，辖区 " + user.scopeCode() + " 不能" + action.label()
                                    : "街道和部门的考核由区领导负责，辖区 " + user.scopeCode() + " 不能" + action.label());
                }
                if (a.areaCode() != null && !user.covers(a.areaCode())) {
                    yield Decision.deny("考核对象 " + a.areaCode() + " 不在辖区 " + user.scopeCode());
                }
                if (action == Action.ASSESSMENT_REVOKE && !user.username().equals(a.author())) {
                    yield Decision.deny("只有打分人本人可以撤销手工打分");
                }
                yield Decision.allow();
            }
            case ASSESSMENT_RESULTS -> {
                if (user.role() == Role.GRID_WORKER) {
                    yield "GRID_WORKER".equals(a.level()) && user.scopeCode().equals(a.areaCode())
                            ? Decision.allow()
                            : Decision.deny("网格员只能查看本人的考核结果");
                }
                if (!ASSESSMENT_RANKERS.contains(user.role())) {
                    yield Decision.deny(user.role().label() + "不能查看考核排名", "考核排名仅限领导和网格中心");
                }
                if ("DEPARTMENT".equals(a.level()) && !user.districtWide()) {
                    yield Decision.deny("部门考核仅限区级查看");
                }
                yield a.areaCode() == null || user.covers(a.areaCode())
                        ? Decision.allow()
                        : Decision.deny("考核对象 " + a.areaCode() + " 不在辖区 " + user.scopeCode());
            }
            default -> throw new IllegalArgumentException(action + " is not an assessment action");
        };
    }

    private static Target.Assessment asAssessment(Action action, Target target) {
        if (target instanceof Target.Assessment a) {
            return a;
        }
        throw new IllegalArgumentException(action + " needs an assessment target, got " + target);
    }

    private static Target.Case asCase(Action action, Target target) {
        if (target instanceof Target.Case c) {
            return c;
        }
        throw new IllegalArgumentException(action + " needs a case, got " + target);
    }

    private static Target.Task asTask(Action action, Target target) {
        if (target instanceof Target.Task t) {
            return t;
        }
        throw new IllegalArgumentException(action + " needs a task, got " + target);
    }

    private static Target.Merge asMerge(Action action, Target target) {
        if (target instanceof Target.Merge m) {
            return m;
        }
        throw new IllegalArgumentException(action + " needs a merge, got " + target);
    }
}

package org.gridgov.cases.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gridgov.cases.access.Decision.Verdict;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Authorization} as a table: role × relation to the thing × action → verdict. Every row is one line of the
 * rules; a change to the rules changes a row here, visibly.
 */
class AuthorizationTest {

    static final String GRID = "37011200100101";
    static final String OTHER_GRID = "37011200200101";
    static final String CG = "D09";
    static final String OFFICE = "S370112001";

    static Staff user(Role role, String scope, String department) {
        return new Staff("me", "me", role, scope, department);
    }

    static final Staff WORKER = user(Role.GRID_WORKER, GRID, null);
    static final Staff OTHER_WORKER = user(Role.GRID_WORKER, OTHER_GRID, null);
    static final Staff COMMAND = user(Role.COMMAND_CENTER, "370112", null);
    static final Staff STREET_CENTER = user(Role.GRID_CENTER, "370112001", null);
    static final Staff OTHER_STREET_CENTER = user(Role.GRID_CENTER, "370112002", null);
    static final Staff LEADER = user(Role.LEADER, "370112", null);
    static final Staff ADMIN = user(Role.ADMIN, "370112", null);
    static final Staff CHENGGUAN = user(Role.DEPARTMENT, "370112", CG);
    static final Staff STREET_OFFICE = user(Role.DEPARTMENT, "370112001", OFFICE);

    // ---------------------------------------------------------------- cases

    /** A case at the 部门处理 step, assigned to the district bureau now. */
    static final Target.Case HANDLING_CG = new Target.Case(GRID, "DEPARTMENT", "HANDLE", CG);
    /** The same case after 驳回 back to 分派: the bureau's code stays on it, the step is the command centre's. */
    static final Target.Case BACK_AT_DISPATCH = new Target.Case(GRID, "COMMAND_CENTER", "DISPATCH", CG);
    /** Re-dispatched to the street office: the bureau is a past handler now. */
    static final Target.Case HANDLING_OFFICE = new Target.Case(GRID, "DEPARTMENT", "HANDLE", OFFICE);

    static final Target.Case AT_DISPATCH = new Target.Case(GRID, "COMMAND_CENTER", "DISPATCH", null);
    static final Target.Case AT_VERIFY = new Target.Case(GRID, "GRID_WORKER", "VERIFY", CG);
    static final Target.Case AT_REVIEW = new Target.Case(GRID, "GRID_CENTER", "REVIEW", CG);
    static final Target.Case CLOSED = new Target.Case(GRID, null, "CLOSED", CG);

    static final Verdict A = Verdict.ALLOW;
    static final Verdict D = Verdict.DENY;
    static final Verdict O = Verdict.OWN_ENTRIES;

    static Stream<Arguments> caseTable() {
        List<Arguments> rows = new ArrayList<>();
        // who, relation, case, and the verdicts for
        // VIEW, HISTORY, ATTACH, DISPATCH, COMPLETE, REJECT, CONVERT, SUPERVISE, RECATEGORIZE, RESPOND (首次响应: the
        // department holding the case now), RETURN_VISIT (回访: the command centre; closed-or-not is the service's 409)
        row(rows, CHENGGUAN, "assigned now, its step", HANDLING_CG, A, A, A, A, A, A, D, D, A, A, D);
        row(rows, CHENGGUAN, "assigned, command centre's step", BACK_AT_DISPATCH, A, A, A, D, D, D, D, D, A, A, D);
        row(rows, CHENGGUAN, "re-dispatched away (past handler)", HANDLING_OFFICE, D, O, D, D, D, D, D, D, D, D, D);
        row(rows, CHENGGUAN, "never dispatched to it", AT_DISPATCH, D, O, D, D, D, D, D, D, D, D, D);
        row(rows, CHENGGUAN, "its case at 复核", AT_VERIFY, A, A, A, D, D, D, D, D, A, A, D);
        row(rows, STREET_OFFICE, "assigned now, its step", HANDLING_OFFICE, A, A, A, A, A, A, D, D, A, A, D);
        row(rows, STREET_OFFICE, "another department's", HANDLING_CG, D, O, D, D, D, D, D, D, D, D, D);
        row(rows, WORKER, "in its grid, 复核 step", AT_VERIFY, A, A, A, A, A, A, D, D, D, D, D);
        row(rows, WORKER, "in its grid, another role's step", AT_DISPATCH, A, A, A, D, D, D, D, D, D, D, D);
        row(rows, OTHER_WORKER, "outside its grid", AT_VERIFY, D, O, D, D, D, D, D, D, D, D, D);
        row(rows, COMMAND, "in the district, 分派 step", AT_DISPATCH, A, A, A, A, A, A, A, A, A, D, A);
        row(rows, COMMAND, "in the district, a department's step", HANDLING_CG, A, A, A, D, D, D, A, A, A, D, A);
        row(rows, STREET_CENTER, "in its street, 审查 step", AT_REVIEW, A, A, A, A, A, A, A, A, D, D, D);
        row(rows, OTHER_STREET_CENTER, "outside its street", AT_REVIEW, D, O, D, D, D, D, D, D, D, D, D);
        row(rows, LEADER, "in the district", HANDLING_CG, A, A, A, D, D, D, D, A, D, D, D);
        row(rows, ADMIN, "in the district", HANDLING_CG, A, A, A, D, D, D, D, A, D, D, D);
        row(rows, COMMAND, "closed case", CLOSED, A, A, A, D, D, D, A, A, A, D, A);
        return rows.stream();
    }

    static final Action[] CASE_ACTIONS = {
        Action.CASE_VIEW,
        Action.CASE_HISTORY,
        Action.CASE_ATTACH,
        Action.CASE_DISPATCH,
        Action.CASE_COMPLETE,
        Action.CASE_REJECT,
        Action.CASE_CONVERT,
        Action.CASE_SUPERVISE,
        Action.CASE_RECATEGORIZE,
        Action.CASE_RESPOND,
        Action.CASE_RETURN_VISIT
    };

    private static void row(List<Arguments> rows, Staff who, String relation, Target.Case c, Verdict... verdicts) {
        Map<Action, Verdict> expected = new EnumMap<>(Action.class);
        for (int i = 0; i < CASE_ACTIONS.length; i++) {
            expected.put(CASE_ACTIONS[i], verdicts[i]);
        }
        rows.add(Arguments.of(who.role() + " " + who.scopeCode() + " / " + relation, who, c, expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseTable")
    void casesGoByAreaCurrentAssignmentAndStep(String row, Staff who, Target.Case c, Map<Action, Verdict> expected) {
        for (Map.Entry<Action, Verdict> e : expected.entrySet()) {
            Decision d = Authorization.may(who, e.getKey(), c);
            assertThat(d.verdict())
                    .as(row + " → " + e.getKey() + " (" + d.reason() + ")")
                    .isEqualTo(e.getValue());
            if (d.verdict() != Verdict.ALLOW) {
                assertThat(d.reason()).as(row + " → " + e.getKey()).isNotBlank();
            }
        }
    }

    @Test
    void refusalsSayWhy() {
        assertThat(Authorization.may(CHENGGUAN, Action.CASE_COMPLETE, HANDLING_OFFICE)
                        .reason())
                .contains("未分派给本部门", CG);
        assertThat(Authorization.may(OTHER_WORKER, Action.CASE_VIEW, AT_VERIFY).reason())
                .contains("不在辖区", GRID);
        assertThat(Authorization.may(WORKER, Action.CASE_DISPATCH, AT_DISPATCH).reason())
                .isEqualTo("当前步骤 DISPATCH 由指挥中心办理，网格员不能分派");
        assertThat(Authorization.may(WORKER, Action.CASE_SUPERVISE, AT_VERIFY).reason())
                .isEqualTo("网格员不能督办");
        assertThat(Authorization.may(LEADER, Action.CASE_RECATEGORIZE, HANDLING_CG)
                        .reason())
                .isEqualTo("领导不能改分类");
        assertThat(Authorization.may(CHENGGUAN, Action.CASE_RECATEGORIZE, HANDLING_OFFICE)
                        .reason())
                .contains("未分派给本部门", CG);
        assertThat(Authorization.may(CHENGGUAN, Action.CASE_RESPOND, HANDLING_OFFICE)
                        .reason())
                .contains("未分派给本部门", CG);
        assertThat(Authorization.may(COMMAND, Action.CASE_RESPOND, HANDLING_CG).reason())
                .contains("承办部门");
        assertThat(Authorization.may(CHENGGUAN, Action.CASE_RETURN_VISIT, HANDLING_CG)
                        .reason())
                .contains("指挥中心");
    }

    @Test
    void reportingGoesByRoleAndTheGridsArea() {
        Target.Area mine = new Target.Area(GRID);
        Target.Area other = new Target.Area(OTHER_GRID);
        assertThat(verdicts(Action.CASE_REPORT, mine, WORKER, COMMAND, ADMIN, LEADER, CHENGGUAN, STREET_CENTER))
                .containsExactly(A, A, A, D, D, D);
        assertThat(verdicts(Action.CASE_REPORT, other, WORKER, COMMAND)).containsExactly(D, A);
        assertThat(verdicts(Action.CASE_SELF_HANDLE, Target.nothing(), WORKER, COMMAND, ADMIN))
                .containsExactly(A, D, D);
    }

    // ---------------------------------------------------------------- tasks

    /** To the bureau, issued by the command centre ("me" is every test user's name, so the issuer is "cmd"). */
    static final Target.Task TO_CG = new Target.Task("DEPARTMENT", CG, "370112", "cmd");

    static final Target.Task TO_WORKER = new Target.Task("PERSON", "me", GRID, "cmd");
    static final Target.Task TO_GRID = new Target.Task("AREA", GRID, GRID, "cmd");
    static final Target.Task TO_OTHER_STREET = new Target.Task("AREA", "370112002", "370112002", "cmd");
    static final Target.Task ISSUED_BY_ME = new Target.Task("AREA", "370112002", "370112002", "me");

    static final Action[] TASK_ACTIONS = {Action.TASK_VIEW, Action.TASK_SUBMIT, Action.TASK_REVIEW, Action.TASK_ATTACH};

    static Stream<Arguments> taskTable() {
        return Stream.of(
                // VIEW, SUBMIT, REVIEW, ATTACH
                task(CHENGGUAN, "assignee department", TO_CG, A, A, D, A),
                task(STREET_OFFICE, "another department's task", TO_CG, D, D, D, D),
                task(user(Role.DEPARTMENT, "370112", "D02"), "district department, not party", TO_CG, D, D, D, D),
                task(WORKER, "assignee person", TO_WORKER, A, A, D, A),
                task(WORKER, "staff of the target grid", TO_GRID, A, A, D, A),
                task(WORKER, "in the district, not party", TO_CG, D, D, D, D),
                task(OTHER_WORKER, "another grid's task", TO_GRID, D, D, D, D),
                task(COMMAND, "issuer", ISSUED_BY_ME, A, D, A, A),
                task(COMMAND, "supervisor in scope", TO_CG, A, D, D, D),
                task(LEADER, "supervisor in scope", TO_GRID, A, D, D, D),
                task(STREET_CENTER, "supervisor in scope", TO_GRID, A, D, D, D),
                task(STREET_CENTER, "supervisor out of scope", TO_OTHER_STREET, D, D, D, D),
                task(ADMIN, "administrator (reviewer of last resort)", TO_CG, A, D, A, A));
    }

    private static Arguments task(Staff who, String relation, Target.Task t, Verdict... verdicts) {
        Map<Action, Verdict> expected = new EnumMap<>(Action.class);
        for (int i = 0; i < TASK_ACTIONS.length; i++) {
            expected.put(TASK_ACTIONS[i], verdicts[i]);
        }
        return Arguments.of(who.role() + " " + who.scopeCode() + " / " + relation, who, t, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taskTable")
    void tasksGoToAssigneesIssuersReviewersAndSupervisorsInScope(
            String row, Staff who, Target.Task t, Map<Action, Verdict> expected) {
        for (Map.Entry<Action, Verdict> e : expected.entrySet()) {
            Decision d = Authorization.may(who, e.getKey(), t);
            assertThat(d.verdict())
                    .as(row + " → " + e.getKey() + " (" + d.reason() + ")")
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void issuingGoesByRoleAndTheTargetsArea() {
        assertThat(verdicts(
                        Action.TASK_ISSUE,
                        new Target.Area(GRID),
                        COMMAND,
                        STREET_CENTER,
                        LEADER,
                        ADMIN,
                        WORKER,
                        CHENGGUAN))
                .containsExactly(A, A, A, A, D, D);
        assertThat(verdicts(Action.TASK_ISSUE, new Target.Area("370112002"), STREET_CENTER))
                .containsExactly(D);
    }

    // ---------------------------------------------------------------- inbox, cockpit, admin

    @Test
    void theInboxCockpitAndAdministrationGoByRoleAndArea() {
        Staff[] everyone = {WORKER, COMMAND, STREET_CENTER, LEADER, ADMIN, CHENGGUAN, STREET_OFFICE};
        assertThat(verdicts(Action.INBOX_READ, Target.nothing(), everyone)).containsExactly(D, A, A, A, A, D, D);
        // the cockpit's figures go down to streets: district and street users, nobody below
        assertThat(verdicts(Action.COCKPIT_VIEW, Target.nothing(), everyone)).containsExactly(D, A, A, A, A, A, A);
        assertThat(verdicts(Action.COCKPIT_VIEW, Target.nothing(), user(Role.GRID_CENTER, "370112001001", null)))
                .containsExactly(D);
        assertThat(verdicts(Action.ADMIN, Target.nothing(), everyone)).containsExactly(D, D, D, D, A, D, D);
        assertThat(Authorization.may(LEADER, Action.ADMIN, Target.nothing()).message())
                .isEqualTo("审批配置仅限管理员");
        assertThat(Authorization.may(WORKER, Action.INBOX_READ, Target.nothing())
                        .message())
                .isEqualTo("预警收件箱仅限领导、指挥中心、网格中心");
    }

    /** Issue 17: 综合查询 by role, and a street user only for a subject with a record in the street. */
    @Test
    void lookUpsGoByRoleAndBySubjectArea() {
        Staff[] everyone = {WORKER, COMMAND, STREET_CENTER, LEADER, ADMIN, CHENGGUAN, STREET_OFFICE};
        assertThat(verdicts(Action.LOOKUP, Target.nothing(), everyone)).containsExactly(D, A, A, A, D, D, D);
        Target inMyStreet = new Target.Subject(java.util.Set.of(GRID, "370112002001"));
        Target elsewhere = new Target.Subject(java.util.Set.of("370112002001"));
        Target unplaced = new Target.Subject(java.util.Set.of());
        assertThat(verdicts(Action.LOOKUP, inMyStreet, COMMAND, STREET_CENTER, OTHER_STREET_CENTER, LEADER))
                .containsExactly(A, A, A, A);
        assertThat(verdicts(Action.LOOKUP, elsewhere, COMMAND, STREET_CENTER, OTHER_STREET_CENTER, LEADER))
                .containsExactly(A, D, A, A);
        // nothing placed: district users only
        assertThat(verdicts(Action.LOOKUP, unplaced, COMMAND, STREET_CENTER, LEADER))
                .containsExactly(A, D, A);
        assertThat(Authorization.may(STREET_CENTER, Action.LOOKUP, elsewhere).reason())
                .isEqualTo("查询对象在辖区 370112001 内没有记录");
        assertThat(Authorization.may(WORKER, Action.LOOKUP, Target.nothing()).message())
                .isEqualTo("综合查询仅限领导、指挥中心、网格中心");
        assertThat(verdicts(Action.LOOKUP_REPORT, Target.nothing(), everyone)).containsExactly(D, D, D, A, A, D, D);
    }

    @Test
    void aCaseActionWithoutACaseIsAProgrammingError() {
        assertThatThrownBy(() -> Authorization.may(COMMAND, Action.CASE_COMPLETE, Target.nothing()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Issue 19: the command centre merges what it sees; a worker only their own report before dispatch. */
    @Test
    void mergingGoesByRoleOwnershipAndStepAndUndoingIsTheCommandCentres() {
        Target.Case otherGrid = new Target.Case(OTHER_GRID, "COMMAND_CENTER", "DISPATCH", null);
        Target.Merge ownFresh = new Target.Merge(AT_DISPATCH, HANDLING_CG, "me");
        assertThat(verdicts(Action.CASE_MERGE, ownFresh, WORKER, COMMAND, STREET_CENTER, LEADER, ADMIN, CHENGGUAN))
                .containsExactly(A, A, D, D, D, D);
        assertThat(verdicts(
                        Action.CASE_MERGE, new Target.Merge(AT_DISPATCH, HANDLING_CG, "someone-else"), WORKER, COMMAND))
                .containsExactly(D, A);
        assertThat(Authorization.may(WORKER, Action.CASE_MERGE, new Target.Merge(AT_VERIFY, HANDLING_CG, "me"))
                        .reason())
                .contains("已分派");
        // a master outside the user's area is refused like the case itself
        assertThat(Authorization.may(WORKER, Action.CASE_MERGE, new Target.Merge(AT_DISPATCH, otherGrid, "me"))
                        .reason())
                .contains("主事件", "不在辖区");
        assertThat(verdicts(Action.CASE_UNMERGE, ownFresh, COMMAND, WORKER, LEADER, ADMIN, STREET_CENTER))
                .containsExactly(A, D, D, D, D);
        assertThatThrownBy(() -> Authorization.may(COMMAND, Action.CASE_MERGE, AT_DISPATCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Verdict> verdicts(Action action, Target target, Staff... users) {
        return Stream.of(users)
                .map(u -> Authorization.may(u, action, target).verdict())
                .toList();
    }
}

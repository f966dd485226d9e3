package org.gridgov.cases.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 监督考核's rules as a table (issue 16): the district's leaders set and score streets and departments, a street's
 * leaders communities and grid workers inside the street
 * (and only their own street's rules of those levels), authors revoke their own scores, a grid worker reads their
 * own card only.
 */
class AssessmentAuthorizationTest {

    static final String DISTRICT = "370112";
    static final String STREET = "370112001";
    static final String OTHER_STREET = "370112002";
    static final String COMMUNITY = "370112001001";
    static final String GRID = "37011200100101";
    static final String OTHER_GRID = "37011200200101";

    static Staff user(String name, Role role, String scope) {
        return new Staff(name, name, role, scope, role == Role.DEPARTMENT ? "D01" : null);
    }

    static Target.Assessment target(String level, String area, String author) {
        return new Target.Assessment(level, "-".equals(area) ? null : area, "-".equals(author) ? null : author);
    }

    @ParameterizedTest(name = "{0} {1}@{2} {3} {4} area {5} by {6} -> {7}")
    @CsvSource({
        // rules: who sets which level
        "lead, LEADER, 370112, ASSESSMENT_RULES_EDIT, STREET, -, -, true",
        "lead, LEADER, 370112, ASSESSMENT_RULES_EDIT, DEPARTMENT, -, -, true",
        "lead, LEADER, 370112, ASSESSMENT_RULES_EDIT, GRID_WORKER, -, -, true",
        // rules belong to a scope (the area code; none = the district's): a district leader sets any street's
        "lead, LEADER, 370112, ASSESSMENT_RULES_EDIT, GRID_WORKER, 370112002, -, true",
        "lead, LEADER, 370112, ASSESSMENT_RULES_EDIT, COMMUNITY, 370112, -, true",
        // a street leader only their own street's COMMUNITY and GRID_WORKER rules
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, GRID_WORKER, 370112001, -, true",
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, COMMUNITY, 370112001, -, true",
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, GRID_WORKER, -, -, false",
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, GRID_WORKER, 370112, -, false",
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, COMMUNITY, 370112002, -, false",
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, GRID_WORKER, 370112001001, -, false",
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, STREET, 370112001, -, false",
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, STREET, -, -, false",
        "lead, LEADER, 370112001, ASSESSMENT_RULES_EDIT, DEPARTMENT, -, -, false",
        "lead, LEADER, 370112001001, ASSESSMENT_RULES_EDIT, GRID_WORKER, -, -, false",
        "cmd, COMMAND_CENTER, 370112, ASSESSMENT_RULES_EDIT, GRID_WORKER, -, -, false",
        "adm, ADMIN, 370112, ASSESSMENT_RULES_EDIT, STREET, -, -, false",
        "wkr, GRID_WORKER, 37011200100101, ASSESSMENT_RULES_EDIT, GRID_WORKER, -, -, false",
        // reading rules: supervisors every level, the assessed their own
        "wkr, GRID_WORKER, 37011200100101, ASSESSMENT_RULES_VIEW, GRID_WORKER, -, -, true",
        "wkr, GRID_WORKER, 37011200100101, ASSESSMENT_RULES_VIEW, STREET, -, -, false",
        "dep, DEPARTMENT, 370112, ASSESSMENT_RULES_VIEW, DEPARTMENT, -, -, true",
        "dep, DEPARTMENT, 370112, ASSESSMENT_RULES_VIEW, GRID_WORKER, -, -, false",
        "gc, GRID_CENTER, 370112001, ASSESSMENT_RULES_VIEW, STREET, -, -, true",
        // manual scores: the level's rule setters, inside their area
        "lead, LEADER, 370112001, ASSESSMENT_SCORE, GRID_WORKER, 37011200100101, -, true",
        "lead, LEADER, 370112001, ASSESSMENT_SCORE, GRID_WORKER, 37011200200101, -, false",
        "lead, LEADER, 370112001, ASSESSMENT_SCORE, COMMUNITY, 370112001001, -, true",
        "lead, LEADER, 370112001, ASSESSMENT_SCORE, STREET, 370112001, -, false",
        "lead, LEADER, 370112, ASSESSMENT_SCORE, STREET, 370112002, -, true",
        "lead, LEADER, 370112, ASSESSMENT_SCORE, DEPARTMENT, -, -, true",
        "gc, GRID_CENTER, 370112, ASSESSMENT_SCORE, GRID_WORKER, 37011200100101, -, false",
        // revoking: the author, still allowed to score the subject
        "lead, LEADER, 370112001, ASSESSMENT_REVOKE, GRID_WORKER, 37011200100101, lead, true",
        "lead, LEADER, 370112001, ASSESSMENT_REVOKE, GRID_WORKER, 37011200100101, other, false",
        "lead, LEADER, 370112002, ASSESSMENT_REVOKE, GRID_WORKER, 37011200100101, lead, false",
        // results: a worker's own card, rankings for leaders and grid centres in their area
        "wkr, GRID_WORKER, 37011200100101, ASSESSMENT_RESULTS, GRID_WORKER, 37011200100101, -, true",
        "wkr, GRID_WORKER, 37011200100101, ASSESSMENT_RESULTS, GRID_WORKER, 37011200100102, -, false",
        "wkr, GRID_WORKER, 37011200100101, ASSESSMENT_RESULTS, COMMUNITY, 370112001001, -, false",
        "lead, LEADER, 370112001, ASSESSMENT_RESULTS, GRID_WORKER, 37011200100101, -, true",
        "lead, LEADER, 370112001, ASSESSMENT_RESULTS, GRID_WORKER, 37011200200101, -, false",
        "gc, GRID_CENTER, 370112001, ASSESSMENT_RESULTS, GRID_WORKER, 37011200100101, -, true",
        "lead, LEADER, 370112001, ASSESSMENT_RESULTS, DEPARTMENT, -, -, false",
        "lead, LEADER, 370112, ASSESSMENT_RESULTS, DEPARTMENT, -, -, true",
        "dep, DEPARTMENT, 370112, ASSESSMENT_RESULTS, DEPARTMENT, -, -, false",
        "cmd, COMMAND_CENTER, 370112, ASSESSMENT_RESULTS, GRID_WORKER, 37011200100101, -, false"
    })
    void theTable(
            String name,
            Role role,
            String scope,
            Action action,
            String level,
            String area,
            String author,
            boolean allowed) {
        Decision d = Authorization.may(user(name, role, scope), action, target(level, area, author));
        assertThat(d.allowed()).as(d.reason()).isEqualTo(allowed);
        if (!allowed) {
            assertThat(d.reason()).isNotBlank();
        }
    }
}

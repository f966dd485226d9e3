package org.gridgov.batch.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which rule version scores a month, per level and scope (the district's, a street's own). */
class AssessmentRulesTest {

    private static final Set<String> ITEMS = Set.of("VISITS", "ATTENDANCE");
    private static final LocalDate JAN = LocalDate.of(2025, 1, 1);
    private static final LocalDate MAR = LocalDate.of(2025, 3, 1);

    private static AssessmentRules.Rule rule(
            int version, String level, String item, LocalDate from, LocalDate to, double weight) {
        return AssessmentRules.rule(version, level, item, from, to, weight, 10, "RATIO_TO_TARGET");
    }

    @Test
    void aMonthIsScoredByTheVersionInForceOnItsFirstDay() {
        AssessmentRules rules = AssessmentRules.of(
                ITEMS,
                rule(1, "GRID_WORKER", "VISITS", JAN, LocalDate.of(2025, 2, 28), 60),
                rule(1, "GRID_WORKER", "ATTENDANCE", JAN, LocalDate.of(2025, 2, 28), 40),
                rule(2, "GRID_WORKER", "VISITS", MAR, null, 30),
                rule(2, "GRID_WORKER", "ATTENDANCE", MAR, null, 70),
                rule(1, "COMMUNITY", "VISITS", JAN, null, 100));

        assertThat(rules.forMonth(AssessmentLevel.GRID_WORKER, "2024-12")).isEmpty();
        AssessmentRules.RuleSet feb =
                rules.forMonth(AssessmentLevel.GRID_WORKER, "2025-02").orElseThrow();
        assertThat(feb.version()).isEqualTo(1);
        assertThat(feb.items().get("VISITS").weight()).isEqualTo(60);
        AssessmentRules.RuleSet mar =
                rules.forMonth(AssessmentLevel.GRID_WORKER, "2025-03").orElseThrow();
        assertThat(mar.version()).isEqualTo(2);
        assertThat(mar.items()).containsOnlyKeys("VISITS", "ATTENDANCE");
        assertThat(mar.items().get("ATTENDANCE").weight()).isEqualTo(70);
        // each level has its own versions
        assertThat(rules.forMonth(AssessmentLevel.COMMUNITY, "2025-03")
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
        assertThat(rules.forMonth(AssessmentLevel.STREET, "2025-03")).isEmpty();
    }

    @Test
    void anExclusiveValidToStillGivesTheNewVersionItsMonthAndAMidMonthStartScoresTheNextMonth() {
        AssessmentRules exclusive = AssessmentRules.of(
                ITEMS,
                rule(1, "GRID_WORKER", "VISITS", JAN, MAR, 100),
                rule(2, "GRID_WORKER", "VISITS", MAR, null, 100));
        assertThat(exclusive
                        .forMonth(AssessmentLevel.GRID_WORKER, "2025-02")
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
        assertThat(exclusive
                        .forMonth(AssessmentLevel.GRID_WORKER, "2025-03")
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
        AssessmentRules midMonth = AssessmentRules.of(
                ITEMS,
                rule(1, "GRID_WORKER", "VISITS", JAN, LocalDate.of(2025, 3, 14), 100),
                rule(2, "GRID_WORKER", "VISITS", LocalDate.of(2025, 3, 15), null, 100));
        assertThat(midMonth.forMonth(AssessmentLevel.GRID_WORKER, "2025-03")
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
        assertThat(midMonth.forMonth(AssessmentLevel.GRID_WORKER, "2025-04")
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void itemsTheJobDoesNotComputeAreReportedNotScoredAndBadRowsAreNamed() {
        AssessmentRules rules = AssessmentRules.of(
                ITEMS,
                rule(1, "GRID_WORKER", "VISITS", JAN, null, 50),
                rule(1, "GRID_WORKER", "FIRE_DRILLS", JAN, null, 50));
        assertThat(rules.forMonth(AssessmentLevel.GRID_WORKER, "2025-01")
                        .orElseThrow()
                        .items())
                .containsOnlyKeys("VISITS");
        assertThat(rules.unknownItems()).containsExactly("FIRE_DRILLS");
        assertThatThrownBy(() -> AssessmentRules.rule(3, "DISTRICT", "VISITS", JAN, null, 1, 1, "THRESHOLD"))
                .hasMessageContaining("(3, DISTRICT, VISITS)")
                .hasMessageContaining("unknown level");
        assertThatThrownBy(() -> AssessmentRules.rule(3, "STREET", "VISITS", JAN, null, 1, 1, "LINEAR"))
                .hasMessageContaining("(3, STREET, VISITS)")
                .hasMessageContaining("'LINEAR'");
    }

    @Test
    void aStreetsOwnSetHoldsOnlyInItsMonthsAndOnlyForCommunityAndGridWorkerLevels() {
        String s1 = "370112001";
        String s2 = "370112002";
        AssessmentRules rules = AssessmentRules.of(
                ITEMS,
                rule(1, "GRID_WORKER", "VISITS", JAN, null, 100),
                AssessmentRules.rule(1, "GRID_WORKER", s1, "VISITS", MAR, null, 40, 10, "RATIO_TO_TARGET"),
                AssessmentRules.rule(1, "GRID_WORKER", s1, "ATTENDANCE", MAR, null, 60, 10, "RATIO_TO_TARGET"),
                // s2's: January only (withdrawn from February)
                AssessmentRules.rule(
                        1, "GRID_WORKER", s2, "VISITS", JAN, LocalDate.of(2025, 1, 31), 100, 5, "THRESHOLD"),
                AssessmentRules.rule(
                        2, "GRID_WORKER", s2, "VISITS", MAR, LocalDate.of(2025, 2, 28), 100, 5, "THRESHOLD"),
                AssessmentRules.rule(1, "STREET", s1, "VISITS", JAN, null, 100, 5, "THRESHOLD"));

        assertThat(rules.streetSets(AssessmentLevel.GRID_WORKER, "2025-01")).containsOnlyKeys(s2);
        assertThat(rules.streetSets(AssessmentLevel.GRID_WORKER, "2025-02")).isEmpty();
        java.util.Map<String, AssessmentRules.RuleSet> mar = rules.streetSets(AssessmentLevel.GRID_WORKER, "2025-03");
        assertThat(mar).containsOnlyKeys(s1);
        assertThat(mar.get(s1).scope()).isEqualTo(s1);
        assertThat(mar.get(s1).items().get("ATTENDANCE").weight()).isEqualTo(60);
        // the district's set is the district's alone, whatever the streets have
        AssessmentRules.RuleSet district =
                rules.forMonth(AssessmentLevel.GRID_WORKER, "2025-03").orElseThrow();
        assertThat(district.scope()).isEqualTo(AssessmentRules.DISTRICT);
        assertThat(district.items()).containsOnlyKeys("VISITS");
        // STREET is the district's to set: a street's row for it is not used
        assertThat(rules.streetSets(AssessmentLevel.STREET, "2025-03")).isEmpty();
        assertThat(rules.forMonth(AssessmentLevel.STREET, "2025-03")).isEmpty();
        assertThatThrownBy(() -> AssessmentRules.rule(1, "STREET", " ", "VISITS", JAN, null, 1, 1, "THRESHOLD"))
                .hasMessageContaining("no scope_code");
    }
}

package org.gridgov.cases.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A month is scored with the version valid on its first day; a later version never reaches back. */
class RuleVersionsTest {

    static RuleVersion version(int n, String from, String to) {
        return scoped("370112", n, from, to);
    }

    static RuleVersion scoped(String scope, int n, String from, String to) {
        return new RuleVersion(
                n,
                AssessmentLevel.GRID_WORKER,
                scope,
                n,
                LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to),
                null,
                "t",
                LocalDateTime.of(2025, 1, 1, 0, 0),
                List.of(),
                null,
                null);
    }

    static final List<RuleVersion> VERSIONS = List.of(
            version(1, "2025-01-01", "2026-12-31"),
            version(2, "2027-01-01", "2027-03-31"),
            version(3, "2027-04-01", null));

    static Integer validIn(String month) {
        return RuleVersions.validIn(VERSIONS, YearMonth.parse(month))
                .map(RuleVersion::version)
                .orElse(null);
    }

    @Test
    void eachMonthGetsTheVersionValidOnItsFirstDay() {
        assertThat(validIn("2024-12")).isNull();
        assertThat(validIn("2025-01")).isEqualTo(1);
        assertThat(validIn("2026-12")).isEqualTo(1);
        assertThat(validIn("2027-01")).isEqualTo(2);
        assertThat(validIn("2027-03")).isEqualTo(2);
        assertThat(validIn("2027-04")).isEqualTo(3);
        assertThat(validIn("2031-07")).isEqualTo(3);
    }

    @Test
    void theOnlyVersionHoldsFromItsStartOnwards() {
        List<RuleVersion> one = List.of(version(1, "2025-01-01", null));
        assertThat(RuleVersions.validIn(one, YearMonth.of(2026, 12))).isPresent();
        assertThat(RuleVersions.validIn(one, YearMonth.of(2024, 12))).isEmpty();
        assertThat(RuleVersions.validIn(List.of(), YearMonth.of(2026, 12))).isEmpty();
    }

    @Test
    void shouldTwoEverOverlapTheNewerDecisionWins() {
        List<RuleVersion> overlapping = List.of(version(1, "2025-01-01", null), version(2, "2026-01-01", null));
        assertThat(RuleVersions.validIn(overlapping, YearMonth.of(2026, 5))
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
        assertThat(RuleVersions.validIn(overlapping, YearMonth.of(2025, 5))
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
    }

    @Test
    void aStreetsOwnVersionScoresItsMonthsAndTheDistrictsTheRest() {
        // the street's version 1 for 2027-02..2027-05 (withdrawn from June), version 2 scheduled for 2027-04 but
        // withdrawn before it began (valid_to before valid_from: it never held)
        List<RuleVersion> street = List.of(
                scoped("370112001", 1, "2027-02-01", "2027-05-31"), scoped("370112001", 2, "2027-07-01", "2027-06-30"));
        java.util.function.Function<String, String> scoring =
                m -> RuleVersions.forSubject(VERSIONS, street, YearMonth.parse(m))
                        .map(v -> v.scopeCode() + " v" + v.version())
                        .orElse(null);
        assertThat(scoring.apply("2027-01")).isEqualTo("370112 v2");
        assertThat(scoring.apply("2027-02")).isEqualTo("370112001 v1");
        assertThat(scoring.apply("2027-05")).isEqualTo("370112001 v1");
        assertThat(scoring.apply("2027-06")).isEqualTo("370112 v3");
        assertThat(scoring.apply("2027-07")).isEqualTo("370112 v3");
        assertThat(scoring.apply("2024-12")).isNull();
        assertThat(street.get(1).span()).isEqualTo("未生效即撤销");
    }
}

package org.gridgov.cases.assessment;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which version of a level's rules scores a month: the one valid on the month's first day. */
public final class RuleVersions {

    private RuleVersions() {}

    /**
     * The version valid in {@code month}, or empty before the first version. Should two ever overlap (they cannot
     * through {@link AssessmentRules#publish}), the higher version wins, as the newer decision.
     */
    public static Optional<RuleVersion> validIn(List<RuleVersion> versions, YearMonth month) {
        return versions.stream().filter(v -> v.validIn(month)).max(Comparator.comparingInt(RuleVersion::version));
    }

    /**
     * The version that scores {@code month} for a subject whose street has {@code street}'s versions (empty for a
     * street without its own rules, and for STREET and DEPARTMENT): the street's valid one, else the district's.
     */
    public static Optional<RuleVersion> forSubject(
            List<RuleVersion> district, List<RuleVersion> street, YearMonth month) {
        return validIn(street, month).or(() -> validIn(district, month));
    }
}

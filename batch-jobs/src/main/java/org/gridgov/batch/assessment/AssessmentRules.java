package org.gridgov.batch.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.batch.StatMonth;
import org.gridgov.common.district.District;

/**
 * The rows of {@code dim_assessment_rule} (a few dozen: read once per run) and which of them score a month: per
 * level and scope (the district's code, or a street's for its own COMMUNITY / GRID_WORKER rules), the highest rule
 * version in force on the month's first day ({@code valid_from} on or before it, {@code
 * valid_to} empty or on or after it), as the rules table documents it (versions start on a month's first day; the
 * next version sets the previous one's inclusive {@code valid_to}). The highest version wins where two are in force,
 * so a {@code valid_to} written exclusive (the next version's first day) still gives the new version its month. A
 * subject is scored with its street's set when the street has one in force ({@link #streetSets}), else the district's.
 */
public final class AssessmentRules {

    /** The district's scope: its rules hold wherever a street has none of its own in force. */
    public static final String DISTRICT = District.CODE;

    /** One item of one rule version of one level in one scope. */
    public record Rule(
            int version,
            AssessmentLevel level,
            String scope,
            String itemCode,
            LocalDate validFrom,
            LocalDate validTo,
            double weight,
            double target,
            ScoringMethod method) {

        public Rule {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(itemCode, "itemCode");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(method, "method");
        }

        boolean inForceOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    /** The items one version of a scope gives a level, by item code (items the job does not know are left out). */
    public record RuleSet(String scope, int version, Map<String, Rule> items) {}

    private final List<Rule> rules;
    private final Set<String> knownItems;

    public AssessmentRules(List<Rule> rules, Set<String> knownItems) {
        this.rules = List.copyOf(rules);
        this.knownItems = Set.copyOf(knownItems);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The district's rule set that scores {@code level} in {@code month}, or empty when no version is in force. */
    public Optional<RuleSet> forMonth(AssessmentLevel level, String month) {
        return forMonth(level, DISTRICT, month);
    }

    /** {@code scope}'s own rule set of {@code level} in force in {@code month} (no fall-back), or empty. */
    public Optional<RuleSet> forMonth(AssessmentLevel level, String scope, String month) {
        LocalDate firstDay = YearMonth.parse(StatMonth.require(month)).atDay(1);
        Optional<Integer> version = rules.stream()
                .filter(r -> r.level() == level && r.scope().equals(scope) && r.inForceOn(firstDay))
                .map(Rule::version)
                .max(Integer::compare);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Rule> items = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.level() == level
                    && r.scope().equals(scope)
                    && r.version() == version.get()
                    && knownItems.contains(r.itemCode())) {
                items.put(r.itemCode(), r);
            }
        }
        return Optional.of(new RuleSet(scope, version.get(), Collections.unmodifiableMap(items)));
    }

    /**
     * The streets with rules of their own for {@code level} in force in {@code month}, by street code (sorted): their
     * subjects are scored with these instead of the district's. Empty for STREET and DEPARTMENT, which only the
     * district sets (a street row for them would be the case service's bug: ignored, as the district's hold).
     */
    public Map<String, RuleSet> streetSets(AssessmentLevel level, String month) {
        Map<String, RuleSet> out = new java.util.TreeMap<>();
        if (level != AssessmentLevel.GRID_WORKER && level != AssessmentLevel.COMMUNITY) {
            return out;
        }
        for (Rule r : rules) {
            if (r.level() == level && !r.scope().equals(DISTRICT) && !out.containsKey(r.scope())) {
                forMonth(level, r.scope(), month).ifPresent(set -> out.put(set.scope(), set));
            }
        }
        return out;
    }

    /** Item codes the rules name that the job does not compute (reported, not scored). */
    public Set<String> unknownItems() {
        Set<String> out = new TreeSet<>();
        for (Rule r : rules) {
            if (!knownItems.contains(r.itemCode())) {
                out.add(r.itemCode());
            }
        }
        return out;
    }

    /** A district rule (see {@link #rule(int, String, String, String, LocalDate, LocalDate, double, double, String)}). */
    public static Rule rule(
            int version,
            String level,
            String itemCode,
            LocalDate validFrom,
            LocalDate validTo,
            double weight,
            double target,
            String method) {
        return rule(version, level, DISTRICT, itemCode, validFrom, validTo, weight, target, method);
    }

    /** Levels as the rows spell them; an unknown level or method, or no scope, fails naming the row's key. */
    public static Rule rule(
            int version,
            String level,
            String scope,
            String itemCode,
            LocalDate validFrom,
            LocalDate validTo,
            double weight,
            double target,
            String method) {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException(
                    "dim_assessment_rule (" + version + ", " + level + ", " + itemCode + "): no scope_code");
        }
        AssessmentLevel l;
        try {
            l = AssessmentLevel.valueOf(level);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "dim_assessment_rule (" + version + ", " + level + ", " + itemCode + "): unknown level '" + level
                            + "'",
                    e);
        }
        ScoringMethod m;
        try {
            m = ScoringMethod.of(method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "dim_assessment_rule (" + version + ", " + level + ", " + itemCode + "): " + e.getMessage(), e);
        }
        return new Rule(version, l, scope, itemCode, validFrom, validTo, weight, target, m);
    }

    /** Convenience for tests and callers holding rules in a list. */
    public static AssessmentRules of(Set<String> knownItems, Rule... rules) {
        return new AssessmentRules(new ArrayList<>(List.of(rules)), knownItems);
    }
}

package org.gridgov.cases.assessment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who is assessed (需求 3.12 分级考核): the levels of the warehouse's {@code dim_assessment_rule.level}, each with the
 * items that can be measured for it. Departments neither patrol nor visit, so only what the case workflow and the
 * residents say of their handling applies to them.
 */
public enum AssessmentLevel {
    GRID_WORKER("网格员", EnumSet.allOf(AssessmentItem.class)),
    COMMUNITY("社区", EnumSet.allOf(AssessmentItem.class)),
    STREET("街道", EnumSet.allOf(AssessmentItem.class)),
    DEPARTMENT(
            "部门", EnumSet.of(AssessmentItem.SATISFACTION, AssessmentItem.OVERDUE_COUNT, AssessmentItem.REJECT_COUNT));

    private final String label;
    private final Set<AssessmentItem> items;

    AssessmentLevel(String label, Set<AssessmentItem> items) {
        this.label = label;
        this.items = items;
    }

    public String label() {
        return label;
    }

    /** The items a rule of this level may use. */
    public Set<AssessmentItem> items() {
        return items;
    }

    /** The level named by {@code code} (case-insensitive), empty for anything else. */
    public static Optional<AssessmentLevel> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

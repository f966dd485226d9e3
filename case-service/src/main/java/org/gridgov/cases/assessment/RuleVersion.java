package org.gridgov.cases.assessment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A published rule version of one level. {@code validTo} is the last day it holds (inclusive), null while it is the
 * newest; versions start on a month's first day, so a month lies wholly inside one version.
 */
public record RuleVersion(long id, AssessmentLevel level, int version, LocalDate validFrom, LocalDate validTo,
                          String note, String createdBy, LocalDateTime createdAt, List<RuleItem> items) {

    /** Whether {@code month} is scored with this version. */
    public boolean validIn(YearMonth month) {
        LocalDate first = month.atDay(1);
        return !validFrom.isAfter(first) && (validTo == null || !validTo.isBefore(first));
    }

    public YearMonth fromMonth() {
        return YearMonth.from(validFrom);
    }

    /** "自 2025-01-01 起" or "2025-01-01 至 2026-12-31", as the page says it. */
    public String span() {
        return validTo == null ? "自 " + validFrom + " 起" : validFrom + " 至 " + validTo;
    }

    public double weightSum() {
        return items.stream().mapToDouble(RuleItem::weight).sum();
    }
}

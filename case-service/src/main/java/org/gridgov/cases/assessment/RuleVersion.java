package org.gridgov.cases.assessment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.gridgov.common.district.District;

/**
 * A published rule version of one level in one scope: the district's ({@code scopeCode} = the district's code) or a
 * street's override. {@code validTo} is the last day it holds (inclusive), null while it is the newest; versions
 * start on a month's first day, so a month lies wholly inside one version. A street's version that was withdrawn has
 * {@code withdrawnBy}/{@code withdrawnAt} and the {@code validTo} the withdrawal set (before {@code validFrom} when it
 * was withdrawn before it began: it never held).
 */
public record RuleVersion(
        long id,
        AssessmentLevel level,
        String scopeCode,
        int version,
        LocalDate validFrom,
        LocalDate validTo,
        String note,
        String createdBy,
        LocalDateTime createdAt,
        List<RuleItem> items,
        String withdrawnBy,
        LocalDateTime withdrawnAt) {

    /** Whether {@code month} is scored with this version (for the subjects of its scope). */
    public boolean validIn(YearMonth month) {
        LocalDate first = month.atDay(1);
        return !validFrom.isAfter(first) && (validTo == null || !validTo.isBefore(first));
    }

    /** Whether this is the district's version (not a street's override). */
    public boolean district() {
        return District.CODE.equals(scopeCode);
    }

    public YearMonth fromMonth() {
        return YearMonth.from(validFrom);
    }

    /** "自 2025-01-01 起" or "2025-01-01 至 2026-12-31", as the page says it. */
    public String span() {
        if (validTo != null && validTo.isBefore(validFrom)) {
            return "未生效即撤销";
        }
        return validTo == null ? "自 " + validFrom + " 起" : validFrom + " 至 " + validTo;
    }

    public double weightSum() {
        return items.stream().mapToDouble(RuleItem::weight).sum();
    }
}

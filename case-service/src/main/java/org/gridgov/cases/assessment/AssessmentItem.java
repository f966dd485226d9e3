package org.gridgov.cases.assessment;

import java.util.Locale;
import java.util.Optional;

/**
 * The fixed list of 考核项 (issue 16 contract): what the monthly assessment job can measure from the warehouse. A rule
 * names its own label for an item; the default labels are these.
 */
public enum AssessmentItem {
    /** Cases the worker reported (dwd_case / dwd_grid_report). */
    EVENTS_REPORTED("上报事件数"),
    /** Cases the worker handled themselves and closed (dwd_case self_handled, closed). */
    EVENTS_HANDLED("自行处理办结数"),
    /** Reports of a 安全隐患 category (dwd_grid_report is_hidden_danger). */
    HIDDEN_DANGERS("发现安全隐患数"),
    /** Share of 回访 answered satisfied or basically satisfied (dwd_case), 0..1. */
    SATISFACTION("回访满意率"),
    /** Days checked in / working days, 0..1. */
    ATTENDANCE("出勤率"),
    PATROL_DISTANCE_KM("巡查里程（公里）"),
    /** Mean patrol coverage_ratio, 0..1. */
    PATROL_COVERAGE("巡查覆盖率"),
    VISITS("入户走访数"),
    /** Mediations with outcome RESOLVED. */
    MEDIATIONS("调处成功数"),
    /** Cases overdue (dwd_case is_overdue). */
    OVERDUE_COUNT("超期事件数"),
    /** 驳回 count (dwd_case rejected_cnt). */
    REJECT_COUNT("被驳回次数");

    private final String defaultName;

    AssessmentItem(String defaultName) {
        this.defaultName = defaultName;
    }

    public String defaultName() {
        return defaultName;
    }

    public static Optional<AssessmentItem> of(String code) {
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

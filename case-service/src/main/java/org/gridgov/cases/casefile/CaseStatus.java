package org.gridgov.cases.casefile;

import java.util.Locale;
import org.gridgov.cases.domain.InvalidInputException;

/** Where a case stands overall: 办理中 until the last step of its workflow is done, then 已结案. */
public enum CaseStatus {
    OPEN("办理中"),
    CLOSED("已结案"),
    /** Merged into an open master case (issue 19): never dispatched or timed on its own. */
    DUPLICATE("已合并");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * A status as a search filter gives it. Case does not matter, as it never did: the filter used to be compared by
     * the database's case-insensitive collation.
     */
    public static CaseStatus parse(String status) {
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "未知的事件状态 " + status + "，可选 OPEN、CLOSED、DUPLICATE");
        }
    }
}

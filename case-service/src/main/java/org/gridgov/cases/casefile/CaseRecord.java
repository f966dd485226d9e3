package org.gridgov.cases.casefile;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code case_record}: one reported event and where it stands in its workflow. */
public record CaseRecord(
        String id, String title, String description, String channel, String categoryCode, String categoryName,
        int urgency, int priority, BigDecimal latitude, BigDecimal longitude, String address, String gridCode,
        String streetCode, String reporterName, String reporterPhone, String workflowCode, String currentStep,
        String currentRole, String status, String departmentCode, boolean selfHandled, boolean dispute,
        int supervisedCount, LocalDateTime stepDueAt, LocalDateTime dueAt, String createdBy, LocalDateTime createdAt,
        LocalDateTime updatedAt, LocalDateTime closedAt, int version) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public boolean open() {
        return OPEN.equals(status);
    }

    public boolean overdueAt(LocalDateTime now) {
        return open() && dueAt.isBefore(now);
    }
}

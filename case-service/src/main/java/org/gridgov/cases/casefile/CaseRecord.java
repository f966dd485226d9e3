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

    /**
     * This case with its workflow state replaced: every change of the workflow goes through here, so the descriptive
     * fields (text, place, reporter) cannot be altered by a step.
     */
    public CaseRecord withState(String workflowCode, String step, String role, String status, String departmentCode,
                                boolean selfHandled, boolean dispute, int supervisedCount, int priority,
                                LocalDateTime stepDueAt, LocalDateTime updatedAt, LocalDateTime closedAt) {
        return new CaseRecord(id, title, description, channel, categoryCode, categoryName, urgency, priority, latitude,
                longitude, address, gridCode, streetCode, reporterName, reporterPhone, workflowCode, step, role, status,
                departmentCode, selfHandled, dispute, supervisedCount, stepDueAt, dueAt, createdBy, createdAt, updatedAt,
                closedAt, version + 1);
    }

    public boolean open() {
        return OPEN.equals(status);
    }

    public boolean overdueAt(LocalDateTime now) {
        return open() && dueAt.isBefore(now);
    }
}

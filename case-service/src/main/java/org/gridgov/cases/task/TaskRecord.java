package org.gridgov.cases.task;

import java.time.LocalDateTime;
import org.gridgov.cases.access.Target;

/** A row of {@code task} (任务下发). */
public record TaskRecord(
        String id,
        String title,
        String content,
        String assigneeType,
        String assigneeCode,
        String areaCode,
        int urgency,
        LocalDateTime deadline,
        String status,
        String result,
        String reviewNote,
        String createdBy,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    public static final String ISSUED = "ISSUED";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    /** The facts {@code Authorization} decides on: assignee, area and issuer. */
    public Target.Task accessTarget() {
        return new Target.Task(assigneeType, assigneeCode, areaCode, createdBy);
    }
}

package org.gridgov.common.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A warning raised for leaders: which rule fired, about whom or what ({@code subjectKey}, never a clear ID),
 * the evidence record ids and the level.
 */
public record Alert(
        int schemaVersion,
        String alertId,
        String rule,
        AlertLevel level,
        String subjectKey,
        List<String> evidenceIds,
        String message,
        LocalDateTime eventTime) {}

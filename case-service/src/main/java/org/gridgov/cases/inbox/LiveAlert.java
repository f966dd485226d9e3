package org.gridgov.cases.inbox;

import java.time.LocalDateTime;

/** An alert as the inbox shows it, with the grid it concerns when that could be found (else null: district-wide). */
public record LiveAlert(
        String alertId,
        String rule,
        String level,
        String levelLabel,
        String message,
        LocalDateTime eventTime,
        String gridCode,
        String areaName) {}

package org.gridgov.loading;

import java.time.LocalDateTime;

/**
 * Where a raw record came from, for its dead-letter row: the dead-letter source (topic, or input file), its position
 * ({@code topic:partition:offset}, {@code file:line}: deterministic, so a replay overwrites its dead letter instead of
 * adding one), the record key as received, the record as received (redacted in the row) and when it was received.
 */
public record RecordOrigin(
        String source, String position, String recordKey, String payload, LocalDateTime receivedTime) {}

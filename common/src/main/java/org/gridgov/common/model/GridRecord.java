package org.gridgov.common.model;

import java.time.LocalDateTime;

/**
 * A grid worker's record: an event report (上报, with a category), a patrol (巡查) or a household visit (走访, with
 * the visited person).
 */
public record GridRecord(
        int schemaVersion,
        String recordId,
        GridRecordKind kind,
        String gridCode,
        String workerId,
        String personIdCard,
        String categoryCode,
        String content,
        double latitude,
        double longitude,
        LocalDateTime recordTime) implements SourceRecord {

    @Override
    public SourceType source() {
        return SourceType.GRID;
    }

    @Override
    public LocalDateTime eventTime() {
        return recordTime;
    }
}

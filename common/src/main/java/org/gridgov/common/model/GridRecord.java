package org.gridgov.common.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A grid worker's record: an event report (上报, with a category), a patrol (巡查), a household visit (走访, with the
 * visited person), a day's attendance (考勤) or a dispute mediation (矛盾调处).
 *
 * <p>Schema version 2 added ATTENDANCE and MEDIATION and the fields after {@code recordTime}; a version 1 record has
 * them all null and stays valid (an old PATROL has no track). Per kind, {@code latitude}/{@code longitude} and
 * {@code recordTime} are where and when it started: the check-in of an attendance, the first fix of a patrol.
 *
 * @param track            PATROL: the GPS fixes in time order, or null for a patrol recorded without a track
 * @param checkOutTime     ATTENDANCE: the check-out (签退), or null when the worker did not check out
 * @param checkOutLatitude ATTENDANCE: where the worker checked out (null with {@code checkOutTime} null)
 * @param disputeType      MEDIATION: what the dispute was about
 * @param outcome          MEDIATION: how it ended
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
        LocalDateTime recordTime,
        List<TrackPoint> track,
        LocalDateTime checkOutTime,
        Double checkOutLatitude,
        Double checkOutLongitude,
        DisputeType disputeType,
        MediationOutcome outcome)
        implements SourceRecord {

    /** The layout this class writes; {@link SourceType#GRID} reads versions 1 to this one. */
    public static final int SCHEMA_VERSION = 2;

    public GridRecord {
        track = track == null ? null : List.copyOf(track);
    }

    /** A version 1 layout record (REPORT, PATROL without a track, VISIT): the version 2 fields are null. */
    public GridRecord(
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
            LocalDateTime recordTime) {
        this(
                schemaVersion,
                recordId,
                kind,
                gridCode,
                workerId,
                personIdCard,
                categoryCode,
                content,
                latitude,
                longitude,
                recordTime,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The same record under another id (ids are given when a batch is emitted). */
    public GridRecord withRecordId(String id) {
        return new GridRecord(
                schemaVersion,
                id,
                kind,
                gridCode,
                workerId,
                personIdCard,
                categoryCode,
                content,
                latitude,
                longitude,
                recordTime,
                track,
                checkOutTime,
                checkOutLatitude,
                checkOutLongitude,
                disputeType,
                outcome);
    }

    /** The time of the last track point of a patrol with a track; otherwise the record time. */
    public LocalDateTime endTime() {
        return track == null || track.isEmpty()
                ? recordTime
                : recordTime.plusSeconds(track.get(track.size() - 1).second());
    }

    @Override
    public SourceType source() {
        return SourceType.GRID;
    }

    @Override
    public LocalDateTime eventTime() {
        return recordTime;
    }
}

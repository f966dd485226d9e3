package org.gridgov.common.model;

import java.time.LocalDateTime;

/** A police incident (警情). The involved person is optional; when known it links to the other sources. */
public record PoliceIncident(
        int schemaVersion,
        String incidentId,
        IncidentType incidentType,
        String personName,
        String personIdCard,
        String personPhone,
        String content,
        double latitude,
        double longitude,
        LocalDateTime reportTime)
        implements SourceRecord {

    @Override
    public String recordId() {
        return incidentId;
    }

    @Override
    public SourceType source() {
        return SourceType.POLICE;
    }

    @Override
    public LocalDateTime eventTime() {
        return reportTime;
    }
}

package org.gridgov.common.model;

import java.time.LocalDateTime;

/** A petition (信访件). {@code groupSize} ≥ 5 marks a group petition (集体访) registered as one record. */
public record Petition(
        int schemaVersion,
        String petitionId,
        String personName,
        String personIdCard,
        String personPhone,
        PetitionForm form,
        String categoryCode,
        String content,
        String companyName,
        int groupSize,
        double latitude,
        double longitude,
        LocalDateTime petitionTime)
        implements SourceRecord {

    @Override
    public String recordId() {
        return petitionId;
    }

    @Override
    public SourceType source() {
        return SourceType.PETITION;
    }

    @Override
    public LocalDateTime eventTime() {
        return petitionTime;
    }
}

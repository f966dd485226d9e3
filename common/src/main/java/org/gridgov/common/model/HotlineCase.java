package org.gridgov.common.model;

import java.time.LocalDateTime;

/** A 12345 citizen hotline case (工单). Caller identity is optional: many callers give only a phone number. */
public record HotlineCase(
        int schemaVersion,
        String caseId,
        Channel channel,
        String categoryCode,
        String content,
        String callerName,
        String callerPhone,
        String callerIdCard,
        double latitude,
        double longitude,
        String address,
        String department,
        LocalDateTime acceptTime,
        LocalDateTime deadline,
        CaseStatus status,
        LocalDateTime replyTime,
        LocalDateTime closeTime,
        Integer satisfaction)
        implements SourceRecord {

    @Override
    public String recordId() {
        return caseId;
    }

    @Override
    public SourceType source() {
        return SourceType.HOTLINE;
    }

    @Override
    public LocalDateTime eventTime() {
        return acceptTime;
    }
}

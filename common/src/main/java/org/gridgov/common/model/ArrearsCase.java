package org.gridgov.common.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A wage-arrears case (欠薪/清欠) from the arrears ledger. */
public record ArrearsCase(
        int schemaVersion,
        String caseId,
        String companyName,
        String projectName,
        int workerCount,
        BigDecimal amountYuan,
        String complainantName,
        String complainantIdCard,
        String complainantPhone,
        double latitude,
        double longitude,
        LocalDateTime reportTime,
        ArrearsStatus status,
        LocalDateTime resolvedTime)
        implements SourceRecord {

    @Override
    public String recordId() {
        return caseId;
    }

    @Override
    public SourceType source() {
        return SourceType.ARREARS;
    }

    @Override
    public LocalDateTime eventTime() {
        return reportTime;
    }
}

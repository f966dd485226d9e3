package org.gridgov.common.model;

import java.util.Objects;

/**
 * One accepted record as the ODS loader conformed it, published on its source's {@code dwd.<source>} topic
 * ({@code kafka.Topics.dwd}) for the stream jobs that come after the loader (issue 15 "validate once"): validated,
 * persons replaced by salted keys (never an ID card, phone or name), times as epoch milliseconds in district time,
 * the company in its canonical form. Consumers neither decode JSON nor validate, locate or hash again.
 *
 * <p>Every record of a source has the same fields; those a source does not have are null. The 12345 fields
 * ({@code acceptTime} … {@code status}, the grid) are set for hotline records only, {@code masterCaseId} is the
 * loader's 重复来电 marking ({@code HotlineDuplicateMarker}: the case whose open problem this call repeats, null for a
 * first call). A Java record of strings, longs and an enum: Flink serialises it as a POJO (no Kryo).
 *
 * @param position     where the loader read the raw record ({@code raw.<source>:partition:offset}): the id of the
 *                     input in the consumers' own dead-letter and late rows, unchanged from before the dwd topics
 * @param receivedTime the raw record's Kafka timestamp (epoch millis): when the platform received it
 * @param eventTime    the record's own time (accept, petition, report or record time), epoch millis
 */
public record DwdRecord(
        SourceType source,
        String recordId,
        String position,
        long receivedTime,
        long eventTime,
        String personKey,
        String categoryCode,
        String companyName,
        String gridCode,
        String streetCode,
        Long acceptTime,
        Long deadline,
        Long replyTime,
        Long closeTime,
        String status,
        String masterCaseId) {

    public DwdRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(position, "position");
    }

    /** A call repeating an open problem of the same caller (it has a master case). */
    public boolean duplicate() {
        return masterCaseId != null;
    }

    /** The problem this record is about: its master case's id for a repeat call, else its own id. */
    public String problemId() {
        return masterCaseId != null ? masterCaseId : recordId;
    }

    /** The Kafka key: the salted person key, or the record id for a record without a person. */
    public String kafkaKey() {
        return personKey != null ? personKey : recordId;
    }

    /** The same record with the loader's 重复来电 decision (null: a first call). */
    public DwdRecord withMaster(String master) {
        return new DwdRecord(
                source,
                recordId,
                position,
                receivedTime,
                eventTime,
                personKey,
                categoryCode,
                companyName,
                gridCode,
                streetCode,
                acceptTime,
                deadline,
                replyTime,
                closeTime,
                status,
                master);
    }

    @Override
    public String toString() {
        // no person key: source, id and position only
        return "DwdRecord[" + source.code() + " " + recordId + " @" + position + "]";
    }
}

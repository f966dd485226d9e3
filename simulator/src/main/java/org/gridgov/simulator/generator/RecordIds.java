package org.gridgov.simulator.generator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;

/**
 * Record ids in the style of the source systems: a source prefix, the event date and a 7-digit number counting
 * that source's records of the day in time order, e.g. {@code RX20240105-0000123}. Ids are given after the day is
 * sorted, so they rise with time like a real system's.
 */
final class RecordIds {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final long[] next = new long[SourceType.values().length];
    private LocalDate day;

    static String prefix(SourceType s) {
        return switch (s) {
            case HOTLINE -> "RX"; // 热线
            case PETITION -> "XF"; // 信访
            case ARREARS -> "QX"; // 清欠
            case POLICE -> "JQ"; // 警情
            case GRID -> "WG"; // 网格
        };
    }

    /** The next id of a source on {@code date}; counters restart each day. */
    String next(SourceType s, LocalDate date) {
        if (!date.equals(day)) {
            day = date;
            Arrays.fill(next, 0);
        }
        long n = ++next[s.ordinal()];
        if (n > 9_999_999) {
            throw new IllegalStateException("more than 9 999 999 " + s + " records on " + date);
        }
        String digits = Long.toString(10_000_000L + n).substring(1);
        return prefix(s) + DATE.format(date) + "-" + digits;
    }

    /** The same record with its id set. */
    static SourceRecord withId(SourceRecord r, String id) {
        if (r instanceof HotlineCase c) {
            return new HotlineCase(
                    c.schemaVersion(),
                    id,
                    c.channel(),
                    c.categoryCode(),
                    c.content(),
                    c.callerName(),
                    c.callerPhone(),
                    c.callerIdCard(),
                    c.latitude(),
                    c.longitude(),
                    c.address(),
                    c.department(),
                    c.acceptTime(),
                    c.deadline(),
                    c.status(),
                    c.replyTime(),
                    c.closeTime(),
                    c.satisfaction());
        } else if (r instanceof Petition p) {
            return new Petition(
                    p.schemaVersion(),
                    id,
                    p.personName(),
                    p.personIdCard(),
                    p.personPhone(),
                    p.form(),
                    p.categoryCode(),
                    p.content(),
                    p.companyName(),
                    p.groupSize(),
                    p.latitude(),
                    p.longitude(),
                    p.petitionTime());
        } else if (r instanceof ArrearsCase a) {
            return new ArrearsCase(
                    a.schemaVersion(),
                    id,
                    a.companyName(),
                    a.projectName(),
                    a.workerCount(),
                    a.amountYuan(),
                    a.complainantName(),
                    a.complainantIdCard(),
                    a.complainantPhone(),
                    a.latitude(),
                    a.longitude(),
                    a.reportTime(),
                    a.status(),
                    a.resolvedTime());
        } else if (r instanceof PoliceIncident i) {
            return new PoliceIncident(
                    i.schemaVersion(),
                    id,
                    i.incidentType(),
                    i.personName(),
                    i.personIdCard(),
                    i.personPhone(),
                    i.content(),
                    i.latitude(),
                    i.longitude(),
                    i.reportTime());
        } else if (r instanceof GridRecord g) {
            return g.withRecordId(id);
        }
        throw new IllegalArgumentException("unknown record type " + r.getClass());
    }
}

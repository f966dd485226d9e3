package org.gridgov.streaming.odsloader;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.identity.CompanyNames;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * The {@link DwdRecord} of an accepted record, built from the rows the conform step made of it (the loading module's
 * {@code OdsMapper}): the salted keys, the located grid and the validated category are taken from those rows, never
 * computed again, so what the dwd topics carry is exactly what the warehouse holds. Pure and stateless.
 */
public final class DwdRecords {

    private DwdRecords() {}

    /**
     * @param rows         an accepted record's rows, ODS first (a 12345 case: ODS and DWD)
     * @param position     where the raw record was read ({@code topic:partition:offset})
     * @param receivedTime the raw record's Kafka timestamp (epoch millis)
     * @return empty when the rows are of no source table (nothing a stream job reads)
     */
    public static Optional<DwdRecord> of(SourceType source, List<TableRow> rows, String position, long receivedTime) {
        TableRow ods = rows.isEmpty() ? null : rows.get(0);
        if (ods == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (source) {
                    case HOTLINE -> hotline(ods, find(rows, WarehouseSchema.DWD_HOTLINE_CASE), position, receivedTime);
                    case PETITION -> {
                        Table t = WarehouseSchema.ODS_PETITION;
                        yield is(ods, t)
                                ? new DwdRecord(
                                        source,
                                        ods.value(t, "petition_id"),
                                        position,
                                        receivedTime,
                                        millis(ods.value(t, "petition_time")),
                                        ods.value(t, "person_key"),
                                        ods.value(t, "category_code"),
                                        CompanyNames.canonical(ods.value(t, "company_name")),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)
                                : null;
                    }
                    case ARREARS -> {
                        Table t = WarehouseSchema.ODS_ARREARS_CASE;
                        yield is(ods, t)
                                ? new DwdRecord(
                                        source,
                                        ods.value(t, "case_id"),
                                        position,
                                        receivedTime,
                                        millis(ods.value(t, "report_time")),
                                        ods.value(t, "complainant_key"),
                                        null,
                                        CompanyNames.canonical(ods.value(t, "company_name")),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        nullableMillis(ods.value(t, "resolved_time")),
                                        ods.value(t, "status"),
                                        null)
                                : null;
                    }
                    case POLICE -> {
                        Table t = WarehouseSchema.ODS_POLICE_INCIDENT;
                        yield is(ods, t)
                                ? new DwdRecord(
                                        source,
                                        ods.value(t, "incident_id"),
                                        position,
                                        receivedTime,
                                        millis(ods.value(t, "report_time")),
                                        ods.value(t, "person_key"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)
                                : null;
                    }
                    case GRID -> {
                        Table t = WarehouseSchema.ODS_GRID_RECORD;
                        yield is(ods, t)
                                ? new DwdRecord(
                                        source,
                                        ods.value(t, "record_id"),
                                        position,
                                        receivedTime,
                                        millis(ods.value(t, "record_time")),
                                        ods.value(t, "person_key"),
                                        ods.value(t, "category_code"),
                                        null,
                                        ods.value(t, "grid_code"),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)
                                : null;
                    }
                });
    }

    private static DwdRecord hotline(TableRow ods, TableRow dwd, String position, long receivedTime) {
        Table t = WarehouseSchema.ODS_HOTLINE_CASE;
        if (!is(ods, t)) {
            return null;
        }
        Table d = WarehouseSchema.DWD_HOTLINE_CASE;
        long accept = millis(ods.value(t, "accept_time"));
        // the category as the source gave it and validation accepted it; master_case_id is the marker's to decide
        return new DwdRecord(
                SourceType.HOTLINE,
                ods.value(t, "case_id"),
                position,
                receivedTime,
                accept,
                ods.value(t, "caller_key"),
                ods.value(t, "category_code"),
                null,
                dwd != null ? dwd.value(d, "grid_code") : null,
                dwd != null ? dwd.value(d, "street_code") : null,
                accept,
                nullableMillis(ods.value(t, "deadline")),
                nullableMillis(ods.value(t, "reply_time")),
                nullableMillis(ods.value(t, "close_time")),
                ods.value(t, "status"),
                null);
    }

    private static TableRow find(List<TableRow> rows, Table table) {
        for (TableRow r : rows) {
            if (is(r, table)) {
                return r;
            }
        }
        return null;
    }

    private static boolean is(TableRow row, Table table) {
        return table.name().equals(row.table);
    }

    /** Warehouse time text ({@code yyyy-MM-dd HH:mm:ss}, district time) → epoch millis. */
    static long millis(String text) {
        return LocalDateTime.parse(text, Json.TIME)
                .atZone(RecordDecoder.ZONE)
                .toInstant()
                .toEpochMilli();
    }

    private static Long nullableMillis(String text) {
        return text == null ? null : millis(text);
    }
}

package org.gridgov.ingestion.audit;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridgov.common.json.Json;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.warehouse.IngestTables;
import org.gridgov.warehouse.TableRow;

/**
 * One row of {@code audit_ingest}: a batch's reconciliation. {@code rowsVerified} is null when the target was not read
 * back (Kafka: acknowledgements are the evidence instead).
 */
public record AuditEntry(
        String batchId,
        String pipeline,
        String source,
        String inputName,
        String target,
        LocalDateTime started,
        LocalDateTime finished,
        long recordsIn,
        long loaded,
        long rejected,
        long duplicates,
        Long rowsVerified,
        Status status,
        String message,
        String inputSha256) {

    /** OK; EMPTY input; counts that do not reconcile; too many rejects for the job's errorLimit; a failed run. */
    public enum Status {
        OK,
        EMPTY,
        MISMATCH,
        LIMIT_EXCEEDED,
        FAILED
    }

    public TableRow toRow() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("batch_id", fit(batchId, 64));
        v.put("pipeline", fit(pipeline, 32));
        v.put("source", fit(source, 32));
        v.put("input_name", fit(inputName, 200));
        v.put("target", fit(target, 64));
        v.put("started_time", Json.time(started));
        v.put("finished_time", Json.time(finished));
        v.put("records_in", recordsIn);
        v.put("records_loaded", loaded);
        v.put("records_rejected", rejected);
        v.put("duplicate_records", duplicates);
        v.put("rows_verified", rowsVerified);
        v.put("status", status.name());
        v.put("message", message == null || message.isEmpty() ? null : fit(PiiProtector.redact(message), 1000));
        v.put("input_sha256", inputSha256);
        return IngestTables.AUDIT_INGEST.row(v);
    }

    /** True when what came in equals what was loaded plus what was rejected. */
    public boolean reconciles() {
        return recordsIn == loaded + rejected;
    }

    private static String fit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

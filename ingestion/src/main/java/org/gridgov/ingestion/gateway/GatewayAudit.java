package org.gridgov.ingestion.gateway;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.SourceType;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.audit.AuditEntry.Status;
import org.gridgov.ingestion.audit.AuditLog;
import org.gridgov.ingestion.datax.Positions;
import org.gridgov.ingestion.gateway.IntakeGateway.BatchResult;

/**
 * Reconciliation rows of the gateway in {@code audit_ingest}: one per input file, and for the HTTP endpoint one per
 * source and time window (requests are many and small), updated after every request with the window's running
 * totals. {@code rows_verified} is what Kafka acknowledged (raw plus dead-letter topic). A window or file with records
 * Kafka did not acknowledge is FAILED; callers were told so (HTTP 503, exit code 1).
 */
public final class GatewayAudit {

    private static final DateTimeFormatter WINDOW_ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final AuditLog log;
    private final String instance;
    private final Duration window;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    public GatewayAudit(AuditLog log, String instance, Duration window) {
        this.log = log;
        this.instance = instance;
        this.window = window;
    }

    /** The audit row of one input file. */
    public AuditEntry file(BatchResult r, String fileName, String sha256) throws Exception {
        return file(r, fileName, sha256, "gateway-file");
    }

    /** The audit row of one input file read by {@code pipeline} (gateway-file, open311). */
    public AuditEntry file(BatchResult r, String fileName, String sha256, String pipeline) throws Exception {
        Status status = !r.complete() ? Status.FAILED : r.in() == 0 ? Status.EMPTY : Status.OK;
        AuditEntry e = new AuditEntry(
                Positions.fit(pipeline + ":" + r.source().code() + ":" + fileName, 64),
                pipeline,
                r.source().code(),
                fileName,
                Topics.raw(r.source()).name(),
                r.started(),
                r.finished(),
                r.in(),
                r.published(),
                r.rejected(),
                0,
                r.published() + r.rejected(),
                status,
                message(r),
                sha256);
        log.record(e);
        return e;
    }

    /** Adds an HTTP request's batch to its window and rewrites the window's row. */
    public synchronized AuditEntry request(BatchResult r) throws Exception {
        return request(r, null);
    }

    /** Adds a request's batch, sent by {@code client} (null: unauthenticated gateway), and rewrites the row. */
    public synchronized AuditEntry request(BatchResult r, String client) throws Exception {
        LocalDateTime start = windowStart(r.started());
        String id =
                Positions.fit("gateway-http:" + instance + ":" + r.source().code() + ":" + WINDOW_ID.format(start), 64);
        Window w = windows.computeIfAbsent(id, k -> new Window(r.source(), start));
        w.add(r, client);
        evictBefore(start);
        AuditEntry e = w.entry(id);
        log.record(e);
        return e;
    }

    private LocalDateTime windowStart(LocalDateTime t) {
        long seconds = window.getSeconds();
        long epoch = t.toLocalDate().toEpochDay() * 86_400 + t.toLocalTime().toSecondOfDay();
        long start = epoch - Math.floorMod(epoch, seconds);
        return LocalDateTime.ofEpochSecond(start, 0, java.time.ZoneOffset.UTC);
    }

    private void evictBefore(LocalDateTime current) {
        windows.values().removeIf(w -> w.start.isBefore(current.minus(window.multipliedBy(2))));
    }

    private static String message(BatchResult r) {
        List<String> parts = new ArrayList<>();
        if (r.failed() > 0) {
            parts.add(r.failed() + " records not acknowledged by Kafka: " + r.failure());
        }
        if (r.rejected() > 0) {
            parts.add("rejected by field " + r.rejectedByField());
        }
        if (r.notes() != null && !r.notes().isEmpty()) {
            parts.add(r.notes());
        }
        return String.join("; ", parts);
    }

    private final class Window {
        final SourceType source;
        final LocalDateTime start;
        long in;
        long published;
        long rejected;
        long failed;
        long requests;
        LocalDateTime last;
        final Map<String, Long> byField = new LinkedHashMap<>();
        /** Requests per sending client: who sent what in this window. */
        final Map<String, Long> byClient = new java.util.TreeMap<>();

        String failure;

        Window(SourceType source, LocalDateTime start) {
            this.source = source;
            this.start = start;
        }

        void add(BatchResult r, String client) {
            requests++;
            if (client != null) {
                byClient.merge(client, 1L, Long::sum);
            }
            in += r.in();
            published += r.published();
            rejected += r.rejected();
            failed += r.failed();
            r.rejectedByField().forEach((f, n) -> byField.merge(f, n, Long::sum));
            if (failure == null && r.failure() != null) {
                failure = r.failure();
            }
            last = r.finished();
        }

        AuditEntry entry(String id) {
            List<String> parts = new ArrayList<>();
            parts.add(requests + " requests" + (byClient.isEmpty() ? "" : " from " + byClient));
            if (failed > 0) {
                parts.add(failed + " records not acknowledged by Kafka (callers got 503): " + failure);
            }
            if (rejected > 0) {
                parts.add("rejected by field " + byField);
            }
            Status status = failed > 0 ? Status.FAILED : in == published + rejected ? Status.OK : Status.MISMATCH;
            return new AuditEntry(
                    id,
                    "gateway-http",
                    source.code(),
                    "http " + start + " +" + window.getSeconds() + "s (" + instance + ")",
                    Topics.raw(source).name(),
                    start,
                    last,
                    in,
                    published,
                    rejected,
                    0,
                    published + rejected,
                    status,
                    String.join("; ", parts),
                    null);
        }
    }
}

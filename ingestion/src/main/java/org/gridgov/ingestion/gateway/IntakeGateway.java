package org.gridgov.ingestion.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.common.validation.Violation;
import org.gridgov.ingestion.kafka.TopicSink;

/**
 * The intake gateway's core: validates each offered record with {@link RecordDecoder} (the checks the ODS loader
 * applies again downstream) and publishes valid ones, in the canonical JSON form, to {@code raw.<source>} keyed by
 * {@link RecordKeys}, and invalid ones to {@code dlq.<source>} as a JSON document with the reason. A batch ends when
 * Kafka acknowledged or failed every record; it is complete when {@code in = published + rejected}, and any record
 * not acknowledged is counted as failed, never silently lost.
 *
 * <p>Dead-letter topics have the access class of the raw topics: they keep the payload as received so it can be
 * corrected and replayed; the reason is redacted. Batches run one at a time (synchronized), so records keep their
 * input order per key.
 */
public final class IntakeGateway {

    /** How long a batch waits for its last acknowledgements after the producer's flush. */
    private static final long ACK_TIMEOUT_MS = 120_000;

    private static final int MAX_LISTED_REJECTIONS = 100;

    /** One rejected record, as an HTTP caller sees it. */
    public record Rejection(String position, String field, String reason) {}

    /** What a batch did. {@code failed}: records Kafka did not acknowledge (the caller must resend them). */
    public record BatchResult(
            String name,
            SourceType source,
            long in,
            long published,
            long rejected,
            long failed,
            Map<String, Long> rejectedByField,
            List<Rejection> rejections,
            String failure,
            String notes,
            LocalDateTime started,
            LocalDateTime finished) {
        public boolean complete() {
            return failed == 0 && in == published + rejected;
        }
    }

    private final RecordDecoder decoder;
    private final RecordKeys keys;
    private final TopicSink sink;
    private final Clock clock;

    public IntakeGateway(RecordDecoder decoder, PiiProtector pii, TopicSink sink, Clock clock) {
        this.decoder = decoder;
        this.keys = new RecordKeys(pii);
        this.sink = sink;
        this.clock = clock;
    }

    public synchronized BatchResult publish(SourceType source, String name, IntakeReader reader) throws IOException {
        LocalDateTime started = LocalDateTime.now(clock).withNano(0);
        AtomicLong published = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Map<String, Long> byField = new TreeMap<>();
        List<Rejection> listed = new ArrayList<>();
        long in = 0;
        Topic<String, SourceRecord> raw = Topics.raw(source);
        Topic<String, JsonNode> dlq = Topics.deadLetter(source);
        IntakeRecord r;
        while ((r = reader.next()) != null) {
            in++;
            Decoded<SourceRecord> decoded =
                    r.readError() != null ? Decoded.rejected(List.of(r.readError())) : decode(source, r.json());
            if (decoded.isValid()) {
                sink.send(raw, keys.key(decoded.value()), decoded.value(), ack(published, failed, firstFailure));
            } else {
                byField.merge(decoded.firstField(), 1L, Long::sum);
                if (listed.size() < MAX_LISTED_REJECTIONS) {
                    listed.add(
                            new Rejection(r.position(), decoded.firstField(), PiiProtector.redact(decoded.reason())));
                }
                String recordKey = recordId(source, r.json());
                sink.send(
                        dlq,
                        recordKey != null ? recordKey : r.position(),
                        deadLetter(source, r, recordKey, decoded, started),
                        ack(rejected, failed, firstFailure));
            }
        }
        try {
            sink.flush();
        } catch (Exception e) {
            firstFailure.compareAndSet(null, String.valueOf(e.getMessage()));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MS);
        while (published.get() + rejected.get() + failed.get() < in && System.nanoTime() < deadline) {
            sleep();
        }
        long unacknowledged = in - published.get() - rejected.get() - failed.get();
        if (unacknowledged > 0) {
            failed.addAndGet(unacknowledged);
            firstFailure.compareAndSet(
                    null, unacknowledged + " sends not acknowledged within " + ACK_TIMEOUT_MS + " ms");
        }
        return new BatchResult(
                name,
                source,
                in,
                published.get(),
                rejected.get(),
                failed.get(),
                byField,
                listed,
                firstFailure.get(),
                reader.notes(),
                started,
                LocalDateTime.now(clock).withNano(0));
    }

    private Decoded<SourceRecord> decode(SourceType source, String json) {
        try {
            return decoder.decode(source, json);
        } catch (RuntimeException e) {
            return Decoded.rejected(
                    List.of(new Violation("$", "decoding failed: " + PiiProtector.redact(String.valueOf(e)))));
        }
    }

    private static TopicSink.Ack ack(AtomicLong ok, AtomicLong failed, AtomicReference<String> firstFailure) {
        return e -> {
            if (e == null) {
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        };
    }

    /** The dead-letter document on {@code dlq.<source>}. */
    private static ObjectNode deadLetter(
            SourceType source, IntakeRecord r, String recordKey, Decoded<?> decoded, LocalDateTime received) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("source", source.code());
        d.put("position", r.position());
        d.put("record_key", recordKey);
        d.put("error_field", decoded.firstField());
        d.put("reason", PiiProtector.redact(decoded.reason()));
        ArrayNode violations = d.putArray("violations");
        for (Violation v : decoded.violations()) {
            violations.addObject().put("field", v.field()).put("reason", PiiProtector.redact(v.reason()));
        }
        d.put("received_time", Json.time(received));
        d.put("payload", r.payload());
        return d;
    }

    /** The record id if the JSON has one that can be read, for the dead letter's key. */
    private static String recordId(SourceType source, String json) {
        if (json == null) {
            return null;
        }
        try {
            var node = Json.mapper().readTree(json);
            var id = node == null ? null : node.get(source.idField());
            return id != null
                            && id.isValueNode()
                            && !id.asText().isBlank()
                            && id.asText().length() <= 64
                    ? id.asText()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka acknowledgements", e);
        }
    }
}

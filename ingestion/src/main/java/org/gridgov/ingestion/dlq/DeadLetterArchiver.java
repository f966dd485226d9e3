package org.gridgov.ingestion.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.ingestion.datax.Positions;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * The dead-letter topics ({@code dlq.<source>}, written by the intake gateway and the Open311 import) copied into
 * {@code dlq_record}, so what the gateway rejected is visible where the loader's rejects are: one row per dead
 * letter, {@code source} = the topic, {@code dlq_id} = the letter's position (which names the request or file and
 * the sender), the reason and field as the gateway gave them, the payload with ID-card and phone numbers masked
 * (the topic keeps them in clear, the warehouse must not).
 *
 * <p>At least once and idempotent: offsets are committed (consumer group {@link #GROUP}) only after the rows are
 * written, and a row is upserted by its id, so a crash between the two writes the same rows again.
 * {@link #drainOnce} reads up to the end offsets it found when it started; the gateway calls it in a loop.
 */
public final class DeadLetterArchiver implements AutoCloseable {

    public static final String GROUP = "gridgov-dlq-archiver";
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, JsonNode> consumer;
    private final BatchWriter writer;
    private final List<String> topics;
    private long archived;

    public DeadLetterArchiver(String bootstrapServers, BatchWriter writer) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        Topic<String, JsonNode> any = Topics.deadLetter(SourceType.HOTLINE);
        this.consumer = new KafkaConsumer<>(
                p, new StringDeserializer(), any.valueSerde().deserializer());
        this.writer = writer;
        this.topics = new ArrayList<>();
        for (SourceType s : SourceType.values()) {
            topics.add(Topics.deadLetter(s).name());
        }
    }

    /** Dead letters written to {@code dlq_record} since this archiver started. */
    public long archived() {
        return archived;
    }

    /**
     * Copies every dead letter up to the end offsets as they are now, at most for {@code timeout}; returns how many
     * were written. Partitions of topics created since the last call are picked up.
     */
    public long drainOnce(Duration timeout) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
        }
        if (partitions.isEmpty()) {
            return 0;
        }
        if (!consumer.assignment().equals(partitions)) {
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata at = committed.get(tp);
                if (at != null) {
                    consumer.seek(tp, at.offset());
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
            }
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long written = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(end) && System.nanoTime() < deadline) {
            List<TableRow> rows = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            try {
                for (ConsumerRecord<String, JsonNode> r : consumer.poll(POLL)) {
                    if (r.value() != null) {
                        rows.add(row(r.topic(), r.partition(), r.offset(), r.value()));
                    }
                    next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
            } catch (RecordDeserializationException e) {
                // not a dead-letter document: nothing to archive, skip it rather than stop every later one
                consumer.seek(e.topicPartition(), e.offset() + 1);
                next.put(e.topicPartition(), new OffsetAndMetadata(e.offset() + 1));
            }
            if (!rows.isEmpty()) {
                writer.write(Map.of(WarehouseSchema.DLQ_RECORD, rows));
                written += rows.size();
            }
            if (!next.isEmpty()) {
                consumer.commitSync(next);
            }
        }
        archived += written;
        return written;
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code dlq_record} row of one dead-letter document. Its id is the letter's position when there is one
     * (deterministic: a replay writes the same row), else topic, partition and offset.
     */
    static TableRow row(String topic, int partition, long offset, JsonNode doc) {
        String position = text(doc, "position");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dlq_id", Positions.fit(position != null ? position : topic + ":" + partition + ":" + offset, 64));
        v.put("source", topic);
        String key = text(doc, "record_key");
        v.put("record_key", key == null ? null : Positions.fit(PiiProtector.redact(key), 64));
        String field = text(doc, "error_field");
        v.put("error_field", Positions.fit(field == null ? "$" : field, 64));
        String reason = text(doc, "reason");
        v.put("reason", truncate(PiiProtector.redact(reason == null ? "rejected" : reason), 1000));
        v.put("payload", PiiProtector.redact(String.valueOf(text(doc, "payload"))));
        String received = text(doc, "received_time");
        v.put(
                "received_time",
                received != null ? received : Json.time(LocalDateTime.now().withNano(0)));
        return WarehouseSchema.DLQ_RECORD.row(v);
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void close() throws Exception {
        try {
            consumer.close(Duration.ofSeconds(5));
        } finally {
            writer.close();
        }
    }
}

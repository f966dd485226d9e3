package org.gridgov.streaming.alerts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.loading.LoadOutcome;
import org.gridgov.loading.RawRecordMapper;
import org.gridgov.loading.RecordOrigin;
import org.gridgov.loading.cases.HotlineDuplicates;
import org.gridgov.streaming.odsloader.DwdRecords;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Raw topic records as the alert job reads them since issue 15: what the ODS loader publishes of them on the dwd
 * topics, without Flink. Each record goes through the loader's own steps (the loading module's
 * {@link RawRecordMapper}, {@link DwdRecords}, the dwd topic's serde); 12345 calls get the master the loader's marker
 * converges to ({@link HotlineDuplicates} over each caller's and category's calls in accept order, as
 * {@code HotlineDuplicateMarker} decides over the set of calls). Rejected records stay behind (they are the loader's
 * dead letters, {@link #deadLetters}); case events pass unchanged. Order is kept: records come out in the order of the
 * input, each in the partition of its Kafka key as the dwd topic would place it.
 */
final class ConformedInputs {

    final List<RawInput> records = new ArrayList<>();
    /** Raw records the loader rejects, per raw topic. */
    final Map<String, Long> deadLetters = new LinkedHashMap<>();
    /** 12345 calls the loader marked as repeats of an open problem. */
    int repeatCalls;

    private ConformedInputs() {}

    static ConformedInputs of(List<RawInput> raw, String salt, int partitions) {
        ConformedInputs c = new ConformedInputs();
        RawRecordMapper mapper = RawRecordMapper.standard(new PiiProtector(salt));
        List<Object> conformed = new ArrayList<>(); // a DwdRecord or a case event's RawInput, in input order
        Map<String, List<TableRow>> callsByKey = new LinkedHashMap<>();
        for (RawInput r : raw) {
            if (Topics.CASE_EVENTS.name().equals(r.topic)) {
                conformed.add(r);
                continue;
            }
            SourceType source = SourceType.ofTopic(r.topic);
            String position = r.topic + ":" + r.partition + ":" + r.offset;
            String json = r.value == null ? null : strictUtf8(r.value);
            LoadOutcome o;
            RecordOrigin origin = new RecordOrigin(
                    r.topic,
                    position,
                    r.key,
                    json,
                    LocalDateTime.ofInstant(Instant.ofEpochMilli(r.timestamp), RecordDecoder.ZONE)
                            .withNano(0));
            if (json == null) {
                o = RawRecordMapper.reject(origin, "$", r.value == null ? "no value" : "not UTF-8");
            } else {
                o = mapper.map(source, json, origin);
            }
            if (!o.accepted()) {
                c.deadLetters.merge(r.topic, 1L, Long::sum);
                continue;
            }
            DwdRecords.of(source, o.rows(), position, r.timestamp).ifPresent(conformed::add);
            for (TableRow row : o.rows()) {
                if (WarehouseSchema.DWD_HOTLINE_CASE.name().equals(row.table)) {
                    HotlineDuplicates.key(row).ifPresent(k -> callsByKey
                            .computeIfAbsent(k, x -> new ArrayList<>())
                            .add(row));
                }
            }
        }
        Map<String, String> masters = masters(callsByKey);
        c.repeatCalls = masters.size();
        Map<String, long[]> offsets = new HashMap<>();
        for (Object o : conformed) {
            if (o instanceof RawInput event) {
                c.records.add(event);
                continue;
            }
            DwdRecord r = (DwdRecord) o;
            if (r.source() == SourceType.HOTLINE) {
                r = r.withMaster(masters.get(r.recordId()));
            }
            String topic = r.source().dwdTopic();
            int partition = Math.floorMod(r.kafkaKey().hashCode(), partitions);
            long offset = offsets.computeIfAbsent(topic, t -> new long[partitions])[partition]++;
            RawInput in = new RawInput(topic, partition, offset, r.receivedTime(), r.kafkaKey(), null);
            in.value = Topics.dwd(r.source()).valueSerde().serializer().serialize(topic, r);
            c.records.add(in);
        }
        return c;
    }

    /** Case id → master, for the repeat calls; as the marker decides over a key's set of calls. */
    static Map<String, String> masters(Map<String, List<TableRow>> callsByKey) {
        HotlineDuplicates rule = new HotlineDuplicates(HotlineDuplicates.DEFAULT_WINDOW);
        Map<String, String> masters = new HashMap<>();
        for (List<TableRow> calls : callsByKey.values()) {
            // the latest snapshot of each case, as the marker remembers it
            Map<String, HotlineDuplicates.Seen> latest = new LinkedHashMap<>();
            calls.forEach(row -> latest.put(HotlineDuplicates.seen(row).caseId(), HotlineDuplicates.seen(row)));
            List<HotlineDuplicates.Seen> decided = new ArrayList<>();
            latest.values().stream().sorted(HotlineDuplicates.EARLIEST).forEach(s -> {
                String master = rule.master(s, decided);
                decided.add(s.withMaster(master));
                if (master != null) {
                    masters.put(s.caseId(), master);
                }
            });
        }
        return masters;
    }

    long deadLetterTotal() {
        return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

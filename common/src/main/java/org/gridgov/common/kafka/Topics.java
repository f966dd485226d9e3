package org.gridgov.common.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.EventDecoder;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.common.validation.Violation;

/**
 * Every Kafka topic of the platform with its key and value serdes and its creation defaults (after
 * kafka-streams-examples' {@code Schemas.Topics}). Producers, consumers, jobs and topic creation take names and
 * serdes from here, never from string literals; every key is text (a record id, a case id, an alert id or a salted
 * person key).
 */
public final class Topics {

    /** Partitions of a data topic on a new cluster: enough for the demo's parallelism of 2. */
    public static final int PARTITIONS = 2;

    public static final Topic<String, CaseEvent> CASE_EVENTS = new Topic<>(
            "case.events",
            "case lifecycle steps from the hotline platform and the case service, keyed by case id",
            Serdes.String(),
            CaseEvent.class,
            new JsonSerde<>(EventDecoder::caseEvent),
            PARTITIONS,
            Map.of());

    public static final Topic<String, Alert> ALERTS = new Topic<>(
            "alerts",
            "warnings for leaders, keyed by alert id",
            Serdes.String(),
            Alert.class,
            new JsonSerde<>(EventDecoder::alert),
            PARTITIONS,
            Map.of());

    /**
     * The key-person registry (重点人员): {@code {"person_key", "action": ADD|REMOVE, "level", "reason"}} keyed by salted
     * person key, a null value removes the key. Compacted, so the latest entry per person is kept for good; one
     * partition, since the alert job reads it whole into broadcast state.
     */
    public static final Topic<String, JsonNode> KEY_PERSONS = new Topic<>(
            "key-persons",
            "key-person registry entries (ADD/REMOVE with level and reason), keyed by salted person key; compacted",
            Serdes.String(),
            JsonNode.class,
            new JsonSerde<>(Topics::jsonObject),
            1,
            Map.of("cleanup.policy", "compact"));

    private static final Map<SourceType, Topic<String, SourceRecord>> RAW = new EnumMap<>(SourceType.class);
    private static final Map<SourceType, Topic<String, JsonNode>> DEAD_LETTERS = new EnumMap<>(SourceType.class);
    private static final Map<SourceType, Topic<String, DwdRecord>> DWD = new EnumMap<>(SourceType.class);

    static {
        for (SourceType s : SourceType.values()) {
            RAW.put(
                    s,
                    new Topic<>(
                            s.rawTopic(),
                            "validated raw " + s.label() + " records, keyed by case id "
                                    + "(12345, arrears) or salted person key (else record id)",
                            Serdes.String(),
                            s.recordType(),
                            new JsonSerde<>(json -> StandardDecoder.INSTANCE.decode(s, json)),
                            PARTITIONS,
                            Map.of()));
            DEAD_LETTERS.put(
                    s,
                    new Topic<>(
                            s.dlqTopic(),
                            s.label() + " records rejected at intake, with the reason",
                            Serdes.String(),
                            JsonNode.class,
                            new JsonSerde<>(Topics::jsonObject),
                            PARTITIONS,
                            Map.of()));
            DWD.put(
                    s,
                    new Topic<>(
                            s.dwdTopic(),
                            "accepted, PII-protected, conformed " + s.label() + " records of "
                                    + "the ODS loader (Avro single-object encoding), keyed by salted person key (else record id)",
                            Serdes.String(),
                            DwdRecord.class,
                            new DwdSerde(),
                            PARTITIONS,
                            Map.of()));
        }
    }

    private Topics() {}

    public static Topic<String, SourceRecord> raw(SourceType source) {
        return RAW.get(source);
    }

    public static Topic<String, JsonNode> deadLetter(SourceType source) {
        return DEAD_LETTERS.get(source);
    }

    /**
     * What the ODS loader accepted of {@code source}, conformed and without clear PII ({@link DwdRecord}): the input of
     * every stream job after the loader. Only the loader reads the raw topics (see streaming-jobs' README, "Topic
     * ACLs").
     */
    public static Topic<String, DwdRecord> dwd(SourceType source) {
        return DWD.get(source);
    }

    /** All topics, for creating them on a new cluster or the embedded broker. */
    public static List<Topic<?, ?>> all() {
        List<Topic<?, ?>> all = new ArrayList<>();
        for (SourceType s : SourceType.values()) {
            all.add(raw(s));
            all.add(deadLetter(s));
            all.add(dwd(s));
        }
        all.add(CASE_EVENTS);
        all.add(ALERTS);
        all.add(KEY_PERSONS);
        return Collections.unmodifiableList(all);
    }

    /** The topic of that name, if it is one of the platform's. */
    public static Optional<Topic<?, ?>> named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Every topic as an admin client creates it, with {@code replicationFactor} copies. */
    public static List<NewTopic> newTopics(short replicationFactor) {
        return all().stream().map(t -> t.newTopic(replicationFactor)).toList();
    }

    /** Any JSON object (dead letters and registry entries are read by their own consumers' rules). */
    private static Decoded<JsonNode> jsonObject(String json) {
        try {
            JsonNode n = Json.mapper().readTree(json);
            return n != null && n.isObject()
                    ? Decoded.valid(n)
                    : Decoded.rejected(List.of(new Violation("$", "expected a JSON object")));
        } catch (JsonProcessingException e) {
            return Decoded.rejected(List.of(new Violation("$", "not valid JSON: " + e.getOriginalMessage())));
        }
    }

    /** Built on first read of a raw topic only: the district's polygons are not needed to write. */
    private static final class StandardDecoder {
        static final RecordDecoder INSTANCE = RecordDecoder.standard();
    }
}

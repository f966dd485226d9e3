package org.gridgov.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SerializationException;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.Alert;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.testing.SampleRecords;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private static final LocalDateTime T = LocalDateTime.of(2024, 1, 15, 9, 30);

    @Test
    void topicRegistryNamesEveryTopicOnce() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();
        assertThat(names)
                .doesNotHaveDuplicates()
                .contains(
                        "raw.hotline",
                        "dlq.petition",
                        "dwd.hotline",
                        "dwd.grid",
                        "case.events",
                        "alerts",
                        "key-persons")
                .hasSize(SourceType.values().length * 3 + 3);
        assertThat(Topics.dwd(SourceType.PETITION).name()).isEqualTo("dwd.petition");
        assertThat(Topics.raw(SourceType.GRID).valueType()).isEqualTo(SourceType.GRID.recordType());
        assertThat(Topics.named("raw.police")).containsSame(Topics.raw(SourceType.POLICE));
        assertThat(Topics.named("raw.weather")).isEmpty();
    }

    @Test
    void onlyTheRegistryIsCompactedAndEveryTopicIsCreatedWithItsConfigs() {
        assertThat(Topics.all()).filteredOn(Topic::compacted).containsExactly(Topics.KEY_PERSONS);
        NewTopic registry = Topics.KEY_PERSONS.newTopic((short) 1);
        assertThat(registry.numPartitions()).isEqualTo(1);
        assertThat(registry.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.newTopics((short) 3))
                .hasSize(Topics.all().size())
                .allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 3));
    }

    @Test
    void valuesRoundTripAsThePlatformsJsonAndKeysAsText() {
        Alert a =
                new Alert(1, "repeat_petition:k1", "repeat_petition", AlertLevel.RED, "k1", List.of("XF1"), "重复信访", T);
        byte[] bytes = Topics.ALERTS.valueSerde().serializer().serialize("alerts", a);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(Json.write(a));
        assertThat(Topics.ALERTS.valueSerde().deserializer().deserialize("alerts", bytes))
                .isEqualTo(a);
        assertThat(Topics.ALERTS.keySerde().serializer().serialize("alerts", "网格-1"))
                .isEqualTo("网格-1".getBytes(StandardCharsets.UTF_8));

        byte[] petition = SampleRecords.petitionJson().getBytes(StandardCharsets.UTF_8);
        SourceRecord read =
                Topics.raw(SourceType.PETITION).valueSerde().deserializer().deserialize("raw.petition", petition);
        assertThat(read).isInstanceOf(Petition.class);
        assertThat(Topics.KEY_PERSONS.valueSerde().serializer().serialize("key-persons", null))
                .isNull();
        assertThat(Topics.KEY_PERSONS.valueSerde().deserializer().deserialize("key-persons", null))
                .isNull();
    }

    @Test
    void anInvalidValueFailsWithEveryViolationOrComesBackAsThem() {
        byte[] bad = "{\"schema_version\":1,\"alert_id\":\"A1\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Topics.ALERTS.valueSerde().deserializer().deserialize("alerts", bad))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("invalid value on alerts: rule: required field is missing");
        JsonSerde<Alert> serde = (JsonSerde<Alert>) Topics.ALERTS.valueSerde();
        assertThat(serde.decode(bad).firstField()).isEqualTo("rule");
        JsonSerde<JsonNode> registry = (JsonSerde<JsonNode>) Topics.KEY_PERSONS.valueSerde();
        assertThat(registry.decode("[1]".getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo("$: expected a JSON object");
    }

    @Test
    void valueSerdesSerializeForFlink() throws Exception {
        Object copy = roundTrip(Topics.raw(SourceType.HOTLINE).valueSerde());
        assertThat(((JsonSerde<?>) copy)
                        .decode(SampleRecords.hotlineJson().getBytes(StandardCharsets.UTF_8))
                        .isValid())
                .isTrue();
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream s = new ObjectOutputStream(out)) {
            s.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            return in.readObject();
        }
    }
}

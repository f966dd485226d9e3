package org.gridgov.common.kafka;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic of the platform: its name, what its keys and values are and how they are (de)serialised, and how a
 * new cluster creates it. The serdes are plain Kafka ones: {@code new KafkaProducer<>(props,
 * topic.keySerde().serializer(), topic.valueSerde().serializer())}; Flink sources and sinks wrap the same serializers
 * and deserializers. Kafka's serdes are not {@code Serializable}: Flink functions reach a topic through the static
 * {@link Topics} registry, never hold one in a field.
 *
 * @param valueType  the type of the values (a raw topic's: its source's record type)
 * @param partitions partitions of a newly created topic (the key decides the partition, so records of one key keep
 *                   their order)
 * @param configs    topic configs of a newly created topic, e.g. {@code cleanup.policy=compact}
 */
public record Topic<K, V>(
        String name,
        String description,
        Serde<K> keySerde,
        Class<? extends V> valueType,
        Serde<V> valueSerde,
        int partitions,
        Map<String, String> configs) {

    public Topic {
        Objects.requireNonNull(name);
        Objects.requireNonNull(keySerde);
        Objects.requireNonNull(valueType);
        Objects.requireNonNull(valueSerde);
        configs = Map.copyOf(configs);
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": at least one partition");
        }
    }

    /** What an admin client creates for this topic; replication is the cluster's business (1 on one broker). */
    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    /** The same topic under another name, e.g. the registry under {@code alerts.registry-topic}. */
    public Topic<K, V> withName(String newName) {
        return new Topic<>(newName, description, keySerde, valueType, valueSerde, partitions, configs);
    }

    public boolean compacted() {
        return "compact".equals(configs.get("cleanup.policy"));
    }

    @Override
    public String toString() {
        return name;
    }
}

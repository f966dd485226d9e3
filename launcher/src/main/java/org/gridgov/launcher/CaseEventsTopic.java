package org.gridgov.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.gridgov.common.kafka.Topic;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.CaseEvent;
import org.gridgov.common.model.CaseEventType;

/**
 * The case service's events as any consumer sees them: read from {@code case.events}, where its outbox relay
 * publishes them. The service's tables are its own; nothing outside it reads them.
 */
final class CaseEventsTopic {

    private CaseEventsTopic() {}

    /**
     * How many distinct events of one case are on the topic once each of the {@code expected} types has arrived, or
     * when {@code timeout} runs out. Delivery is at-least-once, so an event sent twice counts once (by its id).
     */
    static long published(String bootstrapServers, String caseId, Set<CaseEventType> expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "gridgov-demo-case-events");
        Map<String, CaseEventType> typeById = new HashMap<>();
        Topic<String, CaseEvent> topic = Topics.CASE_EVENTS;
        // assigned, not subscribed: no consumer group to join, so the first poll already reads
        try (KafkaConsumer<String, CaseEvent> consumer = new KafkaConsumer<>(
                p, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.nanoTime() + timeout.toNanos();
            while (!typeById.values().containsAll(expected) && System.nanoTime() < end) {
                for (ConsumerRecord<String, CaseEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (caseId.equals(r.key())) {
                        typeById.put(r.value().eventId(), r.value().type());
                    }
                }
            }
        }
        return typeById.size();
    }

    /**
     * How many of {@code caseIds} have each of the {@code expected} types on the topic, waiting until all have or
     * {@code timeout} runs out: the demo's walked cases must be on {@code case.events} before the bounded ODS loader
     * starts, since it reads up to the offsets it finds when it starts.
     */
    static int complete(String bootstrapServers, Map<String, Set<CaseEventType>> expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "gridgov-demo-case-events");
        Map<String, Set<CaseEventType>> seen = new HashMap<>();
        Topic<String, CaseEvent> topic = Topics.CASE_EVENTS;
        try (KafkaConsumer<String, CaseEvent> consumer = new KafkaConsumer<>(
                p, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.nanoTime() + timeout.toNanos();
            while (done(expected, seen) < expected.size() && System.nanoTime() < end) {
                for (ConsumerRecord<String, CaseEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    if (expected.containsKey(r.key())) {
                        seen.computeIfAbsent(r.key(), k -> java.util.EnumSet.noneOf(CaseEventType.class))
                                .add(r.value().type());
                    }
                }
            }
        }
        return done(expected, seen);
    }

    private static int done(Map<String, Set<CaseEventType>> expected, Map<String, Set<CaseEventType>> seen) {
        int n = 0;
        for (Map.Entry<String, Set<CaseEventType>> e : expected.entrySet()) {
            if (seen.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue())) {
                n++;
            }
        }
        return n;
    }
}

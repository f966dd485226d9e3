package org.gridgov.cases.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;

import org.gridgov.common.kafka.Topic;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of the transactional outbox: an event is a row written in the same transaction as the change it
 * describes, so a rolled-back change publishes nothing and a committed one is never lost, whatever Kafka is doing.
 * {@link OutboxRelay} publishes the rows afterwards. The payload is stored as the topic's value serde writes it (the
 * platform's JSON), so the relay sends exactly what was committed.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <V> void append(Topic<String, V> topic, String eventId, String key, V payload) {
        String value = new String(topic.valueSerde().serializer().serialize(topic.name(), payload),
                StandardCharsets.UTF_8);
        jdbc.update("INSERT INTO outbox_event (event_id, topic, msg_key, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                eventId, topic.name(), key, value, LocalDateTime.now(clock));
    }
}

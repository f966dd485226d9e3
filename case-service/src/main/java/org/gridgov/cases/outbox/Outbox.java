package org.gridgov.cases.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.cases.jdbc.WriteBatch;
import org.gridgov.common.kafka.Topic;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox ({@code outbox_event}). The write side: an event is a row written in the same transaction
 * as the change it describes, so a rolled-back change publishes nothing and a committed one is never lost, whatever
 * Kafka is doing. {@link OutboxRelay} claims, publishes and marks the rows afterwards through the other methods
 * (public because this bean is a transactional proxy, and only public methods surely reach the target).
 */
@Component
public class Outbox {

    /** A row waiting to be published. */
    public record Pending(long id, String topic, String key, String payload) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <V> void append(Topic<String, V> topic, String eventId, String key, V payload) {
        jdbc.update(INSERT, values(topic, eventId, key, payload));
    }

    /**
     * {@link #append} as part of the change's {@code rows}: the event row is written when the batch is sent, in the
     * same transaction as the change, so the outbox's promise holds as long as the caller sends the batch before its
     * transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <V> void append(WriteBatch rows, Topic<String, V> topic, String eventId, String key, V payload) {
        rows.add(INSERT, values(topic, eventId, key, payload));
    }

    private static final String INSERT =
            "INSERT INTO outbox_event (event_id, topic, msg_key, payload, created_at) VALUES (?, ?, ?, ?, ?)";

    private <V> Object[] values(Topic<String, V> topic, String eventId, String key, V payload) {
        String value =
                new String(topic.valueSerde().serializer().serialize(topic.name(), payload), StandardCharsets.UTF_8);
        return new Object[] {eventId, topic.name(), key, value, LocalDateTime.now(clock)};
    }

    /**
     * The oldest unpublished rows, locked until the caller's transaction ends; rows another instance has locked are
     * skipped, so two relays never publish the same batch at once.
     */
    public List<Pending> claim(int limit) {
        return jdbc.query(
                "SELECT id, topic, msg_key, payload FROM outbox_event"
                        + " WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                limit);
    }

    public void markPublished(List<Pending> rows, LocalDateTime at) {
        jdbc.batchUpdate(
                "UPDATE outbox_event SET published_at = ?, attempts = attempts + 1, last_error = NULL"
                        + " WHERE id = ?",
                rows,
                rows.size(),
                (ps, r) -> {
                    ps.setObject(1, at);
                    ps.setLong(2, r.id());
                });
    }

    /** Counts a failed attempt on each row and keeps the error (cut to the column's 500 characters). */
    public void markFailed(List<Long> ids, String error) {
        String e = error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.batchUpdate(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                ids,
                ids.size(),
                (ps, id) -> {
                    ps.setString(1, e);
                    ps.setLong(2, id);
                });
    }

    public long pending() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }
}

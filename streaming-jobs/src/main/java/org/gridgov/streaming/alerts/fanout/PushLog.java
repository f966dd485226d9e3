package org.gridgov.streaming.alerts.fanout;

import java.util.List;
import java.util.Optional;

/**
 * The webhook's memory of what it pushed, per channel: written before a post (claim) and after it (result), read to
 * skip alerts pushed before a restart and to pick up alerts still queued for a digest. Production: the warehouse
 * table {@code audit_alert_push} ({@link JdbcPushLog}).
 */
public interface PushLog extends AutoCloseable {

    enum Status {
        /** Claimed, post in flight. Found at start-up: the process died mid-post; not pushed again. */
        SENDING,
        SENT,
        /** Rate-limited (or to be retried), waits for the next digest. */
        QUEUED,
        DIGESTED,
        FAILED
    }

    /** One alert's line in the log. */
    record Entry(String alertId, String rule, String level, String title, Status status, int attempts) {

        Entry with(Status s, int n) {
            return new Entry(alertId, rule, level, title, s, n);
        }
    }

    Optional<Status> status(String alertId) throws Exception;

    /** Entries with {@link Status#QUEUED}, oldest first. */
    List<Entry> queued() throws Exception;

    /** How many entries are {@link Status#SENDING}. */
    int inFlight() throws Exception;

    /** Writes (upserts) the entries with the post's message id and the robot's answer. */
    void write(List<Entry> entries, String messageId, Integer httpStatus, String response) throws Exception;

    @Override
    void close() throws Exception;
}

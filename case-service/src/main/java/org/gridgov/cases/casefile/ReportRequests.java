package org.gridgov.cases.casefile;

import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code report_request}: the {@code Idempotency-Key} of a report, claimed by its unique key inside the
 * report's transaction (insert-or-get). A concurrent retry's INSERT waits on the first one's key until that
 * transaction ends: then it fails as a duplicate, and the row read back is the committed first report.
 */
@Repository
public class ReportRequests {

    /** A claimed key: the case it made and the hash of the report that made it. */
    public record Claimed(String caseId, String requestHash) {}

    private final JdbcTemplate jdbc;

    public ReportRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for {@code caseId}; empty if it is new, else the report that holds it. */
    public Optional<Claimed> claim(String createdBy, String key, String requestHash, String caseId, LocalDateTime now) {
        try {
            jdbc.update(
                    "INSERT INTO report_request (created_by, idempotency_key, request_hash, case_id, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    createdBy,
                    key,
                    requestHash,
                    caseId,
                    now);
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            // a locking read sees the committed row whatever this transaction's snapshot
            return jdbc
                    .query(
                            "SELECT case_id, request_hash FROM report_request WHERE created_by = ?"
                                    + " AND idempotency_key = ? LOCK IN SHARE MODE",
                            (rs, i) -> new Claimed(rs.getString(1), rs.getString(2)),
                            createdBy,
                            key)
                    .stream()
                    .findFirst();
        }
    }
}

package org.gridgov.cases.jdbc;

import org.gridgov.cases.CaseServiceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens {@link WriteBatch}es on the service's JdbcTemplate, in one round trip or, with {@code
 * gridgov.case.write-batches} off, one statement at a time (the way to compare the two, and to run without {@code
 * allowMultiQueries}).
 */
@Component
public class WriteBatches {

    private final JdbcTemplate jdbc;
    private final boolean oneRoundTrip;

    public WriteBatches(JdbcTemplate jdbc, CaseServiceProperties properties) {
        this.jdbc = jdbc;
        this.oneRoundTrip = properties.writeBatches();
    }

    /** An empty batch; the caller sends it inside its transaction. */
    public WriteBatch open() {
        return new WriteBatch(jdbc, oneRoundTrip);
    }
}

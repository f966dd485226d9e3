package org.gridgov.common.config;

import java.util.Locale;

/**
 * Doris' group commit for the writers' INSERTs ({@code warehouse.doris.group-commit}, Doris 2.1 and later): the FE
 * merges many small INSERT loads into one transaction instead of one transaction and one table version each. Set as
 * the session variable {@code group_commit} through the JDBC URL ({@code sessionVariables=group_commit=...}); older
 * Doris versions refuse the unknown variable, so it is off unless asked for.
 */
public enum DorisGroupCommit {
    /** Every INSERT is its own load (Doris before 2.1, or when in doubt). */
    OFF,
    /** Loads are merged and the INSERT returns once the merged transaction committed: rows visible at return. */
    SYNC_MODE,
    /**
     * The INSERT returns once its rows are in the write-ahead log; the merged commit follows within the table's
     * {@code group_commit_interval_ms}. Fastest, but rows become visible later than the checkpoint that wrote them.
     */
    ASYNC_MODE;

    /** The session variable's value: {@code off_mode}, {@code sync_mode}, {@code async_mode}. */
    public String sessionValue() {
        return this == OFF ? "off_mode" : name().toLowerCase(Locale.ROOT);
    }
}

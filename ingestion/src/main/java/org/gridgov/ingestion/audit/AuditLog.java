package org.gridgov.ingestion.audit;

/** Where reconciliation rows go: {@code audit_ingest} in the warehouse, or a list in tests. Thread-safe. */
@FunctionalInterface
public interface AuditLog {

    /** Stores the entry, replacing an earlier one with the same batch id. */
    void record(AuditEntry entry) throws Exception;

    /** An audit log that keeps nothing, for runs configured without one (the summary line still reports). */
    static AuditLog none() {
        return e -> {};
    }
}

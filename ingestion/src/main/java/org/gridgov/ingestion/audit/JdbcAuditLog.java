package org.gridgov.ingestion.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.gridgov.warehouse.IngestTables;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.WarehouseSettings;

/** Upserts audit rows into {@code audit_ingest}, one short connection per row (batches end seconds apart at most). */
public final class JdbcAuditLog implements AuditLog {

    private final WarehouseSettings access;
    private final JdbcUpserter upserter;

    public JdbcAuditLog(WarehouseSettings access) {
        this.access = access;
        this.upserter = new JdbcUpserter(access.dialect());
    }

    @Override
    public synchronized void record(AuditEntry entry) throws SQLException {
        try (Connection c = access.open()) {
            c.setAutoCommit(true);
            upserter.upsert(c, IngestTables.AUDIT_INGEST, List.of(entry.toRow()));
        }
    }
}

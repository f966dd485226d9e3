package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.bigint;
import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/**
 * Tables of ingestion audit (ingestion, issue 5). Listed in {@link WarehouseSchema#ALL}. File loads write their
 * rejected rows to {@link WarehouseSchema#DLQ_RECORD} (source = file name, dlq_id = file:line), so no extra
 * dead-letter table is needed here.
 */
public final class IngestTables {

    /**
     * One row per ingested batch (a file of a DataX job, a gateway input file, a gateway HTTP window): what came in,
     * what was loaded, what was rejected, and whether that reconciles with what the target holds afterwards. The id is
     * deterministic (pipeline, source, input), so a rerun replaces its row instead of adding one.
     */
    public static final Table AUDIT_INGEST = Table.builder("audit_ingest", Layer.AUDIT)
            .comment("入库对账 ingest reconciliation: records in = loaded + rejected, per batch or window")
            .key("batch_id", varchar(64), "deterministic batch id: pipeline, source and input")
            .required("pipeline", varchar(32), "datax-local, gateway-file, gateway-http or open311")
            .required("source", varchar(32), "来源系统 hotline/petition/arrears/police/grid")
            .required("input_name", varchar(200), "file name, source table or HTTP window")
            .required("target", varchar(64), "ODS table or Kafka topic the valid records went to")
            .required("started_time", datetime(), "batch start (district time)")
            .required("finished_time", datetime(), "batch end (district time)")
            .required("records_in", bigint(), "records read from the input")
            .required("records_loaded", bigint(), "records accepted and written (ODS upserts or raw topic)")
            .required("records_rejected", bigint(), "records rejected with a reason (dlq_record or dlq topic)")
            .required(
                    "duplicate_records",
                    bigint(),
                    "accepted records whose key repeated an earlier one (upserted onto one row)")
            .column(
                    "rows_verified",
                    bigint(),
                    "distinct target rows plus dead letters read back from the warehouse (file "
                            + "loads), or records Kafka acknowledged (gateway); NULL if not checked")
            .required("status", varchar(16), "OK, EMPTY, MISMATCH, LIMIT_EXCEEDED or FAILED")
            .column("message", varchar(1000), "why the status is not OK")
            .column("input_sha256", varchar(64), "SHA-256 of the input file, when the input is a file")
            .distributedBy(1, "batch_id")
            .build();

    /** Every table of this group, in creation order. */
    public static final List<Table> ALL = List.of(AUDIT_INGEST);

    private IngestTables() {}
}

package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.audit.AuditEntry.Status;
import org.gridgov.ingestion.testing.InMemoryWarehouse;
import org.gridgov.ingestion.testing.Jobs;
import org.gridgov.loading.pipeline.LoadPipeline;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.simulator.testing.GeneratedRecords;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load that does not reconcile is an error with an audit row saying so, never just a log line. */
class ReconciliationTest {

    private static final PiiProtector PII = new PiiProtector("gridgov-test-salt-2024-01");

    @TempDir
    Path dir;

    private DataxJob policeExport(int records) throws Exception {
        Path file = dir.resolve("police.csv");
        DataxJob job = Jobs.load("police_txtfile", Map.of("input_path", file.toString()));
        List<JsonNode> rows =
                GeneratedRecords.clean(4000).parsed(SourceType.POLICE).subList(0, records);
        try (ExportWriter w = new ExportWriter(job, file, false)) {
            for (JsonNode r : rows) {
                w.write(r);
            }
        }
        return job;
    }

    private static LocalDataxRunner runner(
            DataxJob job, java.util.function.Supplier<BatchWriter> writers, List<AuditEntry> audits) {
        return new LocalDataxRunner(
                job,
                LocalDataxRunner.assembler(job, PII),
                writers,
                audits::add,
                new LoadPipeline.Settings(2, 2, 50, true, 0),
                1 << 20,
                false,
                null);
    }

    @Test
    void rowsThatDoNotArriveMakeTheBatchAMismatchAndTheJobFail() throws Exception {
        DataxJob job = policeExport(300);
        InMemoryWarehouse warehouse = new InMemoryWarehouse();
        // a writer that reports success but silently drops every 7th row, as a broken load path would
        java.util.function.Supplier<BatchWriter> lossy = () -> new BatchWriter() {
            private final BatchWriter real = warehouse.writer();
            private int seen;

            @Override
            public void write(Map<Table, List<TableRow>> rows) throws Exception {
                Map<Table, List<TableRow>> kept = new java.util.LinkedHashMap<>();
                rows.forEach((t, r) -> {
                    List<TableRow> k = new ArrayList<>();
                    for (TableRow row : r) {
                        if (++seen % 7 != 0) {
                            k.add(row);
                        }
                    }
                    kept.put(t, k);
                });
                real.write(kept);
            }

            @Override
            public int countPresent(Table table, Collection<TableRow> rows) throws Exception {
                return real.countPresent(table, rows);
            }

            @Override
            public void close() throws Exception {
                real.close();
            }
        };
        List<AuditEntry> audits = new ArrayList<>();

        LocalDataxRunner.Report report = runner(job, lossy, audits).run();

        assertThat(report.ok()).isFalse();
        assertThat(report.summary()).contains("status=FAILED", "police.csv MISMATCH");
        assertThat(audits).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.MISMATCH);
            assertThat(a.recordsIn()).isEqualTo(300);
            assertThat(a.rowsVerified()).isLessThan(300);
            assertThat(a.message()).contains("found " + a.rowsVerified() + " rows in the warehouse, expected 300");
        });
    }

    @Test
    void aFailedWriteStopsTheJobAndLeavesAFailedAuditRow() throws Exception {
        DataxJob job = policeExport(250);
        InMemoryWarehouse warehouse = new InMemoryWarehouse();
        warehouse.failOnWrite(3);
        List<AuditEntry> audits = new ArrayList<>();

        assertThatThrownBy(() -> runner(job, warehouse::writer, audits).run())
                .hasMessageContaining("loading police.csv failed")
                .hasMessageContaining("injected write failure");
        assertThat(audits).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(Status.FAILED);
            assertThat(a.message()).contains("injected write failure");
        });
    }

    @Test
    void theSameInputLoadedTwiceGivesTheSameRowsAndReplacesItsAuditRow() throws Exception {
        DataxJob job = policeExport(300);
        InMemoryWarehouse warehouse = new InMemoryWarehouse();
        List<AuditEntry> audits = new ArrayList<>();
        runner(job, warehouse::writer, audits).run();
        List<TableRow> first = warehouse.rows(job.odsTable());
        runner(job, warehouse::writer, audits).run();

        assertThat(warehouse.rows(job.odsTable()))
                .containsExactlyInAnyOrderElementsOf(first)
                .hasSize(300);
        assertThat(audits).hasSize(2);
        assertThat(audits.get(0).batchId()).isEqualTo(audits.get(1).batchId());
        assertThat(audits.get(0).toRow()).isNotNull();
    }

    @Test
    void duplicatesWithinAFileBecomeOneRowTheLastVersionWinning() throws Exception {
        Path file = dir.resolve("hotline.csv");
        DataxJob job = Jobs.load("hotline_txtfile", Map.of("input_path", file.toString()));
        List<JsonNode> rows =
                GeneratedRecords.clean(4000).parsed(SourceType.HOTLINE).subList(0, 200);
        try (ExportWriter w = new ExportWriter(job, file, false)) {
            for (JsonNode r : rows) {
                w.write(r);
            }
            // the same cases again, updated: the later export line is the case's newer state
            for (JsonNode r : rows.subList(0, 50)) {
                com.fasterxml.jackson.databind.node.ObjectNode updated = r.deepCopy();
                updated.put("department", "区应急管理局");
                w.write(updated);
            }
        }
        InMemoryWarehouse warehouse = new InMemoryWarehouse();
        List<AuditEntry> audits = new ArrayList<>();

        runner(job, warehouse::writer, audits).run();

        assertThat(audits.get(0).duplicates()).isEqualTo(50);
        assertThat(audits.get(0).rowsVerified()).isEqualTo(200);
        assertThat(audits.get(0).status()).isEqualTo(Status.OK);
        assertThat(warehouse.rows(job.odsTable()))
                .hasSize(200)
                .filteredOn(r -> "区应急管理局".equals(r.value(job.odsTable(), "department")))
                .hasSize(50);
    }
}

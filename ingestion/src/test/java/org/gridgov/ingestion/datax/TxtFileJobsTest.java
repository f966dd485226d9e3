package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.testing.InMemoryWarehouse;
import org.gridgov.ingestion.testing.Jobs;
import org.gridgov.loading.OdsMapper;
import org.gridgov.loading.pipeline.LoadPipeline;
import org.gridgov.loading.pipeline.LoadResult;
import org.gridgov.simulator.testing.GeneratedRecords;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped txtfilereader job loads an export of generated records (with the generator's ~2 % broken ones) into
 * exactly the rows the streaming path would write for the same records: same validation, same PII protection.
 */
class TxtFileJobsTest {

    private static final String SALT = "gridgov-test-salt-2024-01";
    private static final PiiProtector PII = new PiiProtector(SALT);

    static List<String> jobs() {
        return Jobs.TXTFILE;
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void loadsTheSameRowsAsTheStreamingPath(String name, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(name + ".export");
        DataxJob job = Jobs.load(name, Map.of("input_path", file.toString()));
        List<JsonNode> records =
                GeneratedRecords.withDefects(4000).parsed(job.transform().source());
        try (ExportWriter w = new ExportWriter(job, file, job.name().contains("gbk"))) {
            for (JsonNode r : records) {
                w.write(r);
            }
        }
        InMemoryWarehouse warehouse = new InMemoryWarehouse();
        List<AuditEntry> audits = new java.util.ArrayList<>();
        LocalDataxRunner runner = new LocalDataxRunner(
                job,
                LocalDataxRunner.assembler(job, PII),
                warehouse::writer,
                audits::add,
                new LoadPipeline.Settings(2, 2, 100, true, 0),
                1 << 20,
                false,
                null);

        LocalDataxRunner.Report report = runner.run();

        // what the streaming loader makes of the same records
        RecordDecoder decoder = RecordDecoder.standard();
        OdsMapper mapper = new OdsMapper(PII, District.licheng(), CategoryCatalog.standard());
        Set<TableRow> expectedOds = new HashSet<>();
        int invalid = 0;
        for (JsonNode r : records) {
            Decoded<SourceRecord> d = decoder.decode(job.transform().source(), r.toString());
            if (d.isValid()) {
                expectedOds.add(mapper.rows(d.value()).get(0));
            } else {
                invalid++;
            }
        }
        LoadResult result = report.results().get(0);
        assertThat(result.read()).isEqualTo(records.size());
        assertThat(result.rejected()).isEqualTo(invalid).isPositive();
        assertThat(result.accepted()).isEqualTo(records.size() - invalid);
        assertThat(result.countsReconcile()).isTrue();
        assertThat(result.verified()).isEqualTo(records.size() - result.duplicates());
        assertThat(new HashSet<>(warehouse.rows(job.odsTable()))).isEqualTo(expectedOds);
        assertThat(warehouse.count(WarehouseSchema.DLQ_RECORD)).isEqualTo(invalid);
        assertThat(warehouse.rows(WarehouseSchema.DLQ_RECORD)).allSatisfy(dlq -> {
            assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "reason")).isNotBlank();
            assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "dlq_id")).startsWith(file.getFileName() + ":");
            assertThat(dlq.value(WarehouseSchema.DLQ_RECORD, "source"))
                    .isEqualTo(file.getFileName().toString());
        });
        assertThat(report.ok()).isTrue();
        assertThat(audits).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AuditEntry.Status.OK);
            assertThat(a.recordsIn()).isEqualTo(records.size());
            assertThat(a.inputSha256()).hasSize(64);
        });
    }
}

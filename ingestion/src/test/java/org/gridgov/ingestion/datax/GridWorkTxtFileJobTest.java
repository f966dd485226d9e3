package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.testing.InMemoryWarehouse;
import org.gridgov.ingestion.testing.Jobs;
import org.gridgov.loading.OdsMapper;
import org.gridgov.loading.pipeline.LoadPipeline;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid records of schema version 2 (issue 16) through the grid app's gzip CSV export: the patrol track travels as one
 * quoted cell of JSON, mediations with Chinese labels, and every ODS and dwd_grid_* row is the one the streaming
 * path writes for the same record.
 */
class GridWorkTxtFileJobTest {

    private static final PiiProtector PII = new PiiProtector("gridgov-test-salt-2024-01");
    /** The first days of a month with the grid workers' attendance and tracked patrols. */
    private static final int RECORDS = 3_000;

    /** Stops the generator once the test has its records. */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void attendancePatrolTracksAndMediationsLoadAsTheStreamingPathLoadsThem(@TempDir Path dir) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        try {
            new SyntheticDataGenerator(new GeneratorSpec(20240201L, YearMonth.of(2024, 2), 1, 1_000, 0.02, true))
                    .generate((source, key, json) -> {
                        if (records.size() == RECORDS) {
                            throw new Enough();
                        }
                        if (source == SourceType.GRID) {
                            try {
                                records.add(Json.mapper().readTree(json));
                            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                                // a line the generator cut in half on purpose: no export could contain it
                            }
                        }
                    });
        } catch (Enough e) {
            // the first days are enough; the rest of the month would only cost time
        }
        assertThat(records).hasSize(RECORDS);
        Path file = dir.resolve("grid.csv.gz");
        DataxJob job = Jobs.load("grid_txtfile_gzip", Map.of("input_path", file.toString()));
        try (ExportWriter w = new ExportWriter(job, file, true)) {
            for (JsonNode r : records) {
                w.write(r);
            }
        }
        InMemoryWarehouse warehouse = new InMemoryWarehouse();
        LocalDataxRunner runner = new LocalDataxRunner(
                job,
                LocalDataxRunner.assembler(job, PII),
                warehouse::writer,
                e -> {},
                new LoadPipeline.Settings(2, 2, 100, true, 0),
                1 << 20,
                false,
                null);

        LocalDataxRunner.Report report = runner.run();

        RecordDecoder decoder = RecordDecoder.standard();
        OdsMapper mapper = new OdsMapper(PII, District.licheng(), CategoryCatalog.standard());
        Set<TableRow> expected = new HashSet<>();
        int invalid = 0;
        for (JsonNode r : records) {
            Decoded<SourceRecord> d = decoder.decode(SourceType.GRID, r.toString());
            if (d.isValid()) {
                expected.addAll(mapper.rows(d.value()));
            } else {
                invalid++;
            }
        }
        assertThat(report.ok()).isTrue();
        assertThat(report.results().get(0).rejected()).isEqualTo(invalid);
        Set<TableRow> loaded = new HashSet<>(warehouse.rows(WarehouseSchema.ODS_GRID_RECORD));
        for (Table t : GridWorkTables.ALL) {
            loaded.addAll(warehouse.rows(t));
        }
        assertThat(loaded).isEqualTo(expected);
        assertThat(warehouse.count(GridWorkTables.DWD_GRID_ATTENDANCE)).isPositive();
        assertThat(warehouse.count(GridWorkTables.DWD_GRID_PATROL)).isPositive();
        assertThat(warehouse.rows(WarehouseSchema.ODS_GRID_RECORD))
                .filteredOn(
                        r -> r.value(WarehouseSchema.ODS_GRID_RECORD, "kind").equals("PATROL"))
                .allSatisfy(r -> assertThat(r.value(WarehouseSchema.ODS_GRID_RECORD, "detail"))
                        .startsWith("{\"track\":[[0,"));
    }
}

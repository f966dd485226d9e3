package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.ingestion.testing.InMemoryWarehouse;
import org.gridgov.ingestion.testing.Jobs;
import org.gridgov.loading.pipeline.LoadPipeline;
import org.gridgov.simulator.testing.GeneratedRecords;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-over to stock DataX: staged CSVs hold exactly the rows a direct load writes, and the generated plain
 * DataX jobs read them back into the right tables with no credential and no clear PII in any file.
 */
class StagingAreaTest {

    private static final String SALT = "gridgov-test-salt-2024-01";

    @Test
    void stagedRowsAndJobsMatchADirectLoad(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("hotline-20240131.csv");
        DataxJob job = Jobs.load("hotline_txtfile", Map.of("input_path", export.toString()));
        List<JsonNode> records = GeneratedRecords.withDefects(3000).parsed(SourceType.HOTLINE);
        Set<String> clear = new HashSet<>();
        try (ExportWriter w = new ExportWriter(job, export, false)) {
            for (JsonNode r : records) {
                w.write(r);
                for (String f : List.of("caller_id_card", "caller_phone")) {
                    if (r.hasNonNull(f)) {
                        clear.add(r.get(f).asText());
                    }
                }
            }
        }
        Path jobFile = dir.resolve("hotline_txtfile.json");
        Files.writeString(jobFile, Jobs.text("hotline_txtfile"));
        Path stage = dir.resolve("stage");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = LocalDataxRunner.run(
                new String[] {
                    jobFile.toString(),
                    "--param.input_path=" + export,
                    "--param.doris_password=S3CRET-never-in-a-file",
                    "--ingest.stage-dir=" + stage,
                    "--pii.salt=" + SALT,
                    "--ingest.progress-interval=0"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("staged=", "datax_jobs=[ods_hotline_case.datax.json");
        InMemoryWarehouse direct = new InMemoryWarehouse();
        new LocalDataxRunner(
                        job,
                        LocalDataxRunner.assembler(job, new PiiProtector(SALT)),
                        direct::writer,
                        e -> {},
                        new LoadPipeline.Settings(2, 2, 500, true, 0),
                        1 << 20,
                        false,
                        null)
                .run();
        Path staged = stage.resolve("hotline_txtfile");
        for (Table t : List.of(
                WarehouseSchema.ODS_HOTLINE_CASE, WarehouseSchema.DWD_HOTLINE_CASE, WarehouseSchema.DLQ_RECORD)) {
            Path jobJson = staged.resolve(t.name() + ".datax.json");
            String text = Files.readString(jobJson);
            assertThat(text).doesNotContain("S3CRET").contains("${doris_password}", "${doris_jdbc_url}");
            JsonNode content = Json.mapper().readTree(text).at("/job/content/0");
            assertThat(content.has("transformer")).isFalse();
            List<String> writerColumns = new ArrayList<>();
            content.at("/writer/parameter/column").forEach(c -> writerColumns.add(c.asText()));
            assertThat(writerColumns).isEqualTo(t.columnNames());
            assertThat(content.at("/reader/parameter/column").size())
                    .isEqualTo(t.columns().size());
            assertThat(content.at("/writer/parameter/connection/0/table/0").asText())
                    .isEqualTo(t.name());

            List<TableRow> rows = readStaged(content.at("/reader/parameter"), t);
            assertThat(new HashSet<>(rows)).as(t.name()).isEqualTo(new HashSet<>(direct.rows(t)));
            String csv = Files.readString(staged.resolve(t.name() + ".csv"));
            assertThat(FuzzLoadTest.clearNumbersIn(csv, clear))
                    .as("clear PII in %s", t.name())
                    .isEmpty();
        }
        assertThat(Files.readString(staged.resolve("audit_ingest.csv"))).contains("hotline-20240131.csv");
    }

    /** Reads a staged file the way the staged job's txtfilereader declares it. */
    private static List<TableRow> readStaged(JsonNode p, Table t) throws Exception {
        List<DataxJob.Column> cols = new ArrayList<>();
        p.get("column").forEach(c -> cols.add(new DataxJob.Column(c.get("index").asInt(), null, "string", null)));
        DataxJob.TxtFileReader spec = new DataxJob.TxtFileReader(
                List.of(p.get("path").get(0).asText()),
                p.get("encoding").asText(),
                p.get("fieldDelimiter").asText().charAt(0),
                p.get("skipHeader").asBoolean(),
                p.get("nullFormat").asText(),
                true,
                "",
                cols);
        List<TableRow> rows = new ArrayList<>();
        try (TextFileRecordReader r =
                new TextFileRecordReader(Path.of(spec.paths().get(0)), spec, 1 << 20)) {
            InputRecord in;
            while ((in = r.next()) != null) {
                assertThat(in.readError()).as("staged line %d", in.line()).isNull();
                rows.add(new TableRow(t.name(), unNull(in.cells(), in.payload())));
            }
        }
        return rows;
    }

    /** The reader maps empty cells to null too; a staged "" (quoted) is an empty string. */
    private static String[] unNull(String[] cells, String line) {
        List<String> raw =
                java.util.Arrays.asList(CsvCells.of(',', true).parse(line).cells());
        String[] out = cells.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null && !raw.get(i).equals("\\N")) {
                out[i] = raw.get(i);
            }
        }
        return out;
    }
}

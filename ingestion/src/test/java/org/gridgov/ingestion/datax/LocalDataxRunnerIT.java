package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.embedded.EmbeddedWarehouse;
import org.gridgov.ingestion.testing.FuzzCorpus;
import org.gridgov.ingestion.testing.Jobs;
import org.gridgov.ingestion.testing.SourceDatabase;
import org.gridgov.loading.write.JdbcBatchWriter;
import org.gridgov.simulator.testing.GeneratedRecords;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped job file runs through the local runner's main against MariaDB: txtfilereader jobs on generated
 * exports, mysqlreader jobs on a source database in the same server. The warehouse then holds exactly the valid
 * records, one dead letter per rejected one and one audit row per input; a rerun changes nothing.
 */
class LocalDataxRunnerIT {

    private static final String SALT = "gridgov-test-salt-2024-01";
    private static EmbeddedWarehouse warehouse;

    @BeforeAll
    static void start() {
        warehouse = EmbeddedWarehouse.start();
    }

    @AfterAll
    static void stop() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement()) {
            for (String t : List.of(
                    "ods_hotline_case",
                    "ods_petition",
                    "ods_arrears_case",
                    "ods_police_incident",
                    "ods_grid_record",
                    "dwd_hotline_case",
                    "dlq_record",
                    "audit_ingest")) {
                s.execute("DELETE FROM " + t);
            }
        }
    }

    static List<String> txtJobs() {
        return Jobs.TXTFILE;
    }

    static List<String> mysqlJobs() {
        return Jobs.MYSQL;
    }

    private record Run(int exit, String out, String err) {}

    private static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--warehouse.jdbc-url=" + warehouse.jdbcUrl());
        all.add("--warehouse.user=" + EmbeddedWarehouse.USER);
        all.add("--warehouse.password=" + EmbeddedWarehouse.PASSWORD);
        all.add("--warehouse.dialect=mysql");
        all.add("--pii.salt=" + SALT);
        all.add("--ingest.progress-interval=0");
        int code = LocalDataxRunner.run(
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("txtJobs")
    void txtFileJobLoadsValidRecordsAndDeadLettersTheRestIdempotently(String name, @TempDir Path dir) throws Exception {
        Path jobFile = dir.resolve(name + ".json");
        Files.writeString(jobFile, Jobs.text(name));
        Path export = dir.resolve(name + "-20240131.export");
        DataxJob job = Jobs.load(name, Map.of("input_path", export.toString()));
        List<JsonNode> records =
                GeneratedRecords.withDefects(3000).parsed(job.transform().source());
        try (ExportWriter w = new ExportWriter(job, export, name.contains("gbk"))) {
            for (JsonNode r : records) {
                w.write(r);
            }
        }
        long invalid = invalid(job, records);

        Run first = main("--ingest.job=" + jobFile, "--param.input_path=" + export);
        Run second = main("--ingest.job=" + jobFile, "--param.input_path=" + export);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(first.out().lines())
                .singleElement()
                .asString()
                .contains("status=OK", "read=" + records.size(), "rejected=" + invalid);
        try (Connection c = warehouse.connect()) {
            assertThat(count(c, "SELECT COUNT(*) FROM " + job.odsTable().name()))
                    .isEqualTo(records.size() - invalid);
            String source = Positions.source(export.getFileName().toString());
            assertThat(count(c, "SELECT COUNT(*) FROM dlq_record WHERE source = '" + source + "'"))
                    .isEqualTo(invalid);
            assertThat(count(c, "SELECT COUNT(*) FROM audit_ingest")).isEqualTo(1);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT records_in, records_loaded, records_rejected, rows_verified, status, input_sha256 "
                                    + "FROM audit_ingest")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(records.size());
                assertThat(rs.getLong(2) + rs.getLong(3)).isEqualTo(rs.getLong(1));
                assertThat(rs.getLong(4)).isEqualTo(records.size());
                assertThat(rs.getString(5)).isEqualTo("OK");
                assertThat(rs.getString(6)).hasSize(64);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("mysqlJobs")
    void mysqlJobReadsTheSourceTableIncrementally(String name, @TempDir Path dir) throws Exception {
        Path jobFile = dir.resolve(name + ".json");
        Files.writeString(jobFile, Jobs.text(name));
        DataxJob job = Jobs.load(name);
        List<JsonNode> records =
                GeneratedRecords.withDefects(3000).parsed(job.transform().source());
        int inserted;
        List<JsonNode> held = new ArrayList<>();
        try (Connection c = warehouse.connect()) {
            inserted = SourceDatabase.load(c, "src_system", job, records);
            for (JsonNode r : records) {
                if (SourceDatabase.fits(
                        r,
                        job.transform().fields().stream()
                                .filter(f -> !f.equals("schema_version"))
                                .toList())) {
                    held.add(r);
                }
            }
        }
        long invalid = invalid(job, held);
        String url = warehouse.jdbcUrl().replace("/gridgov?", "/src_system?");

        Run run = main(
                "--ingest.job=" + jobFile,
                "--param.src_jdbc_url=" + url,
                "--param.src_username=root",
                "--param.src_password=" + EmbeddedWarehouse.PASSWORD,
                "--param.since=2000-01-01 00:00:00");
        Run none = main(
                "--ingest.job=" + jobFile,
                "--param.src_jdbc_url=" + url,
                "--param.src_username=root",
                "--param.src_password=" + EmbeddedWarehouse.PASSWORD,
                "--param.since=2999-01-01 00:00:00",
                "--ingest.allow-empty=true");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("read=" + inserted, "rejected=" + invalid);
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).contains("read=0");
        try (Connection c = warehouse.connect()) {
            assertThat(count(c, "SELECT COUNT(*) FROM " + job.odsTable().name()))
                    .isEqualTo(inserted - invalid);
            assertThat(count(c, "SELECT COUNT(*) FROM dlq_record")).isEqualTo(invalid);
        }
    }

    @Test
    void fuzzCorpusReconcilesInTheWarehouse(@TempDir Path dir) throws Exception {
        FuzzCorpus corpus = new FuzzCorpus(7L);
        List<FuzzCorpus.FileSpec> files = corpus.write(dir, 300, 10);
        Path jobFile = dir.resolve("hotline_txtfile.json");
        Files.writeString(jobFile, Jobs.text("hotline_txtfile"));

        Run run = main(
                "--ingest.job=" + jobFile, "--param.input_path=" + dir.resolve("*.csv"), "--ingest.allow-empty=true");

        long rejected = files.stream().mapToLong(FuzzCorpus.FileSpec::rejected).sum();
        long distinct =
                files.stream().mapToLong(FuzzCorpus.FileSpec::distinctValid).sum();
        long in = files.stream().mapToLong(FuzzCorpus.FileSpec::records).sum();
        // the malformed-heavy files exceed the job's errorLimit: loaded and dead-lettered, but the job fails
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("status=FAILED", "read=" + in, "rejected=" + rejected, "LIMIT_EXCEEDED");
        try (Connection c = warehouse.connect()) {
            assertThat(count(c, "SELECT COUNT(*) FROM dlq_record")).isEqualTo(rejected);
            assertThat(count(c, "SELECT COUNT(*) FROM dlq_record WHERE reason = '' OR error_field = ''"))
                    .isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM ods_hotline_case")).isEqualTo(distinct);
            assertThat(count(c, "SELECT COUNT(*) FROM audit_ingest")).isEqualTo(files.size());
            assertThat(count(c, "SELECT SUM(records_in) FROM audit_ingest")).isEqualTo(in);
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM audit_ingest WHERE records_in <> records_loaded + "
                                    + "records_rejected OR rows_verified <> records_in - duplicate_records"))
                    .isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM audit_ingest WHERE status = 'EMPTY'"))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bothWritePathsKeepEveryCharacterAndNull(boolean bulk) throws Exception {
        Table t = WarehouseSchema.DLQ_RECORD;
        String nasty = "tab\there\nnew line\r\\N back\\slash 'quote' \"dq\" 生僻字𠀀 \\t";
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String[] v = {
                "nasty-" + bulk + "-" + i, "src", i % 2 == 0 ? null : "", "f", nasty + i, nasty, "2024-01-01 00:00:00"
            };
            rows.add(new TableRow(t.name(), v));
        }
        WarehouseSettings access = new WarehouseSettings(
                warehouse.jdbcUrl(), EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD, SqlDialect.MYSQL);
        Path dir = bulk ? LocalDataxRunner.bulkDirectory() : null;
        try (JdbcBatchWriter w = new JdbcBatchWriter(access, dir)) {
            w.write(Map.of(t, rows));
            w.write(Map.of(t, rows)); // again: replaces, never duplicates
            assertThat(w.countPresent(t, rows)).isEqualTo(5);
        } finally {
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        }
        try (Connection c = warehouse.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT dlq_id, record_key, reason, payload FROM dlq_record "
                        + "WHERE dlq_id LIKE 'nasty-" + bulk + "-%' ORDER BY dlq_id")) {
            int i = 0;
            while (rs.next()) {
                assertThat(rs.getString(2)).isEqualTo(i % 2 == 0 ? null : "");
                assertThat(rs.getString(3)).isEqualTo(nasty + i);
                assertThat(rs.getString(4)).isEqualTo(nasty);
                i++;
            }
            assertThat(i).isEqualTo(5);
        }
    }

    @Test
    void theMultiRowUpsertPathLoadsTheSameAsTheBulkPath(@TempDir Path dir) throws Exception {
        Path jobFile = dir.resolve("police_txtfile.json");
        Files.writeString(jobFile, Jobs.text("police_txtfile"));
        Path export = dir.resolve("police.csv");
        DataxJob job = Jobs.load("police_txtfile", Map.of("input_path", export.toString()));
        List<JsonNode> records =
                GeneratedRecords.withDefects(3000).parsed(job.transform().source());
        try (ExportWriter w = new ExportWriter(job, export, false)) {
            for (JsonNode r : records) {
                w.write(r);
            }
        }
        Run run = main("--ingest.job=" + jobFile, "--param.input_path=" + export, "--ingest.bulk-load=false");
        assertThat(run.exit()).as(run.err()).isZero();
        try (Connection c = warehouse.connect()) {
            assertThat(count(c, "SELECT COUNT(*) FROM ods_police_incident"))
                    .isEqualTo(records.size() - invalid(job, records));
        }
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsMissing(@TempDir Path dir) throws Exception {
        assertThat(main().err()).contains("no job: give --ingest.job=<job.json>");
        assertThat(main().exit()).isEqualTo(2);
        Path jobFile = dir.resolve("police_txtfile.json");
        Files.writeString(jobFile, Jobs.text("police_txtfile"));
        Run noParam = main("--ingest.job=" + jobFile);
        assertThat(noParam.exit()).isEqualTo(2);
        assertThat(noParam.err()).contains("input_path (--param.input_path=... or GRIDGOV_PARAM_INPUT_PATH)");
        Run noFile = main("--ingest.job=" + jobFile, "--param.input_path=" + dir.resolve("missing.csv"));
        assertThat(noFile.exit()).isEqualTo(1);
        assertThat(noFile.err()).contains("no file matches");
    }

    private static long invalid(DataxJob job, List<JsonNode> records) {
        RecordDecoder decoder = RecordDecoder.standard();
        long invalid = 0;
        for (JsonNode r : records) {
            Decoded<SourceRecord> d = decoder.decode(job.transform().source(), r.toString());
            if (!d.isValid()) {
                invalid++;
            }
        }
        return invalid;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

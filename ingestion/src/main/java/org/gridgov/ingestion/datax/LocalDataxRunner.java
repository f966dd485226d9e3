package org.gridgov.ingestion.datax;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.io.Directories;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.api.IngestOptions;
import org.gridgov.ingestion.api.IngestionCommand;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.audit.AuditEntry.Status;
import org.gridgov.ingestion.audit.AuditLog;
import org.gridgov.ingestion.audit.JdbcAuditLog;
import org.gridgov.loading.pipeline.LoadPipeline;
import org.gridgov.loading.pipeline.LoadResult;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.loading.write.JdbcBatchWriter;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * Runs a DataX job file locally, where DataX cannot run: reads the inputs the job's reader names (every file of a
 * {@code txtfilereader} path, every table or query of a {@code mysqlreader}), validates and protects each record with
 * the code of the streaming path, upserts the ODS (and DWD) rows the job's {@code doriswriter} names into the
 * warehouse of {@code warehouse.*}, and dead-letters every rejected record into {@code dlq_record} with its
 * {@code file:line} and reason. Each input is one batch with one reconciliation row in {@code audit_ingest}; a batch
 * that does not reconcile, an empty input and an exceeded {@code errorLimit} fail the job.
 *
 * <p>{@code main}: {@code --ingest.job=<job.json> [--param.<name>=<value> ...] --warehouse.jdbc-url=...
 * --warehouse.dialect=mysql|doris}, secrets from GRIDGOV_PII_SALT, GRIDGOV_WAREHOUSE_PASSWORD and
 * GRIDGOV_PARAM_&lt;NAME&gt;. Progress goes to stderr, one summary line to stdout; exit 0 when every batch is OK,
 * 1 when one is not, 2 on a usage or configuration error.
 */
public final class LocalDataxRunner implements AutoCloseable {

    public static final String PIPELINE = "datax-local";

    /** The outcome of a job: one result and one audit entry per input, and the line printed on stdout. */
    public record Report(DataxJob job, List<LoadResult> results, List<AuditEntry> audits, boolean ok, String summary) {}

    private final DataxJob job;
    private final RecordAssembler assembler;
    private final Supplier<BatchWriter> writers;
    private final AuditLog audit;
    private final LoadPipeline.Settings settings;
    private final int maxLineBytes;
    private final boolean allowEmpty;
    private final PrintStream progress;
    private final List<Path> scratch = new ArrayList<>();

    public LocalDataxRunner(
            DataxJob job,
            RecordAssembler assembler,
            Supplier<BatchWriter> writers,
            AuditLog audit,
            LoadPipeline.Settings settings,
            int maxLineBytes,
            boolean allowEmpty,
            PrintStream progress) {
        this.job = job;
        this.assembler = assembler;
        this.writers = writers;
        this.audit = audit;
        this.settings = settings;
        this.maxLineBytes = maxLineBytes;
        this.allowEmpty = allowEmpty;
        this.progress = progress;
    }

    /** The standard assembler: the district, the category catalogue and the system clock, with the given salt. */
    public static RecordAssembler assembler(DataxJob job, PiiProtector pii) {
        return RecordAssembler.standard(job, pii);
    }

    public Report run() throws Exception {
        job.requireRunnable();
        LoadPipeline pipeline = new LoadPipeline(
                job.odsTable(),
                writers,
                settings,
                progress == null
                        ? null
                        : (name, read, ok, bad, s) -> progress.printf(
                                Locale.ROOT,
                                "  %s: %,d read, %,d loaded, %,d rejected (%,.0f records/s)%n",
                                name,
                                read,
                                ok,
                                bad,
                                read / s));
        List<LoadResult> results = new ArrayList<>();
        List<AuditEntry> audits = new ArrayList<>();
        boolean ok = true;
        for (Input input : inputs()) {
            LocalDateTime started = LocalDateTime.now(RecordDecoder.ZONE).withNano(0);
            LoadResult result;
            try (RecordReader reader = input.open()) {
                // the dead letters' source and received time are the input's: the file name, its modification time
                String source = Positions.source(reader.inputName());
                LocalDateTime received = reader.receivedTime();
                result = pipeline.load(reader, in -> assembler.assemble(in, source, received));
            } catch (Exception e) {
                String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                audit.record(new AuditEntry(
                        batchId(input.name()),
                        PIPELINE,
                        job.transform().source().code(),
                        input.name(),
                        job.odsTable().name(),
                        started,
                        LocalDateTime.now(RecordDecoder.ZONE).withNano(0),
                        0,
                        0,
                        0,
                        0,
                        null,
                        Status.FAILED,
                        why,
                        null));
                throw new IllegalStateException("loading " + input.name() + " failed: " + why, e);
            }
            AuditEntry entry = audit(result);
            audit.record(entry);
            results.add(result);
            audits.add(entry);
            ok &= entry.status() == Status.OK || (entry.status() == Status.EMPTY && allowEmpty);
            if (progress != null) {
                progress.println("  " + describe(result, entry));
            }
        }
        return new Report(job, results, audits, ok, summary(results, audits, ok));
    }

    private AuditEntry audit(LoadResult r) {
        Status status = Status.OK;
        List<String> why = new ArrayList<>();
        if (!r.countsReconcile()) {
            status = Status.MISMATCH;
            why.add(r.mismatch());
        } else if (r.read() == 0) {
            status = Status.EMPTY;
            why.add("no data rows" + (r.notes().isEmpty() ? "" : ": " + r.notes()));
        } else if (overLimit(r)) {
            status = Status.LIMIT_EXCEEDED;
            why.add("rejected " + r.rejected() + " of " + r.read() + " records, more than the job's errorLimit "
                    + limitText());
        }
        if (status != Status.EMPTY && !r.notes().isEmpty()) {
            why.add(r.notes());
        }
        if (r.rejected() > 0) {
            why.add("rejected by field " + r.rejectedByField());
        }
        return new AuditEntry(
                batchId(r.inputName()),
                PIPELINE,
                job.transform().source().code(),
                r.inputName(),
                r.target(),
                r.started(),
                r.finished(),
                r.read(),
                r.accepted(),
                r.rejected(),
                r.duplicates(),
                r.isVerified() ? r.verified() : null,
                status,
                String.join("; ", why),
                r.sha256());
    }

    private boolean overLimit(LoadResult r) {
        DataxJob.Setting s = job.setting();
        if (s.errorRecordLimit() != null && r.rejected() > s.errorRecordLimit()) {
            return true;
        }
        return s.errorPercentageLimit() != null
                && r.read() > 0
                && (double) r.rejected() / r.read() > s.errorPercentageLimit();
    }

    private String limitText() {
        DataxJob.Setting s = job.setting();
        List<String> parts = new ArrayList<>();
        if (s.errorRecordLimit() != null) {
            parts.add("record " + s.errorRecordLimit());
        }
        if (s.errorPercentageLimit() != null) {
            parts.add("percentage " + s.errorPercentageLimit());
        }
        return String.join(", ", parts);
    }

    /** Deterministic: the same job on the same input name replaces its audit row. */
    String batchId(String inputName) {
        return Positions.fit(PIPELINE + ":" + job.name() + ":" + inputName, 64);
    }

    private String describe(LoadResult r, AuditEntry e) {
        return String.format(
                Locale.ROOT,
                "%s: %s read=%d loaded=%d rejected=%d duplicates=%d verified=%s %s%s",
                r.inputName(),
                e.status(),
                r.read(),
                r.accepted(),
                r.rejected(),
                r.duplicates(),
                r.isVerified() ? String.valueOf(r.verified()) : "off",
                r.rowsWritten(),
                e.message() == null || e.message().isEmpty() ? "" : " (" + e.message() + ")");
    }

    private String summary(List<LoadResult> results, List<AuditEntry> audits, boolean ok) {
        long read = 0;
        long loaded = 0;
        long rejected = 0;
        long duplicates = 0;
        long verified = 0;
        long nanos = 0;
        Map<String, Long> rows = new LinkedHashMap<>();
        for (LoadResult r : results) {
            read += r.read();
            loaded += r.accepted();
            rejected += r.rejected();
            duplicates += r.duplicates();
            verified += Math.max(0, r.verified());
            nanos += r.elapsedNanos();
            r.rowsWritten().forEach((t, c) -> rows.merge(t, c, Long::sum));
        }
        List<String> bad = audits.stream()
                .filter(a -> a.status() != Status.OK)
                .map(a -> a.inputName() + " " + a.status())
                .toList();
        return String.format(
                Locale.ROOT,
                "ingest job=%s status=%s inputs=%d read=%d loaded=%d rejected=%d "
                        + "duplicates=%d verified=%s rows=%s rate=%.0f/s%s",
                job.name(),
                ok ? "OK" : "FAILED",
                results.size(),
                read,
                loaded,
                rejected,
                duplicates,
                settings.verify() ? String.valueOf(verified) : "off",
                rows,
                nanos == 0 ? 0.0 : read / (nanos / 1e9),
                bad.isEmpty() ? "" : " problems=" + bad);
    }

    // ---- inputs ---------------------------------------------------------------------------------------------------

    private interface Input {
        String name();

        RecordReader open() throws IOException;
    }

    private List<Input> inputs() throws IOException {
        List<Input> inputs = new ArrayList<>();
        if (job.reader() instanceof DataxJob.TxtFileReader t) {
            for (String p : t.paths()) {
                List<Path> files = expand(p);
                if (files.isEmpty()) {
                    throw new IOException("txtfilereader: no file matches " + p);
                }
                for (Path f : files) {
                    inputs.add(new Input() {
                        @Override
                        public String name() {
                            return f.getFileName().toString();
                        }

                        @Override
                        public RecordReader open() throws IOException {
                            return new TextFileRecordReader(f, t, maxLineBytes);
                        }
                    });
                }
            }
        } else if (job.reader() instanceof DataxJob.MysqlReader m) {
            int q = 0;
            for (DataxJob.Connection c : m.connections()) {
                for (String table : c.tables()) {
                    inputs.add(mysqlInput(m, c.jdbcUrl(), table, null, 0));
                }
                for (String sql : c.querySqls()) {
                    inputs.add(mysqlInput(m, c.jdbcUrl(), null, sql, ++q));
                }
            }
        }
        return inputs;
    }

    private static Input mysqlInput(DataxJob.MysqlReader m, String url, String table, String sql, int index) {
        return new Input() {
            @Override
            public String name() {
                return table != null ? table : "query" + index;
            }

            @Override
            public RecordReader open() throws IOException {
                return new MysqlRecordReader(m, url, table, sql, index);
            }
        };
    }

    /** A path, or a directory's files matching a {@code *} pattern in the last segment (DataX's wildcard), sorted. */
    static List<Path> expand(String pattern) throws IOException {
        Path p = Path.of(pattern);
        String last = p.getFileName() == null ? "" : p.getFileName().toString();
        if (!last.contains("*")) {
            if (Files.isDirectory(p)) {
                return list(p, "*");
            }
            return Files.isRegularFile(p) ? List.of(p) : List.of();
        }
        Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
        return Files.isDirectory(dir) ? list(dir, last) : List.of();
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            s.forEach(f -> {
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            });
        }
        files.sort(null);
        return files;
    }

    // ---- main -----------------------------------------------------------------------------------------------------

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The main's work, returning the exit code (tests call it without exiting the JVM). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Report report;
        try {
            // the job file may come first on its own (gridgov ingest job.json ...); the rest is --key=value
            List<String> rest = new ArrayList<>();
            String positional = null;
            for (String a : args) {
                if (!a.startsWith("--") && positional == null) {
                    positional = a;
                } else {
                    rest.add(a);
                }
            }
            GridgovConfig config =
                    GridgovConfig.fromArgs(rest.toArray(String[]::new), IngestionCommand.INGEST.options());
            String jobFile = positional != null ? positional : config.get(IngestOptions.JOB);
            if (jobFile == null || jobFile.isBlank()) {
                throw new IllegalArgumentException("no job: give --ingest.job=<job.json>");
            }
            DataxJob job = DataxJob.load(
                    Path.of(jobFile), new JobParams(config.withPrefix(IngestOptions.PARAMS.key()), System.getenv()));
            String stage = config.get(IngestOptions.STAGE_DIR);
            if (!stage.isBlank()) {
                // the template keeps the writer's placeholders: no credential of this run reaches a staged file
                DataxJob template = DataxJob.load(Path.of(jobFile), JobParams.of(Map.of()));
                try (StagingArea area = StagingArea.create(Path.of(stage), template);
                        LocalDataxRunner runner = staging(job, area, config, err)) {
                    report = runner.run();
                    List<Path> jobs = area.writeJobs();
                    report = new Report(
                            report.job(),
                            report.results(),
                            report.audits(),
                            report.ok(),
                            report.summary() + " staged=" + area.dir() + " staged_rows=" + area.rows() + " datax_jobs="
                                    + jobs.stream()
                                            .map(p -> p.getFileName().toString())
                                            .toList());
                }
            } else {
                try (LocalDataxRunner runner = fromConfig(job, config, err)) {
                    report = runner.run();
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e.getCause() == null || e instanceof DataxJob.JobException) {
                err.println("ingest: " + e.getMessage());
                return 2;
            }
            err.println("ingest failed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("ingest failed: " + e);
            return 1;
        }
        out.println(report.summary());
        if (!report.ok()) {
            err.println(
                    "ingest: not every batch reconciled and passed its checks; see audit_ingest and the lines above");
            return 1;
        }
        return 0;
    }

    /**
     * A runner writing to the configured warehouse, with its audit rows there too. Close it afterwards: with
     * {@code ingest.bulk-load} it owns a temporary directory of batch files.
     */
    public static LocalDataxRunner fromConfig(DataxJob job, GridgovConfig config, PrintStream progress)
            throws IOException {
        PiiProtector pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
        WarehouseSettings access = WarehouseSettings.from(config);
        int workers = config.get(IngestOptions.WORKERS);
        if (workers <= 0) {
            workers = Math.max(
                    1, Math.min(job.setting().channel(), Runtime.getRuntime().availableProcessors()));
        }
        LoadPipeline.Settings settings = new LoadPipeline.Settings(
                workers,
                config.get(IngestOptions.WRITERS),
                config.get(IngestOptions.BATCH_SIZE),
                config.get(IngestOptions.VERIFY),
                config.get(IngestOptions.PROGRESS_INTERVAL).toMillis());
        Path bulk =
                config.get(IngestOptions.BULK_LOAD) && access.dialect() == SqlDialect.MYSQL ? bulkDirectory() : null;
        LocalDataxRunner runner = new LocalDataxRunner(
                job,
                assembler(job, pii),
                () -> new JdbcBatchWriter(access, bulk),
                new JdbcAuditLog(access),
                settings,
                config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt(),
                config.get(IngestOptions.ALLOW_EMPTY),
                progress);
        if (bulk != null) {
            runner.scratch.add(bulk);
        }
        return runner;
    }

    /** A runner that stages rows and audit rows in {@code area} for stock DataX instead of writing the warehouse. */
    public static LocalDataxRunner staging(DataxJob job, StagingArea area, GridgovConfig config, PrintStream progress) {
        PiiProtector pii = new PiiProtector(config.require(GridgovOptions.PII_SALT));
        int workers = config.get(IngestOptions.WORKERS);
        if (workers <= 0) {
            workers = Math.max(
                    1, Math.min(job.setting().channel(), Runtime.getRuntime().availableProcessors()));
        }
        LoadPipeline.Settings settings = new LoadPipeline.Settings(
                workers,
                config.get(IngestOptions.WRITERS),
                config.get(IngestOptions.BATCH_SIZE),
                false,
                config.get(IngestOptions.PROGRESS_INTERVAL).toMillis());
        return new LocalDataxRunner(
                job,
                assembler(job, pii),
                area::writer,
                area.auditLog(),
                settings,
                config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt(),
                config.get(IngestOptions.ALLOW_EMPTY),
                progress);
    }

    /** A directory only this user can read: the batch files hold ODS rows (protected, but not public). */
    public static Path bulkDirectory() throws IOException {
        try {
            return Files.createTempDirectory(
                    "gridgov-bulk",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory("gridgov-bulk");
        }
    }

    /** Deletes the runner's temporary files. */
    @Override
    public void close() throws IOException {
        for (Path dir : scratch) {
            Directories.delete(dir);
        }
        scratch.clear();
    }
}

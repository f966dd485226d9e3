package org.gridgov.ingestion.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.io.Directories;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.api.IngestBenchmarkOptions;
import org.gridgov.ingestion.api.IngestOptions;
import org.gridgov.ingestion.api.IngestionCommand;
import org.gridgov.ingestion.audit.AuditLog;
import org.gridgov.ingestion.datax.DataxJob;
import org.gridgov.ingestion.datax.ExportWriter;
import org.gridgov.ingestion.datax.JobParams;
import org.gridgov.ingestion.datax.LocalDataxRunner;
import org.gridgov.ingestion.gateway.FileIntake;
import org.gridgov.ingestion.gateway.GatewayAudit;
import org.gridgov.ingestion.gateway.IntakeGateway;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.loading.pipeline.LoadPipeline;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.loading.write.JdbcBatchWriter;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.JsonLinesWriter;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * Measures the ingestion paths on this machine: generates {@code bench.records} records (all five sources, 2 %
 * broken), writes them as the txtfilereader exports and as JSON lines, then
 * <ol>
 *   <li>validate + protect + map only (the job's transformer step, rows discarded): the CPU ceiling of a load;</li>
 *   <li>the local runner into the warehouse ({@code warehouse.*}), every job file with its settings, read-back on;</li>
 *   <li>the intake gateway's file mode into Kafka ({@code kafka.bootstrap-servers}), acks=all.</li>
 * </ol>
 * Prints figures (records/s and warehouse rows/s), not a verdict: performance is reported, not asserted. Use a
 * warehouse and broker you may write into; {@code EmbeddedIngestBenchmark} starts embedded ones. Test scope, so no
 * production jar holds it; {@code gridgov bench ingest} runs it from the test classpath.
 */
public final class IngestBenchmark {

    private static final List<String> JOBS = List.of(
            "hotline_txtfile", "petition_txtfile_gbk", "arrears_tsv_gbk", "police_txtfile", "grid_txtfile_gzip");
    private static final String SALT_FOR_SYNTHETIC_DATA = "gridgov-bench-salt-synthetic-data-only";

    private final GridgovConfig config;
    private final PrintStream out;

    public IngestBenchmark(GridgovConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        new IngestBenchmark(GridgovConfig.fromArgs(args, IngestionCommand.INGEST_BENCHMARK.options()), System.out)
                .run();
    }

    public void run() throws Exception {
        long records = config.get(IngestBenchmarkOptions.RECORDS);
        String d = config.get(IngestBenchmarkOptions.DIR);
        Path dir = d.isBlank() ? Files.createTempDirectory("gridgov-bench") : Files.createDirectories(Path.of(d));
        try {
            run(records, dir);
        } finally {
            if (d.isBlank()) {
                Directories.delete(dir);
            }
        }
    }

    private void run(long records, Path dir) throws Exception {
        String salt = config.get(GridgovOptions.PII_SALT);
        PiiProtector pii = new PiiProtector(salt == null || salt.isBlank() ? SALT_FOR_SYNTHETIC_DATA : salt);
        int cpus = Runtime.getRuntime().availableProcessors();
        out.printf(
                Locale.ROOT,
                "ingest benchmark: %,d records, %d CPUs, max heap %d MiB, files in %s%n",
                records,
                cpus,
                Runtime.getRuntime().maxMemory() >> 20,
                dir);

        long t0 = System.nanoTime();
        Map<String, DataxJob> jobs = writeExports(dir, records);
        out.printf(Locale.ROOT, "  generated and exported in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        int workers = config.get(IngestOptions.WORKERS) > 0 ? config.get(IngestOptions.WORKERS) : cpus;
        int batch = config.get(IngestOptions.BATCH_SIZE);
        // 1. the transformer step alone
        Figures cpu = load(jobs, pii, job -> Discard::new, new LoadPipeline.Settings(workers, 1, batch, false, 0));
        out.printf(
                Locale.ROOT,
                "  validate+protect+map only : %,10.0f records/s  (%,d records in %.1f s, %d workers)%n",
                cpu.recordsPerSecond(),
                cpu.records,
                cpu.seconds(),
                workers);
        out.println("      " + cpu(cpu));

        WarehouseSettings access = WarehouseSettings.from(config);
        boolean bulk = config.get(IngestOptions.BULK_LOAD) && access.dialect() == SqlDialect.MYSQL;
        long sliceRecords = config.get(IngestBenchmarkOptions.SLICE_RECORDS);
        // the ceiling's files: the same rows, captured from an untimed second pass of the transform
        LoadDataCeiling ceiling = null;
        if (access.dialect() == SqlDialect.MYSQL) {
            long c0 = System.nanoTime();
            ceiling = new LoadDataCeiling(Files.createDirectories(dir.resolve("ceiling")), sliceRecords);
            LoadDataCeiling capture = ceiling;
            load(jobs, pii, job -> capture::writer, new LoadPipeline.Settings(workers, 1, batch, false, 0));
            ceiling.finishCapture();
            out.printf(
                    Locale.ROOT,
                    "  LOAD DATA files of the same rows written in %.1f s (untimed)%n",
                    (System.nanoTime() - c0) / 1e9);
        }

        // 2. the local runner into the warehouse
        long before = rowsPresent(access);
        out.println("  " + serverSettings(access));
        Map<String, Long> status0 = serverStatus(access);
        Path bulkDir = bulk ? LocalDataxRunner.bulkDirectory() : null;
        SliceClock clock = new SliceClock(sliceRecords);
        clock.start();
        java.util.concurrent.atomic.AtomicLong committerCpu = new java.util.concurrent.atomic.AtomicLong();
        Figures load = load(
                jobs,
                pii,
                job -> () -> new Sliced(new JdbcBatchWriter(access, bulkDir), clock, job.name(), committerCpu),
                new LoadPipeline.Settings(
                        workers, config.get(IngestOptions.WRITERS), batch, config.get(IngestOptions.VERIFY), 0));
        List<SliceClock.Slice> slices = clock.finish();
        out.printf(
                Locale.ROOT,
                "  local load into warehouse : %,10.0f records/s, %,10.0f rows/s  (%,d records -> %,d "
                        + "rows in %.1f s; %d writers, batch %d, read-back %s, %s, %s; %s)%n",
                load.recordsPerSecond(),
                load.rowsPerSecond(),
                load.records,
                load.rows,
                load.seconds(),
                config.get(IngestOptions.WRITERS),
                batch,
                config.get(IngestOptions.VERIFY) ? "on" : "off",
                access.dialect(),
                bulk ? "LOAD DATA" : "multi-row upserts",
                before == 0
                        ? "fresh database"
                        : String.format(Locale.ROOT, "NOT a fresh database: %,d rows were there before", before));
        out.println("      " + cpu(load));
        out.printf(
                Locale.ROOT,
                "      of which writing (LOAD DATA files on the writer threads; JDBC and read-back "
                        + "on their commit threads): %.1f us/record%n",
                committerCpu.get() / 1000.0 / load.records);
        out.println("      " + statusDelta(status0, serverStatus(access), load.rows));
        if (bulkDir != null) {
            Files.deleteIfExists(bulkDir);
        }

        // 2b. the ceiling: plain LOAD DATA of the same rows, no transform
        List<SliceClock.Slice> ceilingSlices = List.of();
        double ceilingRate = Double.NaN;
        if (ceiling != null) {
            try (LoadDataCeiling c = ceiling) {
                ceilingSlices = c.load(access);
            }
            long rows = ceilingSlices.stream().mapToLong(SliceClock.Slice::rows).sum();
            long nanos =
                    ceilingSlices.stream().mapToLong(SliceClock.Slice::nanos).sum();
            long cpuJvm =
                    ceilingSlices.stream().mapToLong(SliceClock.Slice::cpuJvm).sum();
            long cpuChild = ceilingSlices.stream()
                    .mapToLong(SliceClock.Slice::cpuChildren)
                    .sum();
            ceilingRate = rows / (nanos / 1e9);
            out.printf(
                    Locale.ROOT,
                    "  plain LOAD DATA ceiling   : %,10.0f rows/s  (the same %,d rows in %.1f s, one "
                            + "connection, no transform, fresh copies of the tables); CPU %.1f us/row (this JVM %.1f, "
                            + "MariaDB %.1f)%n",
                    ceilingRate,
                    rows,
                    nanos / 1e9,
                    (cpuJvm + cpuChild) / 1000.0 / rows,
                    cpuJvm / 1000.0 / rows,
                    cpuChild / 1000.0 / rows);
            out.printf(Locale.ROOT, "  local load / ceiling      : %.2f%n", load.rowsPerSecond() / ceilingRate);
            Directories.delete(dir.resolve("ceiling"));
        }
        out.printf(
                Locale.ROOT,
                "  rows/s per %,d-record slice (local load | plain LOAD DATA of the same slice | " + "ratio):%n",
                sliceRecords);
        for (SliceClock.Slice s : slices) {
            SliceClock.Slice c = s.index() <= ceilingSlices.size() ? ceilingSlices.get(s.index() - 1) : null;
            out.printf(
                    Locale.ROOT,
                    "    %2d %-36s %s | %s | %s%n",
                    s.index(),
                    SliceClock.inputs(s),
                    SliceClock.describe(s),
                    c == null ? "-" : SliceClock.describe(c),
                    c == null ? "-" : String.format(Locale.ROOT, "%.2f", s.rowsPerSecond() / c.rowsPerSecond()));
        }
        out.printf(
                Locale.ROOT,
                "    last/first: local load %.2f, ceiling %s%n",
                SliceClock.lastOverFirst(slices),
                ceilingSlices.isEmpty()
                        ? "-"
                        : String.format(Locale.ROOT, "%.2f", SliceClock.lastOverFirst(ceilingSlices)));

        // 3. the gateway into Kafka
        if (!config.get(IngestBenchmarkOptions.GATEWAY)) {
            printBenchLine(records, cpu, load, null, ceilingRate, slices, before);
            return;
        }
        Figures gateway = gateway(dir, pii);
        out.printf(
                Locale.ROOT,
                "  gateway files into Kafka  : %,10.0f records/s  (%,d records in %.1f s, acks=all, " + "idempotent)%n",
                gateway.recordsPerSecond(),
                gateway.records,
                gateway.seconds());
        out.println("      " + cpu(gateway) + " (an embedded broker counts in this JVM)");
        printBenchLine(records, cpu, load, gateway, ceilingRate, slices, before);
    }

    /** The one machine-readable line; {@code gateway} null when it was not measured. */
    private void printBenchLine(
            long records,
            Figures cpu,
            Figures load,
            Figures gateway,
            double ceilingRate,
            List<SliceClock.Slice> slices,
            long before) {
        out.printf(
                Locale.ROOT,
                "bench local_load_records_per_s=%.0f local_load_rows_per_s=%.0f "
                        + "transform_only_records_per_s=%.0f gateway_records_per_s=%.0f records=%d "
                        + "load_cpu_us_per_record=%.1f load_rows_per_record=%.2f load_cpu_us_per_row=%.1f "
                        + "load_jvm_us_per_row=%.1f load_mariadb_us_per_row=%.1f ceiling_rows_per_s=%.0f "
                        + "load_over_ceiling=%.2f load_slice_last_over_first=%.2f fresh_database=%s%n",
                load.recordsPerSecond(),
                load.rowsPerSecond(),
                cpu.recordsPerSecond(),
                gateway == null ? Double.NaN : gateway.recordsPerSecond(),
                records,
                (load.cpuJvm + load.cpuChildren) / 1000.0 / load.records,
                (double) load.rows / load.records,
                (load.cpuJvm + load.cpuChildren) / 1000.0 / load.rows,
                load.cpuJvm / 1000.0 / load.rows,
                load.cpuChildren / 1000.0 / load.rows,
                ceilingRate,
                load.rowsPerSecond() / ceilingRate,
                SliceClock.lastOverFirst(slices),
                before == 0);
    }

    private String cpu(Figures f) {
        double jvm = f.cpuJvm / 1000.0 / f.records;
        double child = f.cpuChildren / 1000.0 / f.records;
        int cpus = Runtime.getRuntime().availableProcessors();
        return String.format(
                Locale.ROOT,
                "CPU %.1f us/record (this JVM %.1f, child processes %.1f): at most %,.0f "
                        + "records/s on %d idle cores",
                jvm + child,
                jvm,
                child,
                cpus * 1e6 / (jvm + child),
                cpus);
    }

    private record Figures(long records, long rows, long nanos, long cpuJvm, long cpuChildren) {
        double seconds() {
            return nanos / 1e9;
        }

        double recordsPerSecond() {
            return records / seconds();
        }

        double rowsPerSecond() {
            return rows / seconds();
        }
    }

    private Map<String, DataxJob> writeExports(Path dir, long records) throws Exception {
        Path jsonl = dir.resolve("jsonl");
        try (JsonLinesWriter w = new JsonLinesWriter(jsonl)) {
            new SyntheticDataGenerator(new GeneratorSpec(20240101L, YearMonth.of(2024, 1), 1, records, 0.02))
                    .generate(w);
        }
        Map<String, DataxJob> jobs = new java.util.LinkedHashMap<>();
        for (String name : JOBS) {
            Path file = dir.resolve(name + ".export");
            DataxJob job = DataxJob.parse(
                    name, resource("datax/" + name + ".json"), JobParams.of(Map.of("input_path", file.toString())));
            try (ExportWriter w = new ExportWriter(job, file, name.contains("gbk"));
                    java.io.BufferedReader in = Files.newBufferedReader(
                            JsonLinesWriter.file(jsonl, job.transform().source()), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonNode n;
                    try {
                        n = Json.mapper().readTree(line);
                    } catch (IOException e) {
                        continue; // a line the generator cut in half on purpose: not something an export holds
                    }
                    w.write(n);
                }
            }
            jobs.put(name, job);
        }
        return jobs;
    }

    private Figures load(
            Map<String, DataxJob> jobs,
            PiiProtector pii,
            Function<DataxJob, Supplier<BatchWriter>> writers,
            LoadPipeline.Settings settings)
            throws Exception {
        long records = 0;
        long rows = 0;
        long nanos = 0;
        long[] cpu0 = Cpu.now();
        for (DataxJob job : jobs.values()) {
            LocalDataxRunner runner = new LocalDataxRunner(
                    job,
                    LocalDataxRunner.assembler(job, pii),
                    writers.apply(job),
                    AuditLog.none(),
                    settings,
                    config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt(),
                    true,
                    null);
            long t0 = System.nanoTime();
            LocalDataxRunner.Report r = runner.run();
            nanos += System.nanoTime() - t0;
            if (!r.ok()) {
                throw new IllegalStateException(
                        "benchmark load of " + job.name() + " did not reconcile: " + r.summary());
            }
            records += r.results().stream().mapToLong(x -> x.read()).sum();
            rows += r.results().stream()
                    .flatMap(x -> x.rowsWritten().values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
        }
        long[] cpu1 = Cpu.now();
        return new Figures(records, rows, nanos, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
    }

    private Figures gateway(Path dir, PiiProtector pii) throws Exception {
        try (RawTopicPublisher publisher = new RawTopicPublisher(config.get(GridgovOptions.KAFKA_BOOTSTRAP))) {
            IntakeGateway gateway =
                    new IntakeGateway(RecordDecoder.standard(), pii, publisher, Clock.system(RecordDecoder.ZONE));
            FileIntake intake = new FileIntake(
                    gateway,
                    new GatewayAudit(AuditLog.none(), "bench", Duration.ofMinutes(1)),
                    "UTF-8",
                    config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt());
            Map<SourceType, Long> in = new EnumMap<>(SourceType.class);
            long[] cpu0 = Cpu.now();
            long t0 = System.nanoTime();
            List<FileIntake.FileResult> results = intake.publish(List.of(dir.resolve("jsonl")), null);
            long nanos = System.nanoTime() - t0;
            long[] cpu1 = Cpu.now();
            long records = 0;
            List<String> incomplete = new ArrayList<>();
            for (FileIntake.FileResult r : results) {
                records += r.batch().in();
                in.merge(r.batch().source(), r.batch().in(), Long::sum);
                if (!r.batch().complete()) {
                    incomplete.add(r.file().getFileName().toString());
                }
            }
            if (!incomplete.isEmpty()) {
                throw new IllegalStateException("gateway batches not acknowledged completely: " + incomplete);
            }
            return new Figures(records, records, nanos, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
        }
    }

    private static String resource(String name) {
        try (InputStream in = IngestBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rows already in the tables that count records (ODS and dead letters) before the load: 0 on a fresh database. A
     * second run against the same warehouse replaces rows instead of inserting them, a different (and not comparable)
     * figure, so the output says which it was.
     */
    private static long rowsPresent(WarehouseSettings access) throws java.sql.SQLException {
        long n = 0;
        try (java.sql.Connection c = access.open();
                java.sql.Statement s = c.createStatement()) {
            for (Table t : WarehouseSchema.ALL) {
                if (SliceClock.countsRecords(t)) {
                    try (java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + SqlDialect.quote(t.name()))) {
                        r.next();
                        n += r.getLong(1);
                    }
                }
            }
        }
        return n;
    }

    private static final List<String> STATUS = List.of(
            "Innodb_buffer_pool_reads",
            "Innodb_buffer_pool_read_requests",
            "Innodb_buffer_pool_pages_flushed",
            "Innodb_data_written",
            "Innodb_os_log_written",
            "Innodb_buffer_pool_wait_free",
            "Innodb_log_waits",
            "Innodb_row_lock_waits",
            "Innodb_checkpoint_age",
            "Innodb_buffer_pool_pages_data",
            "Innodb_buffer_pool_pages_total");

    /** The server settings a load's speed depends on, printed with the figures. */
    private static String serverSettings(WarehouseSettings access) {
        if (access.dialect() != SqlDialect.MYSQL) {
            return "warehouse: " + access.dialect();
        }
        List<String> names = List.of(
                "version",
                "innodb_buffer_pool_size",
                "innodb_log_file_size",
                "innodb_log_buffer_size",
                "innodb_flush_log_at_trx_commit",
                "innodb_doublewrite",
                "innodb_io_capacity");
        List<String> parts = new ArrayList<>();
        try (java.sql.Connection c = access.open();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN ("
                        + String.join(
                                ", ", names.stream().map(n -> "'" + n + "'").toList()) + ")")) {
            while (r.next()) {
                String v = r.getString(2);
                parts.add(r.getString(1) + "=" + (v.matches("\\d{7,}") ? (Long.parseLong(v) >> 20) + "M" : v));
            }
        } catch (java.sql.SQLException e) {
            return "warehouse settings unavailable: " + e.getMessage();
        }
        return "MariaDB " + String.join(", ", parts);
    }

    /** MariaDB's counters that say whether a load hit the disk: pool misses, pages flushed, redo written, waits. */
    private static Map<String, Long> serverStatus(WarehouseSettings access) {
        Map<String, Long> m = new java.util.TreeMap<>();
        if (access.dialect() != SqlDialect.MYSQL) {
            return m;
        }
        try (java.sql.Connection c = access.open();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ("
                        + String.join(
                                ", ", STATUS.stream().map(n -> "'" + n + "'").toList()) + ")")) {
            while (r.next()) {
                try {
                    m.put(r.getString(1), Long.parseLong(r.getString(2)));
                } catch (NumberFormatException ignored) {
                    // not a counter
                }
            }
        } catch (java.sql.SQLException e) {
            m.put("unavailable: " + e.getMessage(), 0L);
        }
        return m;
    }

    private static String statusDelta(Map<String, Long> a, Map<String, Long> b, long rows) {
        if (b.isEmpty()) {
            return "(no MariaDB counters)";
        }
        java.util.function.ToLongFunction<String> d = k -> b.getOrDefault(k, 0L) - a.getOrDefault(k, 0L);
        return String.format(
                Locale.ROOT,
                "MariaDB during the load: %,d pool misses (of %,d reads), %,d pages flushed, "
                        + "%,d MiB data and %,d MiB redo written (%.0f bytes redo/row), %,d waits for a free page, "
                        + "%,d redo buffer waits, %,d row lock waits; pool %,d of %,d pages used, checkpoint age %,d MiB",
                d.applyAsLong("Innodb_buffer_pool_reads"),
                d.applyAsLong("Innodb_buffer_pool_read_requests"),
                d.applyAsLong("Innodb_buffer_pool_pages_flushed"),
                d.applyAsLong("Innodb_data_written") >> 20,
                d.applyAsLong("Innodb_os_log_written") >> 20,
                (double) d.applyAsLong("Innodb_os_log_written") / rows,
                d.applyAsLong("Innodb_buffer_pool_wait_free"),
                d.applyAsLong("Innodb_log_waits"),
                d.applyAsLong("Innodb_row_lock_waits"),
                b.getOrDefault("Innodb_buffer_pool_pages_data", 0L),
                b.getOrDefault("Innodb_buffer_pool_pages_total", 0L),
                b.getOrDefault("Innodb_checkpoint_age", 0L) >> 20);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The load's writer, telling the slice clock about every committed batch and adding up its callers' CPU time: the
     * JVM's side of writing (the LOAD DATA files, prepared on the writer threads; the driver and the read-back, on
     * their commit threads), apart from the transform's.
     */
    private static final class Sliced implements BatchWriter {
        private final BatchWriter delegate;
        private final SliceClock clock;
        private final String input;
        /** CPU nanoseconds of the threads that called this writer (the pipeline's commit threads). */
        private final java.util.concurrent.atomic.AtomicLong callerCpu;

        Sliced(BatchWriter delegate, SliceClock clock, String input, java.util.concurrent.atomic.AtomicLong callerCpu) {
            this.delegate = delegate;
            this.clock = clock;
            this.input = input;
            this.callerCpu = callerCpu;
        }

        @Override
        public void write(Map<Table, List<TableRow>> rowsByTable) throws Exception {
            long c0 = THREADS.getCurrentThreadCpuTime();
            delegate.write(rowsByTable);
            callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
            clock.add(
                    input,
                    SliceClock.records(rowsByTable),
                    rowsByTable.values().stream().mapToLong(List::size).sum());
        }

        /** The writer threads' part (the bulk writer encodes its LOAD DATA files here): counted with the commits. */
        @Override
        public Prepared prepare(Map<Table, List<TableRow>> rowsByTable) throws Exception {
            long c0 = THREADS.getCurrentThreadCpuTime();
            try {
                return delegate.prepare(rowsByTable);
            } finally {
                callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
            }
        }

        @Override
        public void write(Prepared batch) throws Exception {
            long c0 = THREADS.getCurrentThreadCpuTime();
            delegate.write(batch);
            callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
            clock.add(
                    input,
                    SliceClock.records(batch.rows()),
                    batch.rows().values().stream().mapToLong(List::size).sum());
        }

        @Override
        public int countPresent(Table table, java.util.Collection<TableRow> rows) throws Exception {
            long c0 = THREADS.getCurrentThreadCpuTime();
            try {
                return delegate.countPresent(table, rows);
            } finally {
                callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
            }
        }

        @Override
        public void close() throws Exception {
            delegate.close();
        }
    }

    /** A writer that keeps nothing: measures everything up to the warehouse. */
    private static final class Discard implements BatchWriter {
        @Override
        public void write(Map<Table, List<TableRow>> rowsByTable) {}

        @Override
        public int countPresent(Table table, java.util.Collection<TableRow> rows) {
            return rows.size();
        }

        @Override
        public void close() {}
    }
}

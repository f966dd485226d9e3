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
import org.gridgov.common.io.Directories;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
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
import org.gridgov.loading.pipeline.LoadPipeline;
import org.gridgov.ingestion.datax.LocalDataxRunner;
import org.gridgov.ingestion.gateway.FileIntake;
import org.gridgov.ingestion.gateway.GatewayAudit;
import org.gridgov.ingestion.gateway.IntakeGateway;
import org.gridgov.ingestion.kafka.RawTopicPublisher;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.loading.write.JdbcBatchWriter;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.JsonLinesWriter;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.warehouse.WarehouseSettings;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

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

    private static final List<String> JOBS = List.of("hotline_txtfile", "petition_txtfile_gbk", "arrears_tsv_gbk",
            "police_txtfile", "grid_txtfile_gzip");
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
        out.printf(Locale.ROOT, "ingest benchmark: %,d records, %d CPUs, max heap %d MiB, files in %s%n", records, cpus,
                Runtime.getRuntime().maxMemory() >> 20, dir);

        long t0 = System.nanoTime();
        Map<String, DataxJob> jobs = writeExports(dir, records);
        out.printf(Locale.ROOT, "  generated and exported in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        int workers = config.get(IngestOptions.WORKERS) > 0 ? config.get(IngestOptions.WORKERS) : cpus;
        // 1. the transformer step alone
        Figures cpu = load(jobs, pii, () -> new Discard(), new LoadPipeline.Settings(workers, 1,
                config.get(IngestOptions.BATCH_SIZE), false, 0));
        out.printf(Locale.ROOT, "  validate+protect+map only : %,10.0f records/s  (%,d records in %.1f s, %d workers)%n",
                cpu.recordsPerSecond(), cpu.records, cpu.seconds(), workers);
        out.println("      " + cpu(cpu));

        // 2. the local runner into the warehouse
        WarehouseSettings access = WarehouseSettings.from(config);
        boolean bulk = config.get(IngestOptions.BULK_LOAD) && access.dialect() == org.gridgov.warehouse.SqlDialect.MYSQL;
        Path bulkDir = bulk ? LocalDataxRunner.bulkDirectory() : null;
        Figures load = load(jobs, pii, () -> new JdbcBatchWriter(access, bulkDir), new LoadPipeline.Settings(workers,
                config.get(IngestOptions.WRITERS), config.get(IngestOptions.BATCH_SIZE), config.get(IngestOptions.VERIFY),
                0));
        out.printf(Locale.ROOT, "  local load into warehouse : %,10.0f records/s, %,10.0f rows/s  (%,d records -> %,d "
                        + "rows in %.1f s; %d writers, batch %d, read-back %s, %s, %s)%n", load.recordsPerSecond(),
                load.rowsPerSecond(), load.records, load.rows, load.seconds(), config.get(IngestOptions.WRITERS),
                config.get(IngestOptions.BATCH_SIZE), config.get(IngestOptions.VERIFY) ? "on" : "off", access.dialect(),
                bulk ? "LOAD DATA" : "multi-row upserts");
        out.println("      " + cpu(load));

        if (bulkDir != null) {
            Files.deleteIfExists(bulkDir);
        }

        // 3. the gateway into Kafka
        Figures gateway = gateway(dir, pii);
        out.printf(Locale.ROOT, "  gateway files into Kafka  : %,10.0f records/s  (%,d records in %.1f s, acks=all, "
                + "idempotent)%n", gateway.recordsPerSecond(), gateway.records, gateway.seconds());
        out.println("      " + cpu(gateway) + " (an embedded broker counts in this JVM)");
        out.printf(Locale.ROOT, "bench local_load_records_per_s=%.0f local_load_rows_per_s=%.0f "
                        + "transform_only_records_per_s=%.0f gateway_records_per_s=%.0f records=%d "
                        + "load_cpu_us_per_record=%.1f load_rows_per_record=%.2f%n",
                load.recordsPerSecond(), load.rowsPerSecond(), cpu.recordsPerSecond(), gateway.recordsPerSecond(),
                records, (load.cpuJvm + load.cpuChildren) / 1000.0 / load.records, (double) load.rows / load.records);
    }

    /** CPU time used so far by this JVM and by its child processes (an embedded MariaDB), in nanoseconds. */
    private static long[] cpuNow() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long children = ProcessHandle.current().descendants().mapToLong(p -> p.info().totalCpuDuration()
                .map(java.time.Duration::toNanos).orElse(0L)).sum();
        return new long[] {jvm, children};
    }

    private String cpu(Figures f) {
        double jvm = f.cpuJvm / 1000.0 / f.records;
        double child = f.cpuChildren / 1000.0 / f.records;
        int cpus = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "CPU %.1f us/record (this JVM %.1f, child processes %.1f): at most %,.0f "
                + "records/s on %d idle cores", jvm + child, jvm, child, cpus * 1e6 / (jvm + child), cpus);
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
            DataxJob job = DataxJob.parse(name, resource("datax/" + name + ".json"),
                    JobParams.of(Map.of("input_path", file.toString())));
            try (ExportWriter w = new ExportWriter(job, file, name.contains("gbk"));
                 java.io.BufferedReader in = Files.newBufferedReader(JsonLinesWriter.file(jsonl, job.transform().source()),
                         StandardCharsets.UTF_8)) {
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

    private Figures load(Map<String, DataxJob> jobs, PiiProtector pii, java.util.function.Supplier<BatchWriter> writers,
                         LoadPipeline.Settings settings) throws Exception {
        long records = 0;
        long rows = 0;
        long nanos = 0;
        long[] cpu0 = cpuNow();
        for (DataxJob job : jobs.values()) {
            LocalDataxRunner runner = new LocalDataxRunner(job, LocalDataxRunner.assembler(job, pii), writers,
                    AuditLog.none(), settings, config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt(), true, null);
            long t0 = System.nanoTime();
            LocalDataxRunner.Report r = runner.run();
            nanos += System.nanoTime() - t0;
            if (!r.ok()) {
                throw new IllegalStateException("benchmark load of " + job.name() + " did not reconcile: " + r.summary());
            }
            records += r.results().stream().mapToLong(x -> x.read()).sum();
            rows += r.results().stream().flatMap(x -> x.rowsWritten().values().stream()).mapToLong(Long::longValue).sum();
        }
        long[] cpu1 = cpuNow();
        return new Figures(records, rows, nanos, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
    }

    private Figures gateway(Path dir, PiiProtector pii) throws Exception {
        try (RawTopicPublisher publisher = new RawTopicPublisher(config.get(GridgovOptions.KAFKA_BOOTSTRAP))) {
            IntakeGateway gateway = new IntakeGateway(RecordDecoder.standard(), pii, publisher,
                    Clock.system(RecordDecoder.ZONE));
            FileIntake intake = new FileIntake(gateway, new GatewayAudit(AuditLog.none(), "bench", Duration.ofMinutes(1)),
                    "UTF-8", config.get(IngestOptions.MAX_LINE_SIZE).bytesAsInt());
            Map<SourceType, Long> in = new EnumMap<>(SourceType.class);
            long[] cpu0 = cpuNow();
            long t0 = System.nanoTime();
            List<FileIntake.FileResult> results = intake.publish(List.of(dir.resolve("jsonl")), null);
            long nanos = System.nanoTime() - t0;
            long[] cpu1 = cpuNow();
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

    /** A writer that keeps nothing: measures everything up to the warehouse. */
    private static final class Discard implements BatchWriter {
        @Override
        public void write(Map<Table, List<TableRow>> rowsByTable) {
        }

        @Override
        public int countPresent(Table table, java.util.Collection<TableRow> rows) {
            return rows.size();
        }

        @Override
        public void close() {
        }
    }
}

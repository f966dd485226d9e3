package org.gridgov.ingestion.datax;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.gridgov.common.json.Json;
import org.gridgov.ingestion.audit.AuditEntry;
import org.gridgov.ingestion.audit.AuditLog;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.warehouse.IngestTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * The production hand-over to stock DataX. Stock DataX cannot validate a record, check an ID-card checksum or a grid
 * polygon, or compute a salted HMAC, so the raw jobs cannot run there; instead the local runner, given a staging
 * directory, does everything but the final write: it stages the protected rows of every table it would have written
 * (ODS, DWD, dead letters, the audit rows) as CSV files, and writes one plain DataX job per table
 * ({@code txtfilereader} over the staged file → {@code doriswriter} into the same table, same connection parameters
 * as the original job). Those jobs need no plugin beyond stock DataX and contain no clear ID card or phone number.
 *
 * <p>Staged CSV (Commons CSV): UTF-8, comma, every value quoted, NULL as unquoted {@code \N} (the jobs'
 * {@code nullFormat}), a header of column names. A rerun replaces the job's staging directory.
 * Rows are not read back (they are not in Doris yet): after DataX has run, DataX's own record counts must equal the
 * staged row counts the runner printed, and DataX's errorLimit is 0 so no staged row can be dropped silently.
 */
public final class StagingArea implements AutoCloseable {

    private static final CSVFormat HEADER = CSVFormat.Builder.create()
            .setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();
    private static final CSVFormat ROWS = CSVFormat.Builder.create(HEADER)
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setNullString("\\N")
            .get();

    private final Path dir;
    private final DataxJob job;
    private final Map<String, Writer> files = new LinkedHashMap<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();

    private StagingArea(Path dir, DataxJob job) {
        this.dir = dir;
        this.job = job;
    }

    /**
     * A fresh staging directory {@code <root>/<job name>} (an earlier one of the same job is replaced). {@code job}
     * must be parsed without parameters: its writer's {@code ${...}} placeholders are copied into the staged jobs,
     * so no credential given to this run ends up in a file.
     */
    public static StagingArea create(Path root, DataxJob job) throws IOException {
        Path dir = root.resolve(job.name());
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
        return new StagingArea(dir, job);
    }

    public Path dir() {
        return dir;
    }

    /** A writer per load thread; rows of all threads go to one file per table (appends are serialized). */
    public BatchWriter writer() {
        return new BatchWriter() {
            @Override
            public void write(Map<Table, List<TableRow>> rowsByTable) throws IOException {
                for (Map.Entry<Table, List<TableRow>> e : rowsByTable.entrySet()) {
                    append(e.getKey(), e.getValue());
                }
            }

            @Override
            public int countPresent(Table table, Collection<TableRow> r) {
                throw new UnsupportedOperationException("staged rows are not in the warehouse yet: run without verify");
            }

            @Override
            public void close() {}
        };
    }

    /** Audit rows are staged too: the warehouse may not be reachable from where the runner stages. */
    public AuditLog auditLog() {
        return (AuditEntry e) -> append(IngestTables.AUDIT_INGEST, List.of(e.toRow()));
    }

    synchronized void append(Table table, List<TableRow> batch) throws IOException {
        Writer w = files.get(table.name());
        if (w == null) {
            w = new BufferedWriter(
                    Files.newBufferedWriter(dir.resolve(table.name() + ".csv"), StandardCharsets.UTF_8), 1 << 16);
            files.put(table.name(), w);
            rows.put(table.name(), 0L);
            line(w, table.columnNames().toArray(String[]::new), false);
        }
        for (TableRow r : batch) {
            line(w, r.values, true);
        }
        rows.merge(table.name(), (long) batch.size(), Long::sum);
    }

    /**
     * One staged line: every value quoted, NULL as an unquoted {@code \N} (the staged jobs' {@code nullFormat}), so an
     * empty string and a text "\N" stay distinguishable from NULL.
     */
    private static void line(Writer w, String[] values, boolean nulls) throws IOException {
        (nulls ? ROWS : HEADER).printRecord(w, (Object[]) values);
    }

    /** Rows staged per table so far. */
    public synchronized Map<String, Long> rows() {
        return new LinkedHashMap<>(rows);
    }

    /** Closes the staged files. */
    @Override
    public synchronized void close() throws IOException {
        for (Writer w : files.values()) {
            w.close();
        }
        files.clear();
    }

    /** Closes the files and writes one stock DataX job per staged table; returns the job files. */
    public synchronized List<Path> writeJobs() throws IOException {
        close();
        List<Path> jobs = new ArrayList<>();
        for (String table : rows.keySet()) {
            Path f = dir.resolve(table + ".datax.json");
            Files.writeString(
                    f,
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stagedJob(table)) + "\n",
                    StandardCharsets.UTF_8);
            jobs.add(f);
        }
        return jobs;
    }

    private ObjectNode stagedJob(String tableName) {
        Table table = org.gridgov.warehouse.WarehouseSchema.table(tableName);
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode jobNode = root.putObject("job");
        ObjectNode setting = jobNode.putObject("setting");
        setting.putObject("speed").put("channel", 1);
        // staged rows are valid by construction: a dirty record here is a defect, never something to skip
        setting.putObject("errorLimit").put("record", 0).put("percentage", 0.0);
        ObjectNode content = jobNode.putArray("content").addObject();
        ObjectNode reader = content.putObject("reader");
        reader.put("name", "txtfilereader");
        ObjectNode rp = reader.putObject("parameter");
        rp.putArray("path").add(dir.resolve(tableName + ".csv").toAbsolutePath().toString());
        rp.put("encoding", "UTF-8");
        rp.put("fieldDelimiter", ",");
        rp.put("skipHeader", true);
        rp.put("nullFormat", "\\N");
        ArrayNode cols = rp.putArray("column");
        for (int i = 0; i < table.columns().size(); i++) {
            cols.addObject().put("index", i).put("type", "string");
        }
        ObjectNode writer = content.putObject("writer");
        writer.put("name", "doriswriter");
        ObjectNode wp = writer.putObject("parameter");
        DataxJob.DorisWriter w = job.writer();
        ArrayNode load = wp.putArray("loadUrl");
        w.loadUrl().forEach(load::add);
        wp.put("username", w.username());
        wp.put("password", w.password());
        ArrayNode wc = wp.putArray("column");
        table.columnNames().forEach(wc::add);
        wp.putArray("preSql");
        wp.putArray("postSql");
        wp.put("labelPrefix", "gridgov_" + tableName + "_");
        ObjectNode conn = wp.putArray("connection").addObject();
        conn.put("jdbcUrl", w.jdbcUrl());
        conn.put("selectedDatabase", w.database());
        conn.putArray("table").add(tableName);
        wp.putObject("loadProps").put("format", "json").put("strip_outer_array", true);
        return root;
    }
}

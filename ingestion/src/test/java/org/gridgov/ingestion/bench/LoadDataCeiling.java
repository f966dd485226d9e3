package org.gridgov.ingestion.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.loading.write.LoadDataFile;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSettings;

/**
 * The ceiling a local load is measured against: the rows our transform produced, written once as {@code LOAD DATA}
 * files (the format and statement of the bulk writer, {@link LoadDataFile}), then loaded with plain
 * {@code LOAD DATA LOCAL INFILE ... REPLACE} over one connection, no transform, into fresh copies of the same tables
 * ({@code CREATE TABLE ... LIKE}: same keys and indexes) in a database of their own, dropped afterwards. Files are
 * cut per slice of {@code sliceRecords} records, one per table, in the order the load writes them, so the ceiling's
 * slices line up with the load's and show whether MariaDB itself slows as the tables grow.
 *
 * <p>{@link #writer()} captures: it is the batch writer of an untimed pass of the transform (one writer thread).
 */
final class LoadDataCeiling implements AutoCloseable {

    static final String DATABASE = "gridgov_bench_ceiling";

    private record Part(Table table, Path file, long rows) {}

    private final Path dir;
    private final long sliceRecords;
    private final List<List<Part>> slices = new ArrayList<>();
    private final Map<Table, OutputStream> open = new LinkedHashMap<>();
    private final Map<Table, Long> openRows = new LinkedHashMap<>();
    private final Map<Table, LoadDataFile> formats = new LinkedHashMap<>();
    private final Set<Table> tables = new LinkedHashSet<>();
    private long sliceRecordCount;

    LoadDataCeiling(Path dir, long sliceRecords) {
        this.dir = dir;
        this.sliceRecords = sliceRecords;
    }

    /** A batch writer that appends to the files; closing it keeps them open for the next input. */
    BatchWriter writer() {
        return new BatchWriter() {
            @Override
            public void write(Map<Table, List<TableRow>> rowsByTable) {
                append(rowsByTable);
            }

            @Override
            public int countPresent(Table table, Collection<TableRow> rows) {
                return rows.size();
            }

            @Override
            public void close() {}
        };
    }

    private synchronized void append(Map<Table, List<TableRow>> rowsByTable) {
        try {
            for (Map.Entry<Table, List<TableRow>> e : rowsByTable.entrySet()) {
                Table t = e.getKey();
                tables.add(t);
                OutputStream w = open.get(t);
                if (w == null) {
                    w = new BufferedOutputStream(
                            Files.newOutputStream(
                                    dir.resolve("slice-" + (slices.size() + 1) + "-" + t.name() + ".tsv")),
                            1 << 16);
                    open.put(t, w);
                    openRows.put(t, 0L);
                }
                LoadDataFile format = formats.computeIfAbsent(t, LoadDataFile::new);
                for (TableRow r : e.getValue()) {
                    format.append(r, w);
                }
                openRows.merge(t, (long) e.getValue().size(), Long::sum);
            }
            sliceRecordCount += SliceClock.records(rowsByTable);
            if (sliceRecordCount >= sliceRecords) {
                closeSlice();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeSlice() throws IOException {
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Table, OutputStream> e : open.entrySet()) {
            e.getValue().close();
            parts.add(new Part(
                    e.getKey(),
                    dir.resolve(
                            "slice-" + (slices.size() + 1) + "-" + e.getKey().name() + ".tsv"),
                    openRows.get(e.getKey())));
        }
        slices.add(parts);
        open.clear();
        openRows.clear();
        sliceRecordCount = 0;
    }

    /** Ends capturing: the last, partial slice is closed. */
    synchronized void finishCapture() throws IOException {
        if (!open.isEmpty()) {
            closeSlice();
        }
    }

    long rows() {
        return slices.stream().flatMap(List::stream).mapToLong(Part::rows).sum();
    }

    /**
     * Loads every slice into fresh copies of the tables (created from the tables of the connection's database) and
     * returns the slices' timings; the copies are dropped at the end.
     */
    List<SliceClock.Slice> load(WarehouseSettings access) throws SQLException {
        List<SliceClock.Slice> timed = new ArrayList<>();
        try (Connection c = access.open(dir);
                Statement s = c.createStatement()) {
            String source = c.getCatalog();
            String db = SqlDialect.quote(DATABASE);
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            try {
                for (Table t : tables) {
                    s.execute("CREATE TABLE " + db + "." + SqlDialect.quote(t.name()) + " LIKE "
                            + SqlDialect.quote(source) + "." + SqlDialect.quote(t.name()));
                }
                c.setAutoCommit(true);
                for (List<Part> slice : slices) {
                    long[] cpu0 = Cpu.now();
                    long t0 = System.nanoTime();
                    long rows = 0;
                    long records = 0;
                    for (Part p : slice) {
                        new LoadDataFile(p.table())
                                .load(
                                        s,
                                        p.file(),
                                        db + "." + SqlDialect.quote(p.table().name()));
                        rows += p.rows();
                        if (SliceClock.countsRecords(p.table())) {
                            records += p.rows();
                        }
                    }
                    long nanos = System.nanoTime() - t0;
                    long[] cpu1 = Cpu.now();
                    timed.add(new SliceClock.Slice(
                            timed.size() + 1, records, rows, nanos, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], Set.of()));
                }
            } finally {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
        return timed;
    }

    @Override
    public void close() throws IOException {
        for (OutputStream w : open.values()) {
            w.close();
        }
        open.clear();
    }
}

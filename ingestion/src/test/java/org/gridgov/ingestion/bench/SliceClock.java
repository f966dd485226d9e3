package org.gridgov.ingestion.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridgov.warehouse.Layer;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * Times a load in slices of {@code sliceRecords} records, so a rate that falls as the tables grow shows as falling
 * slices instead of hiding in one average. A record is a row of an ODS table or of {@code dlq_record}: every record
 * becomes exactly one of those (its DWD and evidence rows come beside it). Fed by the writer threads after each
 * committed batch; CPU time is sampled at every slice boundary, for this JVM and for its child processes (an embedded
 * MariaDB).
 */
final class SliceClock {

    /** One slice: records and rows committed in it, wall-clock and CPU nanoseconds, the inputs it covered. */
    record Slice(int index, long records, long rows, long nanos, long cpuJvm, long cpuChildren, Set<String> inputs) {

        double rowsPerSecond() {
            return rows / (nanos / 1e9);
        }

        double cpuJvmMicrosPerRow() {
            return cpuJvm / 1000.0 / rows;
        }

        double cpuChildrenMicrosPerRow() {
            return cpuChildren / 1000.0 / rows;
        }
    }

    private final long sliceRecords;
    private final List<Slice> slices = new ArrayList<>();
    private long records;
    private long sliceStartRecords;
    private long sliceRows;
    private long sliceStartNanos;
    private long[] sliceStartCpu;
    private Set<String> inputs = new LinkedHashSet<>();

    SliceClock(long sliceRecords) {
        this.sliceRecords = sliceRecords;
    }

    /** Whether a table's rows count as records (ODS and dead-letter tables). */
    static boolean countsRecords(Table t) {
        return t.layer() == Layer.ODS || t.layer() == Layer.DLQ;
    }

    static long records(Map<Table, List<TableRow>> rowsByTable) {
        long n = 0;
        for (Map.Entry<Table, List<TableRow>> e : rowsByTable.entrySet()) {
            if (countsRecords(e.getKey())) {
                n += e.getValue().size();
            }
        }
        return n;
    }

    synchronized void start() {
        sliceStartNanos = System.nanoTime();
        sliceStartCpu = Cpu.now();
    }

    /** A committed batch of {@code input}. */
    synchronized void add(String input, long batchRecords, long batchRows) {
        records += batchRecords;
        sliceRows += batchRows;
        inputs.add(input);
        if (records - sliceStartRecords >= sliceRecords) {
            close();
        }
    }

    /** Ends the last, partial slice; returns every slice. */
    synchronized List<Slice> finish() {
        if (records > sliceStartRecords) {
            close();
        }
        return List.copyOf(slices);
    }

    private void close() {
        long now = System.nanoTime();
        long[] cpu = Cpu.now();
        slices.add(new Slice(
                slices.size() + 1,
                records - sliceStartRecords,
                sliceRows,
                now - sliceStartNanos,
                cpu[0] - sliceStartCpu[0],
                cpu[1] - sliceStartCpu[1],
                inputs));
        sliceStartRecords = records;
        sliceRows = 0;
        sliceStartNanos = now;
        sliceStartCpu = cpu;
        inputs = new LinkedHashSet<>();
    }

    /** Rows/s of the last slice over the first (the last may be partial; below 1 the load slowed as it grew). */
    static double lastOverFirst(List<Slice> slices) {
        return slices.size() < 2
                ? 1.0
                : slices.get(slices.size() - 1).rowsPerSecond() / slices.get(0).rowsPerSecond();
    }

    static String inputs(Slice s) {
        return String.join(
                "+", s.inputs().stream().map(n -> n.replace(".export", "")).toList());
    }

    static String describe(Slice s) {
        return String.format(
                Locale.ROOT,
                "%,9.0f rows/s  CPU %5.1f us/row (JVM %4.1f, MariaDB %4.1f)",
                s.rowsPerSecond(),
                s.cpuJvmMicrosPerRow() + s.cpuChildrenMicrosPerRow(),
                s.cpuJvmMicrosPerRow(),
                s.cpuChildrenMicrosPerRow());
    }
}

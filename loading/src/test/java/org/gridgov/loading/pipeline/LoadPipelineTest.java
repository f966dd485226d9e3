package org.gridgov.loading.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridgov.loading.LoadOutcome;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.loading.write.TableBuffer;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's threads against a warehouse in memory: the committer writes each batch and reads it back after the
 * write returned (its commit), and a failing write or read-back fails the load.
 */
class LoadPipelineTest {

    private static final Table ODS = WarehouseSchema.ODS_HOTLINE_CASE;
    private static final Table DLQ = WarehouseSchema.DLQ_RECORD;

    /** Tables in memory; a batch becomes visible only when its write returns, as a commit does. */
    private static final class Warehouse {
        final Map<String, Set<String>> committed = new ConcurrentHashMap<>();
        final Set<BatchWriter> writing = ConcurrentHashMap.newKeySet();
        final Set<BatchWriter> reading = ConcurrentHashMap.newKeySet();
        final AtomicInteger writes = new AtomicInteger();
        volatile int failOnWrite;
        volatile int failOnRead;
        final AtomicInteger reads = new AtomicInteger();

        BatchWriter writer() {
            return new BatchWriter() {
                @Override
                public void write(Map<Table, List<TableRow>> rowsByTable) throws Exception {
                    writing.add(this);
                    if (writes.incrementAndGet() == failOnWrite) {
                        throw new IllegalStateException("injected write failure");
                    }
                    // the rows are not visible until the write returns: a read-back that ran before would miss them
                    Thread.sleep(1);
                    rowsByTable.forEach((t, rows) -> {
                        Set<String> keys = committed.computeIfAbsent(t.name(), k -> ConcurrentHashMap.newKeySet());
                        rows.forEach(r -> keys.add(key(t, r)));
                    });
                }

                @Override
                public int countPresent(Table table, Collection<TableRow> rows) {
                    reading.add(this);
                    if (reads.incrementAndGet() == failOnRead) {
                        throw new IllegalStateException("injected read-back failure");
                    }
                    Set<String> keys = committed.getOrDefault(table.name(), Set.of());
                    return (int) rows.stream()
                            .map(r -> key(table, r))
                            .distinct()
                            .filter(keys::contains)
                            .count();
                }

                @Override
                public void close() {}
            };
        }

        static String key(Table t, TableRow r) {
            StringBuilder sb = new StringBuilder();
            for (String k : t.keyColumns()) {
                sb.append(r.values[t.position(k)]).append('\u0001');
            }
            return sb.toString();
        }
    }

    /** Records {@code 0..n-1}: every fifth a dead letter, and record i keyed {@code i % distinct} (repeats are duplicates). */
    private static final class Records implements RecordInput<Integer> {
        private final Iterator<Integer> it;

        Records(int n) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            it = all.iterator();
        }

        @Override
        public Integer next() {
            return it.hasNext() ? it.next() : null;
        }

        @Override
        public String inputName() {
            return "records.csv";
        }

        @Override
        public LocalDateTime receivedTime() {
            return LocalDateTime.of(2024, 11, 15, 8, 30);
        }

        @Override
        public String sha256() {
            return null;
        }

        @Override
        public String notes() {
            return "";
        }

        @Override
        public void close() {}
    }

    private static LoadOutcome outcome(int i, int distinct) {
        if (i % 5 == 4) {
            String[] v = new String[DLQ.columns().size()];
            v[DLQ.position("dlq_id")] = "records.csv:" + i;
            v[DLQ.position("error_field")] = "accept_time";
            return new LoadOutcome(List.of(), new TableRow(DLQ.name(), v), "records.csv:" + i);
        }
        String caseId = "RX" + (i % distinct);
        String[] v = new String[ODS.columns().size()];
        v[ODS.position("case_id")] = caseId;
        v[ODS.position("accept_date")] = "2024-11-15";
        v[ODS.position("department")] = "version " + i;
        TableRow row = new TableRow(ODS.name(), v);
        return new LoadOutcome(List.of(row), null, TableBuffer.key(ODS, row));
    }

    private static LoadResult load(Warehouse w, int records, int distinct) throws Exception {
        LoadPipeline pipeline = new LoadPipeline(ODS, w::writer, new LoadPipeline.Settings(2, 2, 7, true, 0), null);
        return pipeline.load(new Records(records), i -> outcome(i, distinct));
    }

    @Test
    void readBackCountsEveryCommittedKeyOnce() throws Exception {
        Warehouse w = new Warehouse();

        // 500 records: 100 dead letters, 400 accepted over 149 case ids (each one at least twice), so 251
        // duplicates, spread over many batches of 7
        LoadResult r = load(w, 500, 149);

        assertThat(r.read()).isEqualTo(500);
        assertThat(r.accepted()).isEqualTo(400);
        assertThat(r.rejected()).isEqualTo(100);
        assertThat(r.duplicates()).isEqualTo(400 - 149);
        assertThat(r.verified()).isEqualTo(149 + 100);
        assertThat(r.countsReconcile()).as(r.mismatch()).isTrue();
        assertThat(w.committed.get(ODS.name())).hasSize(149);
        // on the committing writer's connection, after its write: no second connection per writer
        assertThat(w.reading).isNotEmpty();
        assertThat(w.writing).containsAll(w.reading);
    }

    @Test
    void aFailingReadBackFailsTheLoad() {
        Warehouse w = new Warehouse();
        w.failOnRead = 3;

        assertThatThrownBy(() -> load(w, 500, 150)).hasMessageContaining("injected read-back failure");
    }

    @Test
    void aFailingWriteFailsTheLoadWhileBatchesAreReadBack() {
        Warehouse w = new Warehouse();
        w.failOnWrite = 5;

        assertThatThrownBy(() -> load(w, 500, 150)).hasMessageContaining("injected write failure");
    }

    @Test
    void withoutVerifyingNothingIsReadBackAndNoSecondWriterIsOpened() throws Exception {
        Warehouse w = new Warehouse();
        AtomicInteger opened = new AtomicInteger();
        LoadPipeline pipeline = new LoadPipeline(
                ODS,
                () -> {
                    opened.incrementAndGet();
                    return w.writer();
                },
                new LoadPipeline.Settings(2, 2, 7, false, 0),
                null);

        LoadResult r = pipeline.load(new Records(100), i -> outcome(i, 50));

        assertThat(r.isVerified()).isFalse();
        assertThat(r.countsReconcile()).isTrue();
        assertThat(w.reads.get()).isZero();
        assertThat(opened.get()).isEqualTo(2);
    }
}

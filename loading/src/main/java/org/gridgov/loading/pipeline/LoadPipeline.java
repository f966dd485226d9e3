package org.gridgov.loading.pipeline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.loading.LoadOutcome;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.loading.write.TableBuffer;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Loads one input as one batch: the calling thread reads records in chunks, {@code workers} threads validate and map
 * them (the caller's mapping, which ends in {@link org.gridgov.loading.RawRecordMapper}), a collector takes the chunks back in input order and routes every outcome by the hash of
 * its key to one of {@code writers} writer threads, each with its own connection. All versions of a key go to the same
 * writer in input order, so the last one in the file wins, as with the streaming loader.
 *
 * <p>Each writer buffers its rows per table ({@link TableBuffer}: one row per key, the last one wins); its committer
 * thread upserts a batch (ODS, DWD and dead letters together) through the writer's {@link BatchWriter} in one
 * transaction, then - when verifying - reads the batch's keys back, while the writer buffers the next batch. Keys seen for the first time count towards {@code verified}; a key seen before is a
 * duplicate. Any failure stops the load and is rethrown; the rows already committed stay (upserts make a rerun safe).
 */
public final class LoadPipeline {

    private static final int CHUNK = 256;

    /** Threads and batching of a load. */
    public record Settings(int workers, int writers, int batchSize, boolean verify, long progressIntervalMs) {
        public Settings {
            if (workers < 1 || writers < 1 || batchSize < 1) {
                throw new IllegalArgumentException("workers, writers and batch size must be positive");
            }
        }
    }

    /** Receives progress while a load runs (from a timer thread). */
    @FunctionalInterface
    public interface Progress {
        void report(String inputName, long read, long accepted, long rejected, double elapsedSeconds);
    }

    private final Table target;
    private final Supplier<BatchWriter> writerFactory;
    private final Settings settings;
    private final Progress progress;

    /** {@code target}: the ODS table whose keys identify records (read back, counted as duplicates). */
    public LoadPipeline(Table target, Supplier<BatchWriter> writerFactory, Settings settings, Progress progress) {
        this.target = target;
        this.writerFactory = writerFactory;
        this.settings = settings;
        this.progress = progress;
    }

    /** Loads every record of {@code reader}, each turned into rows or a dead letter by {@code mapping}. */
    public <T> LoadResult load(RecordInput<T> reader, Function<? super T, LoadOutcome> mapping) throws Exception {
        return new Run<T>(reader, mapping).execute();
    }

    private final class Run<T> {
        private final RecordInput<T> reader;
        private final Function<? super T, LoadOutcome> mapping;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicLong read = new AtomicLong();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final Map<String, Long> rejectedByField = new TreeMap<>();
        private final BlockingQueue<Future<List<LoadOutcome>>> ordered;
        private final List<Writer> writers;
        private final ExecutorService pool;
        private final Future<List<LoadOutcome>> end = CompletableFuture.completedFuture(null);

        Run(RecordInput<T> reader, Function<? super T, LoadOutcome> mapping) {
            this.reader = reader;
            this.mapping = mapping;
            this.ordered = new ArrayBlockingQueue<>(settings.workers() * 4);
            this.writers = new ArrayList<>(settings.writers());
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(
                    settings.workers(), r -> daemon(r, "ingest-worker-" + n.incrementAndGet()));
        }

        LoadResult execute() throws Exception {
            LocalDateTime started = LocalDateTime.now(RecordDecoder.ZONE).withNano(0);
            long t0 = System.nanoTime();
            ScheduledExecutorService timer = null;
            if (settings.progressIntervalMs() > 0 && progress != null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ingest-progress"));
                timer.scheduleAtFixedRate(
                        () -> progress.report(
                                reader.inputName(),
                                read.get(),
                                accepted.get(),
                                rejected.get(),
                                (System.nanoTime() - t0) / 1e9),
                        settings.progressIntervalMs(),
                        settings.progressIntervalMs(),
                        TimeUnit.MILLISECONDS);
            }
            Thread collector = daemon(this::collect, "ingest-collector");
            try {
                for (int i = 0; i < settings.writers(); i++) {
                    Writer w = new Writer(i);
                    writers.add(w);
                    w.thread.start();
                }
                collector.start();
                List<T> chunk = new ArrayList<>(CHUNK);
                T r;
                while (failure.get() == null && (r = reader.next()) != null) {
                    read.incrementAndGet();
                    chunk.add(r);
                    if (chunk.size() == CHUNK) {
                        submit(chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                if (!chunk.isEmpty()) {
                    submit(chunk);
                }
                put(ordered, end);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                collector.join();
                for (Writer w : writers) {
                    if (w != null) {
                        w.thread.join();
                    }
                }
                pool.shutdownNow();
                if (timer != null) {
                    timer.shutdownNow();
                }
            }
            Throwable f = failure.get();
            if (f instanceof Exception e) {
                throw e;
            } else if (f != null) {
                throw new IllegalStateException("load of " + reader.inputName() + " failed", f);
            }
            long duplicates = 0;
            long verified = settings.verify() ? 0 : -1;
            Map<String, Long> written = new LinkedHashMap<>();
            for (Writer w : writers) {
                duplicates += w.duplicates;
                if (settings.verify()) {
                    verified += w.verified;
                }
                w.written.forEach((t, c) -> written.merge(t, c, Long::sum));
            }
            long elapsed = System.nanoTime() - t0;
            return new LoadResult(
                    reader.inputName(),
                    target.name(),
                    read.get(),
                    accepted.get(),
                    rejected.get(),
                    duplicates,
                    verified,
                    written,
                    new TreeMap<>(rejectedByField),
                    started,
                    LocalDateTime.now(RecordDecoder.ZONE).withNano(0),
                    elapsed,
                    reader.sha256(),
                    reader.notes(),
                    null);
        }

        private void submit(List<T> chunk) throws InterruptedException {
            List<T> mine = chunk;
            put(ordered, pool.submit(() -> {
                List<LoadOutcome> out = new ArrayList<>(mine.size());
                for (T in : mine) {
                    out.add(mapping.apply(in));
                }
                return out;
            }));
        }

        /** Takes assembled chunks in input order and routes each outcome to the writer that owns its key. */
        private void collect() {
            try {
                while (true) {
                    Future<List<LoadOutcome>> f = take(ordered);
                    if (f == null || f == end) {
                        break;
                    }
                    List<LoadOutcome> outcomes = get(f);
                    @SuppressWarnings("unchecked")
                    List<LoadOutcome>[] routed = new List[settings.writers()];
                    for (LoadOutcome o : outcomes) {
                        if (o.accepted()) {
                            accepted.incrementAndGet();
                        } else {
                            rejected.incrementAndGet();
                            String field = o.deadLetter().value(WarehouseSchema.DLQ_RECORD, "error_field");
                            synchronized (rejectedByField) {
                                rejectedByField.merge(field, 1L, Long::sum);
                            }
                        }
                        int w = Math.floorMod(LongSet.hash(o.key()), settings.writers());
                        if (routed[w] == null) {
                            routed[w] = new ArrayList<>();
                        }
                        routed[w].add(o);
                    }
                    for (int i = 0; i < routed.length; i++) {
                        if (routed[i] != null) {
                            put(writers.get(i).queue, routed[i]);
                        }
                    }
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                for (Writer w : writers) {
                    if (w != null) {
                        try {
                            // blocking: a writer behind on a full queue must still get its end marker
                            put(w.queue, Writer.END);
                        } catch (InterruptedException e) {
                            // the load failed; the writers see the failure and stop on their own
                        }
                    }
                }
            }
        }

        private List<LoadOutcome> get(Future<List<LoadOutcome>> f) throws Exception {
            try {
                return f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }

        private <T> void put(BlockingQueue<T> q, T item) throws InterruptedException {
            while (!q.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    throw new InterruptedException("load aborted");
                }
            }
        }

        private <T> T take(BlockingQueue<T> q) throws InterruptedException {
            while (true) {
                T item = q.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (failure.get() != null) {
                    return null;
                }
            }
        }

        /** A batch buffered and prepared by a writer: its rows per table and what the read-back must find. */
        private record Ready(BatchWriter.Prepared batch, List<TableRow> firstSeen, List<TableRow> deadLetters) {}

        private static final Ready DONE = new Ready(Map::of, List.of(), List.of());

        /**
         * One writer: its thread buffers its keys' rows per table; a committer thread of its own writes each batch in
         * one unit and reads it back, while the next batch is buffered.
         */
        private final class Writer {
            static final List<LoadOutcome> END = List.of();

            final BlockingQueue<List<LoadOutcome>> queue = new ArrayBlockingQueue<>(16);
            /** Batches buffered and waiting for the committer: one, so at most three are in memory. */
            final BlockingQueue<Ready> ready = new ArrayBlockingQueue<>(1);

            final Thread thread;
            final LongSet seen = new LongSet();
            final Map<String, TableBuffer> buffers = new LinkedHashMap<>();
            /** Keys of records first seen in this load within the buffered batch: what the read-back must find. */
            final Set<String> fresh = new HashSet<>();

            final Map<String, Long> written = new LinkedHashMap<>();
            int buffered;
            long duplicates;
            long verified;

            Writer(int index) {
                thread = daemon(this::run, "ingest-writer-" + index);
            }

            void run() {
                try (BatchWriter out = writerFactory.get()) {
                    Thread committer = daemon(() -> commit(out), thread.getName() + "-commit");
                    committer.start();
                    try {
                        buffer(out);
                    } finally {
                        committer.join();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }

            /** This thread's part: takes routed outcomes, buffers them, hands full batches to the committer. */
            private void buffer(BatchWriter out) {
                try {
                    while (true) {
                        List<LoadOutcome> batch = take(queue);
                        if (batch == null) {
                            return; // aborted elsewhere
                        }
                        if (batch == END) {
                            if (failure.get() == null) {
                                flush(out);
                                put(ready, DONE);
                            }
                            return;
                        }
                        for (LoadOutcome o : batch) {
                            add(o);
                            if (buffered >= settings.batchSize()) {
                                flush(out);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }

            /**
             * The committer's part, on its own thread over the writer's one connection: writes the batches in the
             * order they were flushed (so the last version of a key still wins) and reads them back, while this
             * writer buffers the next batch: the database and our JVM work at the same time (issue 15).
             */
            private void commit(BatchWriter out) {
                try {
                    while (true) {
                        Ready r = take(ready);
                        if (r == null || r == DONE) {
                            return;
                        }
                        out.write(r.batch());
                        r.batch().rows().forEach((t, l) -> written.merge(t.name(), (long) l.size(), Long::sum));
                        if (!r.firstSeen().isEmpty()) {
                            verified += out.countPresent(target, r.firstSeen());
                        }
                        if (!r.deadLetters().isEmpty()) {
                            verified += out.countPresent(WarehouseSchema.DLQ_RECORD, r.deadLetters());
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }

            void add(LoadOutcome o) {
                buffered++;
                if (!o.accepted()) {
                    buffer(o.deadLetter());
                    return;
                }
                if (!seen.add(LongSet.hash(o.key()))) {
                    duplicates++;
                } else if (settings.verify()) {
                    fresh.add(o.key());
                }
                for (TableRow row : o.rows()) {
                    buffer(row);
                }
                for (TableRow row : o.evidence()) {
                    buffer(row);
                }
            }

            void buffer(TableRow row) {
                buffers.computeIfAbsent(row.table, t -> new TableBuffer(WarehouseSchema.table(t)))
                        .add(row);
            }

            /**
             * Prepares the buffered batch (the bulk writer encodes its LOAD DATA files: on this thread, while the
             * committer still loads the batch before, instead of on the committer's path, issue 15) and hands it to
             * the committer (waiting while it still writes the one before).
             */
            void flush(BatchWriter out) throws Exception {
                if (buffered == 0) {
                    return;
                }
                Map<Table, List<TableRow>> rows = new LinkedHashMap<>();
                for (TableBuffer b : buffers.values()) {
                    if (!b.isEmpty()) {
                        // key order: concurrent writers lock index pages in the same direction
                        rows.put(b.table(), b.rows());
                    }
                }
                List<TableRow> firstSeen = List.of();
                List<TableRow> dlq = List.of();
                if (settings.verify()) {
                    TableBuffer ods = buffers.get(target.name());
                    firstSeen = ods == null || ods.isEmpty() ? List.of() : ods.rowsWithKeyIn(fresh);
                    dlq = rows.getOrDefault(WarehouseSchema.DLQ_RECORD, List.of());
                }
                buffers.values().forEach(TableBuffer::clear);
                fresh.clear();
                buffered = 0;
                put(ready, new Ready(out.prepare(rows), firstSeen, dlq));
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

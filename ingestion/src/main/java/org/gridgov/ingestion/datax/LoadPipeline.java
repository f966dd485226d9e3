package org.gridgov.ingestion.datax;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import java.util.function.Supplier;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.ingestion.datax.RecordAssembler.Outcome;
import org.gridgov.ingestion.warehouse.BatchWriter;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Loads one input: the calling thread reads records in chunks, {@code workers} threads validate and map them
 * ({@link RecordAssembler}), a collector takes the chunks back in input order and routes every outcome by the hash of
 * its key to one of {@code writers} writer threads, each with its own connection. All versions of a key go to the same
 * writer in input order, so the last one in the file wins, as with the streaming loader.
 *
 * <p>Each writer upserts a batch (ODS, DWD and dead letters together) in one transaction, then - when verifying -
 * reads the batch's keys back. Keys seen for the first time count towards {@code verified}; a key seen before is a
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

    private final RecordAssembler assembler;
    private final Supplier<BatchWriter> writerFactory;
    private final Settings settings;
    private final Progress progress;

    public LoadPipeline(RecordAssembler assembler, Supplier<BatchWriter> writerFactory, Settings settings,
                        Progress progress) {
        this.assembler = assembler;
        this.writerFactory = writerFactory;
        this.settings = settings;
        this.progress = progress;
    }

    public LoadResult load(RecordReader reader) throws Exception {
        return new Run(reader).execute();
    }

    private final class Run {
        private final RecordReader reader;
        private final String sourceName;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicLong read = new AtomicLong();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final Map<String, Long> rejectedByField = new TreeMap<>();
        private final BlockingQueue<Future<List<Outcome>>> ordered;
        private final Writer[] writers;
        private final ExecutorService pool;
        private final Future<List<Outcome>> end = CompletableFuture.completedFuture(null);

        Run(RecordReader reader) {
            this.reader = reader;
            this.sourceName = Positions.source(reader.inputName());
            this.ordered = new ArrayBlockingQueue<>(settings.workers() * 4);
            this.writers = new Writer[settings.writers()];
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(settings.workers(), r -> daemon(r, "ingest-worker-" + n.incrementAndGet()));
        }

        LoadResult execute() throws Exception {
            LocalDateTime started = LocalDateTime.now(RecordDecoder.ZONE).withNano(0);
            long t0 = System.nanoTime();
            LocalDateTime received = reader.receivedTime();
            ScheduledExecutorService timer = null;
            if (settings.progressIntervalMs() > 0 && progress != null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ingest-progress"));
                timer.scheduleAtFixedRate(() -> progress.report(reader.inputName(), read.get(), accepted.get(),
                                rejected.get(), (System.nanoTime() - t0) / 1e9),
                        settings.progressIntervalMs(), settings.progressIntervalMs(), TimeUnit.MILLISECONDS);
            }
            Thread collector = daemon(this::collect, "ingest-collector");
            try {
                for (int i = 0; i < writers.length; i++) {
                    writers[i] = new Writer(i);
                    writers[i].thread.start();
                }
                collector.start();
                List<InputRecord> chunk = new ArrayList<>(CHUNK);
                InputRecord r;
                while (failure.get() == null && (r = reader.next()) != null) {
                    read.incrementAndGet();
                    chunk.add(r);
                    if (chunk.size() == CHUNK) {
                        submit(chunk, received);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                if (!chunk.isEmpty()) {
                    submit(chunk, received);
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
            return new LoadResult(reader.inputName(), assembler.odsTable().name(), read.get(), accepted.get(),
                    rejected.get(), duplicates, verified, written, new TreeMap<>(rejectedByField), started,
                    LocalDateTime.now(RecordDecoder.ZONE).withNano(0), elapsed, reader.sha256(), reader.notes(), null);
        }

        private void submit(List<InputRecord> chunk, LocalDateTime received) throws InterruptedException {
            List<InputRecord> mine = chunk;
            put(ordered, pool.submit(() -> {
                List<Outcome> out = new ArrayList<>(mine.size());
                for (InputRecord in : mine) {
                    out.add(assembler.assemble(in, sourceName, received));
                }
                return out;
            }));
        }

        /** Takes assembled chunks in input order and routes each outcome to the writer that owns its key. */
        private void collect() {
            try {
                while (true) {
                    Future<List<Outcome>> f = take(ordered);
                    if (f == null || f == end) {
                        break;
                    }
                    List<Outcome> outcomes = get(f);
                    @SuppressWarnings("unchecked")
                    List<Outcome>[] routed = new List[writers.length];
                    for (Outcome o : outcomes) {
                        if (o.accepted()) {
                            accepted.incrementAndGet();
                        } else {
                            rejected.incrementAndGet();
                            String field = o.deadLetter().value(WarehouseSchema.DLQ_RECORD, "error_field");
                            synchronized (rejectedByField) {
                                rejectedByField.merge(field, 1L, Long::sum);
                            }
                        }
                        int w = Math.floorMod(LongSet.hash(o.key()), writers.length);
                        if (routed[w] == null) {
                            routed[w] = new ArrayList<>();
                        }
                        routed[w].add(o);
                    }
                    for (int i = 0; i < routed.length; i++) {
                        if (routed[i] != null) {
                            put(writers[i].queue, routed[i]);
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

        private List<Outcome> get(Future<List<Outcome>> f) throws Exception {
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

        /** One writer thread: buffers its keys' rows per table, writes a batch in one unit, reads it back. */
        private final class Writer {
            static final List<Outcome> END = List.of();

            final BlockingQueue<List<Outcome>> queue = new ArrayBlockingQueue<>(16);
            final Thread thread;
            final LongSet seen = new LongSet();
            final Map<String, Table> tables = new HashMap<>();
            final Map<Table, Map<String, Entry>> buffers = new LinkedHashMap<>();
            final Map<String, Long> written = new LinkedHashMap<>();
            final Table ods = assembler.odsTable();
            int buffered;
            long duplicates;
            long verified;

            record Entry(TableRow row, boolean firstSeen) {
            }

            Writer(int index) {
                thread = daemon(this::run, "ingest-writer-" + index);
            }

            void run() {
                try (BatchWriter out = writerFactory.get()) {
                    while (true) {
                        List<Outcome> batch = take(queue);
                        if (batch == null) {
                            return; // aborted elsewhere
                        }
                        if (batch == END) {
                            if (failure.get() == null) {
                                flush(out);
                            }
                            return;
                        }
                        for (Outcome o : batch) {
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

            void add(Outcome o) {
                buffered++;
                if (!o.accepted()) {
                    buffer(WarehouseSchema.DLQ_RECORD, o.deadLetter(), true);
                    return;
                }
                boolean firstSeen = seen.add(LongSet.hash(o.key()));
                if (!firstSeen) {
                    duplicates++;
                }
                for (TableRow row : o.rows()) {
                    buffer(tables.computeIfAbsent(row.table, WarehouseSchema::table), row, firstSeen);
                }
            }

            void buffer(Table table, TableRow row, boolean firstSeen) {
                Map<String, Entry> b = buffers.computeIfAbsent(table, t -> new HashMap<>());
                String key = key(table, row);
                Entry previous = b.put(key, new Entry(row, firstSeen));
                if (previous != null && previous.firstSeen()) {
                    b.put(key, new Entry(row, true));
                }
            }

            void flush(BatchWriter out) throws Exception {
                if (buffered == 0) {
                    return;
                }
                Map<Table, List<TableRow>> rows = new LinkedHashMap<>();
                for (Map.Entry<Table, Map<String, Entry>> e : buffers.entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        // key order: concurrent writers lock index pages in the same direction
                        List<TableRow> sorted = new TreeMap<>(e.getValue()).values().stream().map(Entry::row).toList();
                        rows.put(e.getKey(), sorted);
                    }
                }
                out.write(rows);
                rows.forEach((t, r) -> written.merge(t.name(), (long) r.size(), Long::sum));
                if (settings.verify()) {
                    Map<String, Entry> odsEntries = buffers.getOrDefault(ods, Map.of());
                    List<TableRow> fresh = odsEntries.values().stream().filter(Entry::firstSeen).map(Entry::row).toList();
                    if (!fresh.isEmpty()) {
                        verified += out.countPresent(ods, fresh);
                    }
                    List<TableRow> dlq = rows.getOrDefault(WarehouseSchema.DLQ_RECORD, List.of());
                    if (!dlq.isEmpty()) {
                        verified += out.countPresent(WarehouseSchema.DLQ_RECORD, dlq);
                    }
                }
                buffers.values().forEach(Map::clear);
                buffered = 0;
            }

            String key(Table table, TableRow row) {
                StringBuilder sb = new StringBuilder();
                for (String k : table.keyColumns()) {
                    sb.append(row.values[table.position(k)]).append('\u0001');
                }
                return sb.toString();
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

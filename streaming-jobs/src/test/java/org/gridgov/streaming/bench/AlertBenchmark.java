package org.gridgov.streaming.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.json.Json;
import org.gridgov.common.kafka.Topics;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.testing.JvmThreadCpu;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.streaming.alerts.AlertInputs;
import org.gridgov.streaming.alerts.AlertJob;
import org.gridgov.streaming.alerts.AlertTopology;
import org.gridgov.streaming.alerts.EventTimes;
import org.gridgov.streaming.alerts.KafkaAlertInputs;
import org.gridgov.streaming.alerts.RuleParams;
import org.gridgov.streaming.alerts.input.InputDecoder;
import org.gridgov.streaming.alerts.input.InputEvent;
import org.gridgov.streaming.alerts.input.InputKind;
import org.gridgov.streaming.alerts.input.InputWatermarks;
import org.gridgov.streaming.alerts.person.KeyPersonUpdate;
import org.gridgov.streaming.api.AlertBenchmarkOptions;
import org.gridgov.streaming.api.AlertOptions;
import org.gridgov.streaming.api.StreamingJob;
import org.gridgov.streaming.job.FlinkJobMain;
import org.gridgov.streaming.job.LocalRun;

/**
 * Measures the alert job on this machine and prints one line (test scope: no production jar holds it; {@code gridgov
 * bench alerts} runs it from the test classpath):
 * <ul>
 *   <li><b>throughput</b>, in memory (no Kafka): {@code bench.events} synthetic records through the whole graph
 *       as the job reads them since issue 15 (the loader's dwd records in Avro, then key-person rules, group
 *       petitions, case timers) at {@code alerts.parallelism}; beside it the pass-through ceiling (the same records
 *       read, no rules) and the ratio; the path before issue 15 (raw JSON decoded, validated, keyed); and the rules
 *       alone, from already decoded events;</li>
 *   <li><b>produce→alert latency</b> through Kafka ({@code kafka.bootstrap-servers}, e.g. the embedded broker of
 *       {@code gridgov bench}): one run per rate of {@code bench.rates} (1k, 10k, 50k events/s), records produced
 *       at that rate for {@code bench.seconds}, 5 % of
 *       them police incidents of registry-listed key persons, each of which raises a cross-source alert; latency is
 *       the alert's Kafka timestamp minus the incident's send time, p50/p95/p99/max after a 5 s warm-up. The alerts
 *       sink is at-least-once (the job's default): an alert is visible when written, not at the next checkpoint.</li>
 * </ul>
 * The latency run writes synthetic conformed records into the dwd topics (what the loader publishes; the loader's own hop
 * is not part of the figure), so it refuses a Kafka whose dwd topics hold data.
 * Needs GRIDGOV_PII_SALT like the job (any value of 16+ characters).
 */
public final class AlertBenchmark {

    static final int PERSONS = 300_000;
    static final int KEY_PERSONS = 1_000;
    static final Duration WARM_UP = Duration.ofSeconds(5);

    private AlertBenchmark() {}

    public static void main(String[] args) throws Exception {
        GridgovConfig c;
        PiiProtector pii;
        try {
            c = GridgovConfig.fromArgs(args, StreamingJob.ALERT_BENCHMARK.options());
            pii = new PiiProtector(c.require(GridgovOptions.PII_SALT));
        } catch (RuntimeException e) {
            System.err.println("alert benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        int parallelism = c.get(AlertOptions.PARALLELISM);
        List<Integer> rates;
        List<Path> paths;
        try {
            rates = rates(c.get(AlertBenchmarkOptions.RATES));
            paths = paths(c.get(AlertBenchmarkOptions.PATHS));
        } catch (RuntimeException e) {
            System.err.println("alert benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        double loadAtStart = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        long events = c.get(AlertBenchmarkOptions.EVENTS);
        try {
            long checkpointMs = c.get(AlertOptions.CHECKPOINT_INTERVAL).toMillis();
            // the first run of a JVM pays the JIT's compilation (compiler threads at about a quarter of the process's
            // CPU, the task threads running interpreted or C1 code meanwhile: about 2x the CPU per event of a warm
            // run), which a TaskManager pays once in days; so it runs first as a warm-up, printed as one, like JMH's
            // warm-up iterations, and the measured runs follow. A path named twice runs twice; the ratio is of the
            // last full and pass-through runs.
            Map<Path, Throughput> last = new EnumMap<>(Path.class);
            List<String> parts = new ArrayList<>();
            int warmUps = paths.isEmpty() ? 0 : c.get(AlertBenchmarkOptions.WARM_UP_RUNS);
            for (int w = 1; w <= warmUps; w++) {
                Throughput t = throughput(events, parallelism, Path.DWD, pii, checkpointMs);
                parts.add("warm-up " + w + " of " + warmUps + (w == 1 ? " (cold JVM)" : "") + ", not measured: " + t
                        + " " + Path.DWD.label);
            }
            String measured = warmUps > 0 ? "measured after the warm-up: " : "";
            for (Path path : paths) {
                Throughput t = throughput(events, parallelism, path, pii, checkpointMs);
                last.put(path, t);
                parts.add(measured + t + " " + path.label);
                measured = "";
            }
            if (last.containsKey(Path.DWD) && last.containsKey(Path.PASS_THROUGH)) {
                parts.add(String.format(
                        "full path at %.0f %% of the pass-through ceiling",
                        100
                                * last.get(Path.DWD).perSecond()
                                / last.get(Path.PASS_THROUGH).perSecond()));
            }
            String line = String.format(
                    "alert benchmark on %d cores (load average %.1f at start), %,d events, " + "parallelism %d: %s",
                    Runtime.getRuntime().availableProcessors(),
                    loadAtStart,
                    events,
                    parallelism,
                    parts.isEmpty() ? "no throughput run (bench.paths empty)" : String.join("; ", parts));
            if (c.get(AlertBenchmarkOptions.LATENCY)) {
                List<String> runs = new ArrayList<>();
                String bootstrap = c.get(GridgovOptions.KAFKA_BOOTSTRAP);
                prepareTopics(bootstrap, Topics.KEY_PERSONS.name());
                publishRegistry(bootstrap, Topics.KEY_PERSONS.name(), pii);
                JobTiming timing = JobTiming.of(c);
                for (int run = 0; run < rates.size(); run++) {
                    runs.add(latency(
                                    bootstrap,
                                    rates.get(run),
                                    c.get(AlertBenchmarkOptions.SECONDS),
                                    parallelism,
                                    timing,
                                    pii,
                                    run)
                            .toString());
                }
                line += "; produce→alert latency (at-least-once to alerts; " + timing + "): " + String.join("; ", runs);
            }
            System.out.println(line);
            System.exit(0);
        } catch (Exception e) {
            System.err.println("alert benchmark failed: " + FlinkJobMain.describe(e));
            System.exit(1);
        }
    }

    /** The latency runs' rates, each a positive number of events per second. */
    static List<Integer> rates(List<String> texts) {
        List<Integer> rates = new ArrayList<>();
        for (String t : texts) {
            int r;
            try {
                r = Integer.parseInt(t.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench.rates: not a number of events per second: " + t);
            }
            if (r < 1) {
                throw new IllegalArgumentException("bench.rates: a rate must be at least 1, got " + t);
            }
            rates.add(r);
        }
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("bench.rates: give at least one rate");
        }
        return rates;
    }

    private static StreamExecutionEnvironment environment(
            LocalRun local, int parallelism, long checkpointMs, long watermarkMs, long bufferTimeoutMs) {
        Configuration conf = local.configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        AlertJob.configure(env, checkpointMs, parallelism, watermarkMs, bufferTimeoutMs);
        return env;
    }

    /** The job's timing settings ({@code alerts.*}), which the latency runs use as the job would. */
    public record JobTiming(
            long checkpointMs, long watermarkMs, long bufferTimeoutMs, long outOfOrdernessMs, long idlenessMs) {
        static JobTiming of(GridgovConfig c) {
            return new JobTiming(
                    c.get(AlertOptions.CHECKPOINT_INTERVAL).toMillis(),
                    c.get(AlertOptions.WATERMARK_INTERVAL).toMillis(),
                    c.get(AlertOptions.BUFFER_TIMEOUT).toMillis(),
                    c.get(AlertOptions.OUT_OF_ORDERNESS).toMillis(),
                    c.get(AlertOptions.SOURCE_IDLENESS).toMillis());
        }

        @Override
        public String toString() {
            return String.format(
                    "checkpoints every %d ms, watermarks every %d ms, buffer timeout %d ms, "
                            + "out-of-orderness %d ms, source idleness %d ms",
                    checkpointMs, watermarkMs, bufferTimeoutMs, outOfOrdernessMs, idlenessMs);
        }
    }

    // ---- throughput ------------------------------------------------------------------------------------------

    /**
     * Events per wall-clock second, and per CPU-second of this process (the job's own cost, whatever else runs on
     * the machine: on a shared machine the first understates what free cores would do).
     */
    public record Throughput(double perSecond, double perCpuSecond, JvmWork jvm) {
        @Override
        public String toString() {
            return String.format(
                    "%,.0f events/s (%,.0f events per CPU-second, %.1f µs CPU per event; %s)",
                    perSecond, perCpuSecond, 1e6 / perCpuSecond, jvm);
        }
    }

    /**
     * CPU of the JVM's own threads during a run, which the thread MXBean does not list: the JIT compilers and the
     * garbage collector (G1's workers, refinement and concurrent threads), per event, from
     * {@code /proc/self/task/TID/stat} by thread name ({@link JvmThreadCpu}; NaN off Linux), so a cold run shows what its
     * JIT costs.
     */
    public record JvmWork(long jitTicks, long gcTicks, long events) {

        static JvmWork now() {
            long[] ticks = JvmThreadCpu.gcAndJitTicks();
            return ticks == null ? new JvmWork(-1, -1, 0) : new JvmWork(ticks[1], ticks[0], 0);
        }

        /** The compilers' and collector's CPU from {@code start} to now, over {@code n} events. */
        static JvmWork since(JvmWork start, long n) {
            JvmWork end = now();
            if (start.jitTicks < 0 || end.jitTicks < 0) {
                return new JvmWork(-1, -1, n);
            }
            return new JvmWork(end.jitTicks - start.jitTicks, end.gcTicks - start.gcTicks, n);
        }

        private double micros(long ticks) {
            return ticks < 0 || events <= 0 ? Double.NaN : ticks / JvmThreadCpu.TICKS_PER_SECOND * 1e6 / events;
        }

        @Override
        public String toString() {
            return String.format(
                    "of which JIT compilers %.1f µs, GC threads %.1f µs", micros(jitTicks), micros(gcTicks));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Events per second through the graph, in memory. Event times span two years ending yesterday, so state holds
     * what a district's two years would (persons for their windows, open cases for their time limits).
     */
    /** What the measured graph reads and does. */
    public enum Path {
        /** The job's path since issue 15: the loader's dwd records (Avro) read, then the rules. */
        DWD("full", "(full path: dwd records, Avro read + rules)"),
        /** The same dwd records read and discarded: the ceiling the full path is measured against. */
        PASS_THROUGH("pass-through", "(pass-through ceiling: the same records read, no rules)"),
        /** The path before issue 15: raw JSON decoded, validated and keyed, then the rules. */
        RAW("raw", "(before issue 15: raw JSON decode + validation + person keys + rules)"),
        /** Already decoded events through the rules. */
        RULES("rules", "(rules only)");

        final String option;
        final String label;

        Path(String option, String label) {
            this.option = option;
            this.label = label;
        }
    }

    /** The throughput runs named by {@code bench.paths}. */
    static List<Path> paths(List<String> names) {
        List<Path> paths = new ArrayList<>();
        for (String n : names) {
            Path found = null;
            for (Path p : Path.values()) {
                if (p.option.equals(n.trim().toLowerCase())) {
                    found = p;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(
                        "bench.paths: unknown path " + n + "; choose from full, pass-through, raw, rules");
            }
            paths.add(found);
        }
        return paths;
    }

    public static Throughput throughput(long n, int parallelism, Path path, PiiProtector pii, long checkpointMs)
            throws Exception {
        LocalRun local = LocalRun.create("gridgov-alert-bench");
        try {
            // checkpoints as the job takes them (alerts.checkpoint-interval, 10 s): while one is written, the heap
            // state backend copies each state entry on its first access, which is part of the cost
            StreamExecutionEnvironment env = environment(local, parallelism, checkpointMs, 50, 100);
            long end = EventTimes.millis(LocalDateTime.now(RecordDecoder.ZONE).minusDays(1));
            long span = Duration.ofDays(730).toMillis();
            long start = end - span;
            // the parallel readers of the sequence move through event time together, as the job's Kafka readers do
            BenchClock clock = new BenchClock(start, span, n, parallelism);
            BenchRecords records = new BenchRecords(PERSONS);
            RichMapFunction<Long, InputEvent> source =
                    switch (path) {
                        case DWD, PASS_THROUGH -> new DwdDecode(records, pii, clock);
                        case RAW -> new Decode(records, pii, clock);
                        case RULES -> new Direct(records, pii, clock);
                    };
            DataStream<InputEvent> events = env.fromSequence(0, n - 1)
                    .name("bench-sequence")
                    .uid("bench-sequence")
                    .map(source, TypeInformation.of(InputEvent.class))
                    .name("bench-" + path.name().toLowerCase())
                    .uid("bench-events")
                    .assignTimestampsAndWatermarks(InputWatermarks.strategy(0, 0))
                    .name("bench-watermarks")
                    .uid("bench-watermarks");
            DataStream<KeyPersonUpdate> registry = env.fromData(
                            List.of(KeyPersonUpdate.remove("none")), TypeInformation.of(KeyPersonUpdate.class))
                    .name("bench-registry")
                    .uid("bench-registry")
                    .filter(u -> false)
                    .name("bench-registry-empty")
                    .uid("bench-registry-empty")
                    .assignTimestampsAndWatermarks(WatermarkStrategy.noWatermarks())
                    .name("bench-registry-wm")
                    .uid("bench-registry-wm");
            if (path == Path.PASS_THROUGH) {
                events.filter(e -> e.kind == InputKind.REJECTED)
                        .name("bench-rejected")
                        .uid("bench-rejected")
                        .sinkTo(new DiscardingSink<>())
                        .name("discard-events")
                        .uid("discard-events");
                registry.sinkTo(new DiscardingSink<>()).name("discard-registry").uid("discard-registry");
                JvmWork jvm0 = JvmWork.now();
                long cpu0 = processCpuNanos();
                JobExecutionResult r = env.execute("gridgov-alert-benchmark-pass-through");
                return new Throughput(
                        n / (r.getNetRuntime() / 1000.0),
                        n / ((processCpuNanos() - cpu0) / 1e9),
                        JvmWork.since(jvm0, n));
            }
            AlertTopology.Outputs out =
                    AlertTopology.build(events, registry, RuleParams.defaults().withBoundedInput(true));
            out.alerts().sinkTo(new DiscardingSink<>()).name("discard-alerts").uid("discard-alerts");
            out.rejected()
                    .sinkTo(new DiscardingSink<>())
                    .name("discard-rejected")
                    .uid("discard-rejected");
            JvmWork jvm0 = JvmWork.now();
            long cpu0 = processCpuNanos();
            JobExecutionResult r = env.execute("gridgov-alert-benchmark");
            long cpu = processCpuNanos() - cpu0;
            JvmWork jvm = JvmWork.since(jvm0, n);
            Long inputs = r.getAccumulatorResult("alerts.inputs");
            Long rejected = r.getAccumulatorResult("alerts.rejected");
            if (inputs == null || inputs != n || (rejected != null && rejected > 0)) {
                throw new IllegalStateException("the benchmark job saw " + inputs + " of " + n + " events, " + rejected
                        + " rejected: its synthetic records must all be valid");
            }
            return new Throughput(n / (r.getNetRuntime() / 1000.0), n / (cpu / 1e9), jvm);
        } finally {
            local.cleanUp();
        }
    }

    /** Sequence number → raw JSON → the job's decoder (the production path inside the Kafka source). */
    static final class Decode extends RichMapFunction<Long, InputEvent> {
        private static final long serialVersionUID = 1L;
        private final BenchRecords records;
        private final InputDecoder decoder;
        private final BenchClock clock;

        Decode(BenchRecords records, PiiProtector pii, BenchClock clock) {
            this.records = records;
            this.decoder = new InputDecoder(pii);
            this.clock = clock;
        }

        @Override
        public InputEvent map(Long i) {
            long t = clock.at(i);
            SourceType s = records.source(i);
            return decoder.decode(
                    s.rawTopic(),
                    0,
                    i,
                    t,
                    records.id(i),
                    records.json(i, s, records.person(i), EventTimes.time(t).withNano(0), BenchRecords.closedOnTime(i))
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Sequence number → the dwd record the loader would publish for it (person keys computed once per person, as the
     * loader computed them) → its Avro bytes → the job's dwd reading ({@link InputDecoder#decodeDwd}, inside the
     * Kafka source in the job). Writing the bytes is the benchmark's own cost, in the pass-through ceiling too.
     */
    static final class DwdDecode extends RichMapFunction<Long, InputEvent> {
        private static final long serialVersionUID = 1L;
        private final BenchRecords records;
        private final PiiProtector pii;
        private final InputDecoder decoder;
        private final BenchClock clock;
        private transient String[] keys;

        DwdDecode(BenchRecords records, PiiProtector pii, BenchClock clock) {
            this.records = records;
            this.pii = pii;
            this.decoder = new InputDecoder(pii);
            this.clock = clock;
        }

        @Override
        public void open(OpenContext ctx) {
            keys = personKeys(pii);
        }

        @Override
        public InputEvent map(Long i) {
            long t = clock.at(i);
            DwdRecord r = dwdRecord(records, i, records.source(i), keys[records.person(i)], t, records.id(i));
            String topic = r.source().dwdTopic();
            return decoder.decodeDwd(
                    topic,
                    0,
                    i,
                    t,
                    r.kafkaKey(),
                    Topics.dwd(r.source()).valueSerde().serializer().serialize(topic, r));
        }
    }

    /** The last salt's person keys: computed once per JVM, not by every subtask of every run. */
    private static String[] keys;

    /**
     * The salted key of every bench person, as the loader computed them once (300,000 HMACs: not part of what a run
     * measures, so shared by the runs and subtasks of this JVM).
     */
    static synchronized String[] personKeys(PiiProtector pii) {
        // the subtasks hold copies of the protector: same salt when the first person's key is the same
        if (keys == null || !keys[0].equals(pii.idCardKey(BenchRecords.idCard(0)))) {
            String[] k = new String[PERSONS];
            for (int p = 0; p < PERSONS; p++) {
                k[p] = pii.idCardKey(BenchRecords.idCard(p));
            }
            keys = k;
        }
        return keys;
    }

    /** The conformed record of bench record {@code i}: the fields {@link Direct} sets, as the loader publishes them. */
    static DwdRecord dwdRecord(BenchRecords records, long i, SourceType s, String personKey, long t, String id) {
        String category = "C" + (i % 40);
        return switch (s) {
            case HOTLINE -> {
                boolean closed = BenchRecords.closedOnTime(i);
                yield new DwdRecord(
                        s,
                        id,
                        s.rawTopic() + ":0:" + i,
                        t,
                        t,
                        personKey,
                        category,
                        null,
                        null,
                        null,
                        t,
                        t + Duration.ofDays(5).toMillis(),
                        closed ? t + Duration.ofHours(20).toMillis() : null,
                        closed ? t + Duration.ofDays(1).toMillis() : null,
                        closed ? "CLOSED" : "OPEN",
                        null);
            }
            case POLICE ->
                new DwdRecord(
                        s,
                        id,
                        s.rawTopic() + ":0:" + i,
                        t,
                        t,
                        personKey,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            default ->
                new DwdRecord(
                        SourceType.PETITION,
                        id,
                        "raw.petition:0:" + i,
                        t,
                        t,
                        personKey,
                        category,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        };
    }

    /** Sequence number → the decoded event directly, person keys computed once per person: the rules alone. */
    static final class Direct extends RichMapFunction<Long, InputEvent> {
        private static final long serialVersionUID = 1L;
        private final BenchRecords records;
        private final PiiProtector pii;
        private final BenchClock clock;
        private transient String[] keys;

        Direct(BenchRecords records, PiiProtector pii, BenchClock clock) {
            this.records = records;
            this.pii = pii;
            this.clock = clock;
        }

        @Override
        public void open(OpenContext ctx) {
            keys = personKeys(pii);
        }

        @Override
        public InputEvent map(Long i) {
            long t = clock.at(i);
            SourceType s = records.source(i);
            InputEvent e = new InputEvent();
            e.inputId = s.rawTopic() + ":0:" + i;
            e.topic = s.rawTopic();
            e.receivedTime = t;
            e.recordId = records.id(i);
            e.eventTime = t;
            e.personKey = keys[records.person(i)];
            e.categoryCode = "C" + (i % 40);
            switch (s) {
                case HOTLINE -> {
                    e.kind = InputKind.HOTLINE;
                    e.acceptTime = t;
                    e.deadline = t + Duration.ofDays(5).toMillis();
                    if (BenchRecords.closedOnTime(i)) {
                        e.replyTime = t + Duration.ofHours(20).toMillis();
                        e.closeTime = t + Duration.ofDays(1).toMillis();
                    }
                }
                case POLICE -> e.kind = InputKind.POLICE;
                default -> e.kind = InputKind.PETITION;
            }
            return e;
        }
    }

    // ---- latency ---------------------------------------------------------------------------------------------

    /** Produce→alert latency figures of one run. */
    public record Latency(
            int rate,
            int seconds,
            int samples,
            long p50,
            long p95,
            long p99,
            long max,
            long produced,
            double achievedRate,
            double cpuMicrosPerEvent) {
        @Override
        public String toString() {
            return String.format(
                    "at %,d events/s for %d s: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%,d alerts "
                            + "measured, %,d records produced at %,.0f/s, %.1f µs CPU per record in this process: job, "
                            + "producer, and the broker when embedded here)",
                    rate, seconds, p50, p95, p99, max, samples, produced, achievedRate, cpuMicrosPerEvent);
        }
    }

    /**
     * One latency run: a fresh job (its own consumer group, starting at the end of the dwd topics, so earlier runs'
     * records are not read again), records at {@code rate} for {@code seconds}, the alerts of the registry-listed
     * persons' incidents timed from their send to the alert's Kafka timestamp, after a warm-up.
     */
    public static Latency latency(
            String bootstrap, int rate, int seconds, int parallelism, JobTiming timing, PiiProtector pii, int run)
            throws Exception {
        String registry = Topics.KEY_PERSONS.name();
        String group = "bench-latency-" + run + "-" + System.currentTimeMillis();
        startAtEnd(bootstrap, group);
        LocalRun local = LocalRun.create("gridgov-alert-bench-latency");
        StreamExecutionEnvironment env =
                environment(local, parallelism, timing.checkpointMs(), timing.watermarkMs(), timing.bufferTimeoutMs());
        AlertInputs inputs = new KafkaAlertInputs(
                bootstrap, group, false, InputDecoder.dwd(), registry, timing.outOfOrdernessMs(), timing.idlenessMs());
        AlertTopology.Outputs out =
                AlertTopology.build(inputs.events(env), inputs.registry(env), RuleParams.defaults());
        AlertTopology.attach(
                out,
                new AlertTopology.Sinks(
                        AlertJob.kafkaSink(bootstrap, DeliveryGuarantee.AT_LEAST_ONCE, "bench-latency"), null, null));
        JobClient job = env.executeAsync("gridgov-alert-latency");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        long[] window = new long[2];
        Thread consumer = new Thread(() -> consume(bootstrap, sentAt, latencies, stop, window), "bench-alerts");
        try {
            // let the job's sources start before the clock runs
            Thread.sleep(8_000);
            consumer.start();
            Thread.sleep(1_000);
            long cpu0 = processCpuNanos();
            long started = System.currentTimeMillis();
            long produced = produce(bootstrap, rate, seconds, sentAt, window, pii, "L" + run);
            double achieved = produced / Math.max(0.001, (window[1] - started) / 1000.0);
            Thread.sleep(5_000);
            long cpu = processCpuNanos() - cpu0;
            stop.set(true);
            consumer.join(10_000);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                throw new IllegalStateException("no alert came back within the run; is the job running?");
            }
            return new Latency(
                    rate,
                    seconds,
                    sorted.size(),
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.95),
                    percentile(sorted, 0.99),
                    sorted.get(sorted.size() - 1),
                    produced,
                    achieved,
                    cpu / 1e3 / produced);
        } finally {
            stop.set(true);
            job.cancel().get(30, TimeUnit.SECONDS);
            local.cleanUp();
        }
    }

    /** Commits the end of every dwd topic as {@code group}'s offsets: the job's source starts there. */
    private static void startAtEnd(String bootstrap, String group) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String t : InputDecoder.DWD_TOPICS) {
                List<TopicPartition> parts = c.partitionsFor(t).stream()
                        .map(i -> new TopicPartition(t, i.partition()))
                        .toList();
                c.endOffsets(parts).forEach((tp, end) -> ends.put(tp, new OffsetAndMetadata(end)));
            }
        }
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
        }
    }

    static long percentile(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /**
     * Records at a fixed rate, paced per millisecond; every 20th is a police incident of a registry-listed key
     * person (a cross-source alert), the rest ordinary calls, incidents and petitions of other residents.
     */
    private static long produce(
            String bootstrap,
            int rate,
            int seconds,
            Map<String, Long> sentAt,
            long[] window,
            PiiProtector pii,
            String idPrefix)
            throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "1");
        // sent at once: the send time is the start of the measured latency
        p.put("linger.ms", "0");
        BenchRecords records = new BenchRecords(PERSONS);
        String[] keys = personKeys(pii);
        long total = (long) rate * seconds;
        long t0 = System.nanoTime();
        window[0] = System.currentTimeMillis() + WARM_UP.toMillis();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < total; i++) {
                long due = t0 + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 200_000) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long now = System.currentTimeMillis();
                LocalDateTime time = EventTimes.time(now).withNano(0);
                SourceType source;
                int person;
                if (i % 20 == 0) {
                    source = SourceType.POLICE;
                    person = (int) ((i / 20) % KEY_PERSONS);
                } else {
                    source = records.source(i);
                    person = KEY_PERSONS + records.person(i) % (PERSONS - KEY_PERSONS);
                }
                String id = idPrefix + source.code().charAt(0) + i;
                // what the loader publishes: the conformed record on the dwd topic, keyed by person
                DwdRecord r = dwdRecord(records, i, source, keys[person], EventTimes.millis(time), id);
                String topic = r.source().dwdTopic();
                if (i % 20 == 0) {
                    sentAt.put(id, now);
                }
                producer.send(new ProducerRecord<>(
                        topic,
                        null,
                        now,
                        r.kafkaKey(),
                        Topics.dwd(r.source()).valueSerde().serializer().serialize(topic, r)));
            }
            producer.flush();
        }
        window[1] = System.currentTimeMillis();
        return total;
    }

    private static void consume(
            String bootstrap, Map<String, Long> sentAt, List<Long> latencies, AtomicBoolean stop, long[] window) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.ALERTS.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    if (!r.key().startsWith("cross_source-") || !seen.add(r.key())) {
                        continue;
                    }
                    String trigger = Json.mapper()
                            .readTree(r.value())
                            .path("evidence_ids")
                            .path(0)
                            .asText();
                    Long sent = sentAt.get(trigger);
                    if (sent != null && sent >= window[0]) {
                        latencies.add(r.timestamp() - sent);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("reading the alerts topic failed", e);
        }
    }

    /** Creates missing topics; refuses raw topics that already hold records (the run writes synthetic ones). */
    private static void prepareTopics(String bootstrap, String registry) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> topics = new ArrayList<>(InputDecoder.DWD_TOPICS);
        topics.add(Topics.ALERTS.name());
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> fresh = new ArrayList<>();
            for (String t : topics) {
                if (!existing.contains(t)) {
                    fresh.add(new NewTopic(t, Optional.of(2), Optional.empty()));
                }
            }
            if (!existing.contains(registry)) {
                // the registry's definition (compacted) under the name the run uses
                fresh.add(new NewTopic(registry, Optional.of(Topics.KEY_PERSONS.partitions()), Optional.empty())
                        .configs(Topics.KEY_PERSONS.configs()));
            }
            admin.createTopics(fresh).all().get(30, TimeUnit.SECONDS);
        }
        Properties cp = new Properties();
        cp.put("bootstrap.servers", bootstrap);
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String t : InputDecoder.DWD_TOPICS) {
                List<TopicPartition> parts = c.partitionsFor(t).stream()
                        .map(i -> new TopicPartition(t, i.partition()))
                        .toList();
                long records = c.endOffsets(parts).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                if (records > 0) {
                    throw new IllegalStateException("topic " + t + " at " + bootstrap + " already holds " + records
                            + " records; the latency run writes synthetic records, give it an empty Kafka");
                }
            }
        }
    }

    private static void publishRegistry(String bootstrap, String registry, PiiProtector pii) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int person = 0; person < KEY_PERSONS; person++) {
                String key = pii.idCardKey(BenchRecords.idCard(person));
                producer.send(new ProducerRecord<>(
                        registry,
                        key,
                        KeyPersonUpdate.add(key, AlertLevel.ORANGE, "benchmark key person")
                                .toJson()));
            }
            producer.flush();
        }
    }
}

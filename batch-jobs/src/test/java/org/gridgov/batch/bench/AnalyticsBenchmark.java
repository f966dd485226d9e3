package org.gridgov.batch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.md5;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.gridgov.batch.api.AnalyticsBenchmarkOptions;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.batch.arrears.ArrearsRules;
import org.gridgov.batch.hotwords.HotWordSettings;
import org.gridgov.batch.hotwords.HotWordsDatasets;
import org.gridgov.batch.hotwords.HotWordsJob;
import org.gridgov.batch.risk.LevelCalibration;
import org.gridgov.batch.risk.RiskModel;
import org.gridgov.batch.risk.RiskScoreJob;
import org.gridgov.batch.spark.BatchSession;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Street;
import org.gridgov.nlp.Collocations;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.RiskTerms;
import org.gridgov.nlp.TemplateCorpus;
import org.gridgov.nlp.TopicWords;
import org.gridgov.nlp.letters.LetterNormalizer;

/**
 * Measures, on this machine: the hot-word job's per-text stages in one thread (CPU seconds per 100k texts), the
 * segmentation-only ceiling inside Spark and the hot-word job over N texts beside it and the risk-score job over P persons and E events. Data
 * is generated in Spark directly (no warehouse); the timed part starts from cached inputs and ends when every output
 * row has been computed (written to Spark's {@code noop} sink), so generation and JDBC are not in the figures.
 *
 * <p>Options ({@link AnalyticsBenchmarkOptions}, all optional): {@code --bench.texts=1000000 --bench.persons=1000000
 * --bench.risk-events=10000000 --bench.raw-texts=100000 --bench.shuffle-partitions=8 --spark.master=local[*]}; a size
 * of 0 skips that part. Prints one line per figure. Test scope, so
 * no production jar holds it; {@code gridgov bench analytics} runs it from the test classpath.
 */
public final class AnalyticsBenchmark {

    static final LocalDateTime AS_OF = LocalDateTime.of(2024, 3, 1, 0, 0);

    private AnalyticsBenchmark() {}

    public static void main(String[] args) {
        GridgovConfig config = GridgovConfig.fromArgs(args, BatchJob.ANALYTICS_BENCHMARK.options());
        long texts = config.get(AnalyticsBenchmarkOptions.TEXTS);
        long persons = config.get(AnalyticsBenchmarkOptions.PERSONS);
        long events = config.get(AnalyticsBenchmarkOptions.RISK_EVENTS);
        int rawTexts = config.get(AnalyticsBenchmarkOptions.RAW_TEXTS);
        GovSegmenter.Algorithm segmenter = HotWordsJob.segmenter(config);
        SparkSession spark = SparkSession.builder()
                .config(BatchSession.conf(config, "gridgov-analytics-benchmark", new org.apache.spark.SparkConf())
                        .set(
                                "spark.sql.shuffle.partitions",
                                String.valueOf(config.get(AnalyticsBenchmarkOptions.SHUFFLE_PARTITIONS))))
                .getOrCreate();
        try {
            System.out.printf(
                    Locale.ROOT,
                    "machine: %d cores, max heap %d MiB, Spark %s %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    spark.version(),
                    spark.sparkContext().master());
            // a size of 0 skips that part
            if (rawTexts > 0) {
                rawSegmentation(rawTexts);
            }
            if (texts > 0) {
                hotWords(spark, texts, segmenter);
            }
            if (events > 0) {
                risk(spark, persons, events, config.get(AnalyticsBenchmarkOptions.RISK_OUTPUT));
            }
        } finally {
            spark.stop();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** CPU seconds of this thread since {@code t0} (thread CPU nanoseconds). */
    private static double threadCpu(long t0) {
        return (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0) / 1e9;
    }

    private static long threadCpuNow() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU nanoseconds of the whole JVM (every thread: Spark's tasks, GC, JIT). */
    private static long processCpuNow() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The hot-word job's per-text stages alone, one thread, on filled complaint templates (after a warm-up of the same
     * size), in thread CPU seconds per 100,000 texts, so the figures hold on a busy machine: letter normalisation,
     * the segmenter (on the raw text: the ceiling), risk terms, and all the job does per text (normalisation +
     * segmentation + topic words and pairs + risk terms).
     */
    static void rawSegmentation(int n) {
        TemplateCorpus corpus = TemplateCorpus.standard();
        List<TemplateCorpus.Template> templates = corpus.templates();
        SplittableRandom r = new SplittableRandom(1);
        List<String> texts = new ArrayList<>(n);
        long chars = 0;
        for (int i = 0; i < n; i++) {
            String t = corpus.fill(templates.get(r.nextInt(templates.size())), r);
            texts.add(t);
            chars += t.length();
        }
        GovSegmenter segmenter = GovSegmenter.forTopics();
        Set<String> words = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        long sink = 0;
        for (String t : texts) {
            sink += segmenter.terms(t).size(); // warm-up
            words.clear();
            pairs.clear();
            TopicWords.collect(t, segmenter, words, pairs);
            sink += words.size() + RiskTerms.find(t).size();
        }
        double per = 100_000.0 / n;
        long t0 = threadCpuNow();
        for (String t : texts) {
            sink += LetterNormalizer.normalize(t).text().length();
        }
        double normalise = threadCpu(t0);
        GovSegmenter withNer = new GovSegmenter();
        GovSegmenter longest = GovSegmenter.forTopics(GovSegmenter.Algorithm.LONGEST);
        double raw = 0;
        double rawWithNer = 0;
        double rawLongest = 0;
        // twice, the second round counts: the first loop timed after others runs before the JIT settles (2x slower)
        for (int round = 0; round < 2; round++) {
            t0 = threadCpuNow();
            for (String t : texts) {
                sink += segmenter.terms(t).size();
            }
            raw = threadCpu(t0);
            t0 = threadCpuNow();
            for (String t : texts) {
                sink += withNer.terms(t).size();
            }
            rawWithNer = threadCpu(t0);
            t0 = threadCpuNow();
            for (String t : texts) {
                sink += longest.terms(t).size();
            }
            rawLongest = threadCpu(t0);
        }
        t0 = threadCpuNow();
        for (String t : texts) {
            sink += RiskTerms.find(t).size();
        }
        double risk = threadCpu(t0);
        t0 = threadCpuNow();
        for (String t : texts) {
            words.clear();
            pairs.clear();
            TopicWords.collect(t, segmenter, words, pairs);
            sink += words.size() + pairs.size() + RiskTerms.find(t).size();
        }
        double all = threadCpu(t0);
        t0 = threadCpuNow();
        for (String t : texts) {
            words.clear();
            pairs.clear();
            TopicWords.collect(t, longest, words, pairs);
            sink += words.size() + pairs.size() + RiskTerms.find(t).size();
        }
        double allLongest = threadCpu(t0);
        System.out.printf(
                Locale.ROOT,
                "per-text stages, 1 thread, %,d texts of %.0f chars, CPU s per 100k texts: "
                        + "normalisation %.2f, segmentation %.2f (HanLP Viterbi + domain dictionary, the job's configuration; "
                        + "%.2f with HanLP's default name recognition; %.2f longest match), risk terms %.2f; the job's whole "
                        + "per-text work (normalisation + segmentation + topic words and pairs + risk terms) %.2f = %,.0f "
                        + "chars/s (%.2f with longest match) [%d]%n",
                n,
                (double) chars / n,
                normalise * per,
                raw * per,
                rawWithNer * per,
                rawLongest * per,
                risk * per,
                all * per,
                chars / all,
                allLongest * per,
                sink % 10);
    }

    /** Texts of two months (so rising words have a previous month) with a planted topic in the second. */
    static Dataset<Row> generateTexts(SparkSession spark, long n) {
        StructType schema = new StructType()
                .add("stat_month", DataTypes.StringType)
                .add("street_code", DataTypes.StringType)
                .add("category_code", DataTypes.StringType)
                .add("content", DataTypes.StringType);
        return spark.range(0, n, 1, Math.max(2, spark.sparkContext().defaultParallelism() * 2))
                .mapPartitions(
                        (MapPartitionsFunction<Long, Row>) ids -> {
                            TemplateCorpus corpus = TemplateCorpus.standard();
                            List<TemplateCorpus.Template> templates = corpus.templates();
                            List<Street> streets = District.licheng().streets();
                            return new Iterator<Row>() {
                                @Override
                                public boolean hasNext() {
                                    return ids.hasNext();
                                }

                                @Override
                                public Row next() {
                                    long id = ids.next();
                                    SplittableRandom r = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
                                    TemplateCorpus.Template t = templates.get(r.nextInt(templates.size()));
                                    boolean february = (id & 1) == 1;
                                    String text = corpus.fill(t, r);
                                    if (february && r.nextInt(100) < 3) {
                                        text = text + "另外，有人在楼道私拉电线给电动车充电，存在火灾隐患。";
                                    }
                                    return RowFactory.create(
                                            february ? "2024-02" : "2024-01",
                                            streets.get(r.nextInt(streets.size()))
                                                    .code(),
                                            t.categoryCode(),
                                            text);
                                }
                            };
                        },
                        Encoders.row(schema));
    }

    /**
     * The segmentation-only ceiling (the job's segmenter over the same cached texts in Spark, nothing else), then the
     * hot-word job as {@link HotWordsJob#run} computes it ({@link HotWordsJob#tables}: per-partition counts collected
     * once, phrases, words with phrases, hot, rising and opinion rows on the driver, then the three tables' Datasets).
     * Wall-clock and the JVM's CPU seconds of each, and the job's Spark stages ({@link StageTimes}).
     */
    static void hotWords(SparkSession spark, long n, GovSegmenter.Algorithm segmenter) {
        long t0 = System.nanoTime();
        Dataset<Row> texts = generateTexts(spark, n).persist(StorageLevel.MEMORY_AND_DISK());
        long chars = texts.agg(sum(length(col("content")))).first().getLong(0);
        System.out.printf(Locale.ROOT, "hot words: generated %,d texts (%,d chars) in %.1f s%n", n, chars, seconds(t0));

        t0 = System.nanoTime();
        long c0 = processCpuNow();
        long tokens = texts.select("content")
                .mapPartitions(
                        (MapPartitionsFunction<Row, Long>) rows -> {
                            GovSegmenter partitionSegmenter = GovSegmenter.forTopics(segmenter);
                            long k = 0;
                            while (rows.hasNext()) {
                                String content = rows.next().getString(0);
                                k += partitionSegmenter.terms(content).size();
                            }
                            return List.of(k).iterator();
                        },
                        Encoders.LONG())
                .reduce((ReduceFunction<Long>) Long::sum);
        double ceiling = seconds(t0);
        double ceilingCpu = (processCpuNow() - c0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "segmentation alone inside Spark (the ceiling, %s segmenter: %d partitions, %,d "
                        + "tokens): %.1f s = %,.0f chars/s, %.1f CPU s (%.2f CPU s per 100k texts)%n",
                segmenter.name().toLowerCase(Locale.ROOT),
                texts.rdd().getNumPartitions(),
                tokens,
                ceiling,
                chars / ceiling,
                ceilingCpu,
                ceilingCpu * 100_000 / n);

        StageTimes stages = StageTimes.register(spark.sparkContext());
        stages.clear(spark.sparkContext());
        t0 = System.nanoTime();
        c0 = processCpuNow();
        Timestamp at = Timestamp.from(Instant.now());
        List<String> months = List.of("2024-01", "2024-02");
        HotWordSettings settings = HotWordSettings.defaults();
        // what HotWordsJob.run computes, with the warehouse left out: names, counts read once, tables on the driver,
        // the three tables' rows computed (noop sink). The counts are also kept in Spark's cache, for the raw-frequency
        // baseline printed below without counting again: the cache's build is inside the figures (a few 100k rows).
        Map<String, String> names = HotWordsJob.collectNames(HotWordsJob.scopeNames(streets(spark), categories(spark)));
        Dataset<Row> counts = HotWordsJob.counts(texts, segmenter).persist(StorageLevel.MEMORY_AND_DISK());
        HotWordsJob.Tables tables = HotWordsJob.tables(counts, names, months, settings, at);
        double countSeconds = seconds(t0);
        double countCpu = (processCpuNow() - c0) / 1e9;
        // one write per table, as run()'s upserts; the row counts are the driver's lists'
        writeNoop(tables.hot(spark));
        writeNoop(tables.rising(spark));
        writeNoop(tables.opinion(spark));
        long hot = tables.hotRows().size();
        long rising = tables.risingRows().size();
        long opinion = tables.opinionRows().size();
        double job = seconds(t0);
        double jobCpu = (processCpuNow() - c0) / 1e9;
        String stageReport = stages.report(spark.sparkContext());
        spark.sparkContext().removeSparkListener(stages);
        System.out.printf(
                Locale.ROOT,
                "  counting (segmentation + topic words + risk terms, summed per partition) and "
                        + "the tables on the driver (counts collected once; phrases, scope words and texts, hot, rising, "
                        + "opinion rows): %.1f s, %.1f CPU s (%.2f CPU s per 100k texts)%n",
                countSeconds,
                countCpu,
                countCpu * 100_000 / n);
        System.out.printf(
                Locale.ROOT,
                "  after that (the three tables' rows as Datasets into the noop sink): " + "%.1f s, %.1f CPU s%n",
                job - countSeconds,
                jobCpu - countCpu);
        System.out.println("hot-word job by Spark stage (executor task metrics; the JVM's CPU minus the stages' is the "
                + "driver, planning, code generation, JIT and GC outside tasks):");
        System.out.println(stageReport);
        Collocations phrases = tables.phrases();
        System.out.printf(
                Locale.ROOT,
                "hot-word job over %,d texts (%s segmenter; 2 months, 3 scopes, %d phrases: hot "
                        + "%,d, rising %,d, opinion %,d rows): %.1f s (target <= 15 s on 2 cores), %.1f CPU s (%.2f CPU s per "
                        + "100k texts); ceiling, segmentation alone: %.1f s, %.1f CPU s; job = %.2f x ceiling (CPU %.2f x)%n",
                n,
                segmenter.name().toLowerCase(Locale.ROOT),
                phrases.phrases().size(),
                hot,
                rising,
                opinion,
                job,
                jobCpu,
                jobCpu * 100_000 / n,
                ceiling,
                ceilingCpu,
                job / ceiling,
                jobCpu / ceilingCpu);
        System.out.printf(
                Locale.ROOT,
                "  load average at the end of the job: %.1f (wall-clock means little above 2)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("  district hot words 2024-02 (TF-IDF): " + top10(tables.hot(spark), "2024-02"));
        System.out.println("  district rising words 2024-02 (G²): " + top10(tables.rising(spark), "2024-02"));
        Dataset<Row> words = HotWordsDatasets.scopeWords(counts, phrases);
        System.out.println("  baseline, district words by raw frequency 2024-02: "
                + words
                        .filter(col("stat_month")
                                .equalTo("2024-02")
                                .and(col("scope_type").equalTo(HotWordsJob.DISTRICT)))
                        .orderBy(col("docs").desc(), col("word"))
                        .limit(10)
                        .collectAsList()
                        .stream()
                        .map(r -> r.getString(r.fieldIndex("word")))
                        .toList());
        counts.unpersist();
        texts.unpersist();
    }

    /** The district's top ten words of a hot or rising table in a month, by rank. */
    private static List<String> top10(Dataset<Row> table, String month) {
        return table
                .filter(col("stat_month")
                        .equalTo(month)
                        .and(col("scope_type").equalTo(HotWordsJob.DISTRICT))
                        .and(col("word_rank").leq(10)))
                .orderBy("word_rank")
                .collectAsList()
                .stream()
                .map(r -> r.getString(r.fieldIndex("word")))
                .toList();
    }

    private static void writeNoop(Dataset<Row> rows) {
        rows.write().format("noop").mode("overwrite").save();
    }

    private static Dataset<Row> streets(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (Street s : District.licheng().streets()) {
            rows.add(RowFactory.create(s.code(), s.name()));
        }
        return spark.createDataFrame(
                rows,
                new StructType().add("street_code", DataTypes.StringType).add("street_name", DataTypes.StringType));
    }

    private static Dataset<Row> categories(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        CategoryCatalog.standard().all().forEach(c -> rows.add(RowFactory.create(c.code(), c.name())));
        return spark.createDataFrame(
                rows,
                new StructType().add("category_code", DataTypes.StringType).add("category_name", DataTypes.StringType));
    }

    /** Events of {@code persons} persons, {@code share} of all events: key, time in the year before AS_OF. */
    private static Dataset<Row> events(SparkSession spark, long count, long persons, long seed) {
        long end = SparkColumns.epochSecond(AS_OF);
        long start = SparkColumns.epochSecond(AS_OF.minusDays(365));
        Column person = pmod(xxhash64(col("id"), lit(seed)), lit(persons));
        return spark.range(0, count, 1, Math.max(2, spark.sparkContext().defaultParallelism() * 4))
                .withColumn("pkey", md5(concat(lit("p"), person.cast(DataTypes.StringType))))
                .withColumn(
                        "t",
                        lit(start)
                                .plus(rand(seed).multiply(end - start))
                                .cast(DataTypes.LongType)
                                .cast(DataTypes.TimestampType))
                .withColumn("u", rand(seed + 1));
    }

    private static Column pick(List<String> values, Column u) {
        Column arr = org.apache.spark.sql.functions.array(
                values.stream().map(v -> lit(v)).toArray(Column[]::new));
        return element_at(
                arr, u.multiply(values.size()).cast(DataTypes.IntegerType).plus(1));
    }

    /** Generated ODS-shaped sources of the risk job, cached. */
    public record RiskInputs(
            Dataset<Row> petitions, Dataset<Row> calls, Dataset<Row> incidents, Dataset<Row> arrears, long total) {
        void unpersist() {
            petitions.unpersist();
            calls.unpersist();
            incidents.unpersist();
            arrears.unpersist();
        }
    }

    static void risk(SparkSession spark, long persons, long events, String output) {
        StageTimes stages = StageTimes.register(spark.sparkContext());
        long t0 = System.nanoTime();
        RiskInputs in = riskInputs(spark, persons, events);
        System.out.printf(
                Locale.ROOT,
                "risk: generated %,d events (%,d petitions, %,d calls, %,d incidents, %,d "
                        + "arrears cases; each event's person drawn uniformly from %,d) in %.1f s%n",
                in.total(),
                in.petitions().count(),
                in.calls().count(),
                in.incidents().count(),
                in.arrears().count(),
                persons,
                seconds(t0));

        stages.clear(spark.sparkContext());
        t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        RiskModel model = RiskModel.defaults();
        try (RiskScoreJob.Scores scores = RiskScoreJob.scores(
                in.petitions(),
                in.calls(),
                in.incidents(),
                in.arrears(),
                AS_OF,
                model,
                ArrearsRules.defaults(),
                LevelCalibration.defaults(),
                "2024-02",
                Timestamp.from(Instant.now()))) {
            Dataset<Row> scored = scores.rows();
            scored.write().format("noop").mode("overwrite").save();
            double job = seconds(t0);
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            long scoredPersons = scores.persons();
            System.out.printf(
                    Locale.ROOT,
                    "risk-score job over %,d events: %,d persons scored in %.1f s, %.1f s CPU "
                            + "(%.2f µs CPU per event; target <= 60 s on 2 cores)%n",
                    in.total(),
                    scoredPersons,
                    job,
                    cpu,
                    cpu * 1e6 / in.total());
            System.out.println("risk-score job by Spark stage (executor task metrics; the driver's planning and "
                    + "the JIT are in the JVM's CPU above only):");
            System.out.println(stages.report(spark.sparkContext()));
            if (!output.isEmpty()) {
                // not timed: every person's row, to compare two builds on the same generated events
                scored.write().mode("overwrite").parquet(output);
                System.out.println("risk rows written to " + output);
            }
            System.out.println("risk levels: " + levelDistribution(scored, "risk_level", scoredPersons)
                    + " (calibrated: 红 at most risk.level.red-share of the persons)");
            System.out.println("risk levels by thresholds alone: "
                    + levelDistribution(
                            scored.withColumn("threshold_level", RiskScoreJob.thresholdLevel(col("risk_score"), model)),
                            "threshold_level",
                            scoredPersons)
                    + " (uniform random events, ten per person: not a realistic mix)");
        }
        in.unpersist();
    }

    /** CPU time of this JVM (every thread, Spark's tasks included), ns. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** "红 5,000 (0.50 %), 橙 …": persons per level in the order 红 橙 黄 蓝, with their share. */
    static String levelDistribution(Dataset<Row> scored, String column, long persons) {
        Map<String, Long> levels = new LinkedHashMap<>();
        for (String level : List.of(RiskModel.RED, RiskModel.ORANGE, RiskModel.YELLOW, RiskModel.BLUE)) {
            levels.put(level, 0L);
        }
        scored.groupBy(column).count().collectAsList().forEach(r -> levels.put(r.getString(0), r.getLong(1)));
        List<String> parts = new ArrayList<>();
        levels.forEach((level, n) -> parts.add(
                String.format(Locale.ROOT, "%s %,d (%.2f %%)", level, n, persons == 0 ? 0.0 : 100.0 * n / persons)));
        return String.join(", ", parts);
    }

    /** Petitions, calls, incidents and arrears cases: 20/50/20/10 % of {@code events}, cached and counted. */
    public static RiskInputs riskInputs(SparkSession spark, long persons, long events) {
        List<String> categories =
                CategoryCatalog.standard().all().stream().map(c -> c.code()).toList();
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            companies.add("济南基准测试" + i + "号建筑工程有限公司");
        }
        long petitions = events / 5;
        long police = events / 5;
        long arrearsCases = events / 10;
        long calls = events - petitions - police - arrearsCases;
        Dataset<Row> pet = events(spark, petitions, persons, 11)
                .select(
                        col("pkey").as("person_key"),
                        col("t").as("petition_time"),
                        lit("张*").as("person_name_masked"),
                        lit("370112********001X").as("id_card_masked"),
                        pick(categories, col("u")).as("category_code"),
                        when(col("u").lt(0.2), pick(companies, col("u").multiply(5)))
                                .as("company_name"),
                        when(col("u").gt(0.995), lit(6)).otherwise(lit(1)).as("group_size"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> hot = events(spark, calls, persons, 12)
                .select(
                        col("pkey").as("caller_key"),
                        col("t").as("accept_time"),
                        lit("王*").as("caller_name_masked"),
                        lit(null).cast(DataTypes.StringType).as("caller_id_card_masked"),
                        pick(categories, col("u")).as("category_code"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> pol = events(spark, police, persons, 13)
                .select(
                        col("pkey").as("person_key"),
                        col("t").as("report_time"),
                        lit("赵*").as("person_name_masked"),
                        lit(null).cast(DataTypes.StringType).as("id_card_masked"),
                        pick(
                                        List.of(
                                                "DISPUTE", "THEFT", "FRAUD", "TRAFFIC", "FIGHT", "NOISE", "WAGE",
                                                "OTHER"),
                                        col("u"))
                                .as("incident_type"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        double[] point = {36.70, 117.10};
        Dataset<Row> arr = events(spark, arrearsCases, persons, 14)
                .select(
                        col("id").cast(DataTypes.StringType).as("case_id"),
                        col("t").as("report_time"),
                        pick(companies, col("u")).as("company_name"),
                        (col("u").multiply(40))
                                .cast(DataTypes.IntegerType)
                                .plus(1)
                                .as("worker_count"),
                        col("u").multiply(1_200_000)
                                .cast(DataTypes.createDecimalType(16, 2))
                                .as("amount_yuan"),
                        col("pkey").as("complainant_key"),
                        lit("刘*").as("complainant_name_masked"),
                        lit("370112********002X").as("id_card_masked"),
                        when(col("u").lt(0.6), lit("RESOLVED"))
                                .otherwise(lit("OPEN"))
                                .as("status"),
                        when(col("u").lt(0.6), col("t").plus(org.apache.spark.sql.functions.expr("INTERVAL 20 DAYS")))
                                .as("resolved_time"),
                        lit(point[0]).as("latitude"),
                        lit(point[1]).as("longitude"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long total = pet.count() + hot.count() + pol.count() + arr.count();
        return new RiskInputs(pet, hot, pol, arr, total);
    }
}

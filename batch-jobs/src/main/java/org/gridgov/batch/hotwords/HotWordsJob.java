package org.gridgov.batch.hotwords;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.district.District;
import org.gridgov.nlp.Collocations;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.RiskTerms;
import org.gridgov.nlp.TopicWords;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Monthly hot words, rising words and the public-opinion risk flag of 12345 texts, per scope: the district, each
 * street and each category. {@code dwd_hotline_case} (+ {@code dim_street}, {@code dim_category} for names) →
 * {@code ads_hot_word_month}, {@code ads_rising_word_month}, {@code ads_opinion_risk_month}.
 *
 * <p>Every statistic counts texts, not occurrences: a complaint that says 暖气 three times is one vote for 暖气, so
 * one long text cannot make a hot word. A text's words are the content words of its letter body (salutations,
 * closings, place codes and letter phrasing such as 领导, 请问, 政策, 规定 left out: {@link TopicWords}), plus the
 * phrases its adjacent words form where they travel together across the texts read (电动车 + 充电 → 电动车充电:
 * {@link Collocations}, learned once per run from all of them), so a topic surfaces as a phrase beside its words.
 * Each text is segmented once and counted inside its partition ({@link #counts}, {@link TextCounts}), rolled up to the
 * scopes there: Spark only sums the partitions' counts per (month, scope, word), never a row per text, and every
 * output is computed from that one small table.
 * <ul>
 *   <li><b>Hot words</b>: TF-IDF = texts of the month and scope containing the word × smoothed IDF over every text of
 *   the district in the IDF window (the month and the {@code idfMonths − 1} before it). Boilerplate that survives the
 *   stop words (物业, 小区-level words present in many texts every month) gets an IDF near 1; the month's
 *   topics rise above it, which raw frequency does not do.</li>
 *   <li><b>Rising words</b>: words whose share of the scope's texts grew against the previous month, ranked by the
 *   log-likelihood G² of the 2×2 table (texts with/without the word, this month/last month), so a jump from 30 to
 *   150 texts outranks one from 1 to 4. Needs the previous month's texts of the scope.</li>
 *   <li><b>Opinion risk</b>: share of texts with a risk term ({@link RiskTerms}); flagged when it is at least
 *   {@code opinionSpikeRatio} times last month's, with at least {@code opinionMinDocs} texts and G² at least
 *   {@code opinionMinLlr}. A scope without texts last month is never flagged (nothing to compare with).</li>
 * </ul>
 */
public final class HotWordsJob {

    public static final String DISTRICT = "DISTRICT";
    public static final String STREET = "STREET";
    public static final String CATEGORY = "CATEGORY";
    static final int TOP_RISK_TERMS = 5;

    public static final Table SOURCE = WarehouseSchema.DWD_HOTLINE_CASE;
    public static final Table HOT = AnalyticsTables.ADS_HOT_WORD_MONTH;
    public static final Table RISING = AnalyticsTables.ADS_RISING_WORD_MONTH;
    public static final Table OPINION = AnalyticsTables.ADS_OPINION_RISK_MONTH;

    /** Rows written per table, and how many scopes were flagged. */
    public record Result(long hotRows, long risingRows, long opinionRows, long flagged) {
    }

    /** Output of {@link #tokenize}: one row per text; {@code pairs} are adjacent word pairs ({@link TopicWords}). */
    public static final StructType TOKENS = new StructType()
            .add("stat_month", DataTypes.StringType, false)
            .add("street_code", DataTypes.StringType, false)
            .add("category_code", DataTypes.StringType, false)
            .add("words", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("risk_terms", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("pairs", DataTypes.createArrayType(DataTypes.StringType, false), false);

    /**
     * Output of {@link #counts}: per month and scope (the district, each street, each category) the texts ({@code kind}
     * N, key empty), the texts with a risk term (K), and the texts holding each topic word (W), adjacent pair (P, key
     * {@code first\tsecond}) and risk term (R). One row per month, scope and key.
     */
    public static final StructType COUNTS = new StructType()
            .add("stat_month", DataTypes.StringType, false)
            .add("scope_type", DataTypes.StringType, false)
            .add("scope_code", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("key", DataTypes.StringType, false)
            .add("docs", DataTypes.LongType, false);

    private final WarehouseIo io;
    private final Clock clock;
    private final HotWordSettings settings;

    private final GovSegmenter.Algorithm segmenter;

    public HotWordsJob(WarehouseIo io, Clock clock, HotWordSettings settings) {
        this(io, clock, settings, GovSegmenter.Algorithm.VITERBI);
    }

    /** With the segmenter of the topic words ({@code hotwords.segmenter}). */
    public HotWordsJob(WarehouseIo io, Clock clock, HotWordSettings settings, GovSegmenter.Algorithm segmenter) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
    }

    /** Reads the texts of the months and of the IDF window before them, computes and upserts the three tables. */
    public Result run(SparkSession spark, List<String> months) {
        List<String> targets = sortedMonths(months);
        String from = StatMonth.shift(targets.get(0), -(settings.idfMonths() - 1));
        String to = targets.get(targets.size() - 1);
        Timestamp computedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));

        Dataset<Row> texts = io.read(spark, SOURCE)
                .filter(col("accept_month").geq(lit(from)).and(col("accept_month").leq(lit(to))))
                .select(col("accept_month").as("stat_month"), col("street_code"), col("category_code"),
                        col("content"));
        Dataset<Row> names = scopeNames(io.read(spark, WarehouseSchema.DIM_STREET),
                io.read(spark, WarehouseSchema.DIM_CATEGORY));
        // segmentation is the expensive step: done once, counted per partition, reused by the phrases and the outputs
        Dataset<Row> counts = counts(texts, segmenter).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Collocations phrases = phrases(counts, Collocations.Settings.defaults());
            Dataset<Row> words = scopeWords(counts, phrases).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> docs = scopeDocs(counts).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Dataset<Row> hot = hotWords(words, docs, names, targets, settings, computedAt).cache();
                Dataset<Row> rising = risingWords(words, docs, names, targets, settings, computedAt).cache();
                Dataset<Row> opinion = opinionRisk(counts, docs, names, targets, settings, computedAt).cache();
                try {
                    io.upsert(hot, HOT);
                    io.upsert(rising, RISING);
                    io.upsert(opinion, OPINION);
                    return new Result(hot.count(), rising.count(), opinion.count(),
                            opinion.filter(col("is_flagged").equalTo(1)).count());
                } finally {
                    hot.unpersist();
                    rising.unpersist();
                    opinion.unpersist();
                }
            } finally {
                words.unpersist();
                docs.unpersist();
            }
        } finally {
            counts.unpersist();
        }
    }

    /** The segmenter {@code hotwords.segmenter} names. */
    public static GovSegmenter.Algorithm segmenter(GridgovConfig config) {
        return GovSegmenter.Algorithm.valueOf(config.get(AnalyticsOptions.HOTWORDS_SEGMENTER).name());
    }

    static List<String> sortedMonths(List<String> months) {
        if (months == null || months.isEmpty()) {
            throw new IllegalArgumentException("no month to compute");
        }
        List<String> sorted = new ArrayList<>();
        for (String m : months) {
            sorted.add(StatMonth.require(m));
        }
        Collections.sort(sorted);
        return List.copyOf(sorted);
    }

    /**
     * One row per text ({@link #TOKENS}): its distinct topic words, adjacent word pairs and risk terms, in the order
     * they occur. For looking at what a text contributes; the job itself counts with {@link #counts}.
     */
    public static Dataset<Row> tokenize(Dataset<Row> texts) {
        return texts.select("stat_month", "street_code", "category_code", "content")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
                    GovSegmenter segmenter = GovSegmenter.forTopics();
                    return new Iterator<Row>() {
                        @Override
                        public boolean hasNext() {
                            return rows.hasNext();
                        }

                        @Override
                        public Row next() {
                            Row r = rows.next();
                            String content = r.getString(3);
                            Set<String> words = new LinkedHashSet<>();
                            Set<String> pairs = new LinkedHashSet<>();
                            TopicWords.collect(content, segmenter, words, pairs);
                            String[] risk = RiskTerms.find(content).toArray(String[]::new);
                            return RowFactory.create(r.getString(0), r.getString(1), r.getString(2),
                                    words.toArray(String[]::new), risk, pairs.toArray(String[]::new));
                        }
                    };
                }, Encoders.row(TOKENS));
    }

    /** {@link #counts(Dataset, GovSegmenter.Algorithm)} with HanLP's Viterbi segmenter. */
    public static Dataset<Row> counts(Dataset<Row> texts) {
        return counts(texts, GovSegmenter.Algorithm.VITERBI);
    }

    /**
     * Segments every text once ({@link TextCounts}: a segmenter per partition, HanLP's are not serialisable) and
     * counts texts per month and scope and word, pair and risk term ({@link #COUNTS}), summed over the partitions'
     * partial counts (already rolled up to the scopes there). {@code texts} needs stat_month, street_code,
     * category_code, content; a null content is a text without words. Everything after this reads the counts, never
     * the texts again.
     */
    public static Dataset<Row> counts(Dataset<Row> texts, GovSegmenter.Algorithm segmenter) {
        return texts.select("stat_month", "street_code", "category_code", "content")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> countPartition(rows,
                        new TextCounts(GovSegmenter.forTopics(segmenter), TextCounts.MAX_ENTRIES)), Encoders.row(COUNTS))
                .groupBy("stat_month", "scope_type", "scope_code", "kind", "key")
                .agg(sum("docs").as("docs"));
    }

    /** A partition's rows (stat_month, street_code, category_code, content) counted, emitted as the counts fill. */
    private static Iterator<Row> countPartition(Iterator<Row> rows, TextCounts counts) {
        ArrayDeque<Row> ready = new ArrayDeque<>();
        TextCounts.Sink emit = (month, street, category, kind, key, docs) ->
                ready.add(RowFactory.create(month, street, category, kind, key, docs));
        return new Iterator<>() {
            private boolean drained;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && !drained) {
                    if (rows.hasNext()) {
                        Row r = rows.next();
                        counts.add(r.getString(0), r.getString(1), r.getString(2), r.getString(3));
                        if (counts.full()) {
                            counts.drain(emit);
                        }
                    } else {
                        counts.drain(emit);
                        drained = true;
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    private static Dataset<Row> kind(Dataset<Row> counts, String kind) {
        return counts.filter(col("kind").equalTo(kind));
    }

    /**
     * The phrases of the texts counted in {@code counts}: document frequencies of words and adjacent pairs in the
     * district (every text) summed over the months, the pairs in at least {@code minDocs} texts scored on the driver
     * ({@link Collocations#select}).
     */
    public static Collocations phrases(Dataset<Row> counts, Collocations.Settings settings) {
        Dataset<Row> district = counts.filter(col("scope_type").equalTo(DISTRICT));
        Row total = kind(district, TextCounts.TEXTS).agg(sum("docs")).first();
        long n = total.isNullAt(0) ? 0 : total.getLong(0);
        Dataset<Row> wordDocs = kind(district, TextCounts.WORD).groupBy(col("key").as("word"))
                .agg(sum("docs").as("docs"));
        Dataset<Row> pairDocs = kind(district, TextCounts.PAIR).groupBy(col("key").as("pair"))
                .agg(sum("docs").as("docs"))
                .filter(col("docs").geq(settings.minDocs()))
                .withColumn("first", expr("split(pair, '\\t')[0]"))
                .withColumn("second", expr("split(pair, '\\t')[1]"));
        Dataset<Row> first = wordDocs.select(col("word").as("first"), col("docs").as("first_docs"));
        Dataset<Row> second = wordDocs.select(col("word").as("second"), col("docs").as("second_docs"));
        List<Collocations.Candidate> candidates = new ArrayList<>();
        for (Row r : pairDocs.join(first, "first").join(second, "second")
                .select("pair", "docs", "first_docs", "second_docs").collectAsList()) {
            candidates.add(new Collocations.Candidate(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)));
        }
        return Collocations.select(candidates, n, settings);
    }

    /**
     * Texts per word, month and scope: stat_month, scope_type, scope_code, word, docs, each phrase counted beside its
     * words (a text holds a phrase when it holds the phrase's pair).
     */
    public static Dataset<Row> scopeWords(Dataset<Row> counts, Collocations phrases) {
        Dataset<Row> words = kind(counts, TextCounts.WORD)
                .select(col("stat_month"), col("scope_type"), col("scope_code"), col("key").as("word"), col("docs"));
        if (phrases.phrases().isEmpty()) {
            return words;
        }
        List<Row> spelled = new ArrayList<>();
        phrases.phrases().forEach(p -> spelled.add(RowFactory.create(p.pair(), p.text())));
        Dataset<Row> phraseOf = counts.sparkSession().createDataFrame(spelled, new StructType()
                .add("pair", DataTypes.StringType, false).add("phrase", DataTypes.StringType, false));
        Dataset<Row> phraseDocs = kind(counts, TextCounts.PAIR)
                .join(broadcast(phraseOf), col("key").equalTo(col("pair")))
                .select(col("stat_month"), col("scope_type"), col("scope_code"), col("phrase").as("word"),
                        col("docs"));
        // a phrase that is also one of the text's words (or two pairs spelling one phrase) adds up, as before
        return words.unionByName(phraseDocs).groupBy("stat_month", "scope_type", "scope_code", "word")
                .agg(sum("docs").as("docs"));
    }

    /** Texts and texts with a risk term per month and scope: stat_month, scope_type, scope_code, n, risk_n. */
    public static Dataset<Row> scopeDocs(Dataset<Row> counts) {
        return counts
                .filter(col("kind").isin(TextCounts.TEXTS, TextCounts.RISK_TEXTS))
                .groupBy("stat_month", "scope_type", "scope_code")
                .agg(sum(when(col("kind").equalTo(TextCounts.TEXTS), col("docs")).otherwise(lit(0L))).as("n"),
                        sum(when(col("kind").equalTo(TextCounts.RISK_TEXTS), col("docs")).otherwise(lit(0L)))
                                .as("risk_n"));
    }

    /** scope_type, scope_code, scope_name of the district, its streets and the categories. */
    public static Dataset<Row> scopeNames(Dataset<Row> streets, Dataset<Row> categories) {
        SparkSession spark = streets.sparkSession();
        Dataset<Row> district = spark.createDataFrame(List.of(RowFactory.create(DISTRICT, District.CODE,
                District.NAME)), new StructType().add("scope_type", DataTypes.StringType)
                .add("scope_code", DataTypes.StringType).add("scope_name", DataTypes.StringType));
        return district
                .unionByName(streets.select(lit(STREET).as("scope_type"), col("street_code").as("scope_code"),
                        col("street_name").as("scope_name")))
                .unionByName(categories.select(lit(CATEGORY).as("scope_type"), col("category_code").as("scope_code"),
                        col("category_name").as("scope_name")));
    }

    private static Dataset<Row> targetMonths(SparkSession spark, List<String> months) {
        List<Row> rows = new ArrayList<>();
        for (String m : months) {
            rows.add(RowFactory.create(m, StatMonth.index(m)));
        }
        return spark.createDataFrame(rows, new StructType().add("target_month", DataTypes.StringType, false)
                .add("t", DataTypes.IntegerType, false));
    }

    private static Dataset<Row> withNames(Dataset<Row> rows, Dataset<Row> names) {
        return rows.join(names, rows.col("scope_type").equalTo(names.col("scope_type"))
                        .and(rows.col("scope_code").equalTo(names.col("scope_code"))), "left")
                .drop(names.col("scope_type")).drop(names.col("scope_code"))
                .withColumn("scope_name", coalesce(col("scope_name"), col("scope_code")));
    }

    /** The same rows one month later (stat_month shifted by +1), for joining "previous month" values. */
    private static Dataset<Row> nextMonth(Dataset<Row> rows) {
        return rows.withColumn("m", SparkColumns.monthIndex(col("stat_month")).plus(1)).drop("stat_month");
    }

    private static Dataset<Row> thisMonth(Dataset<Row> rows) {
        return rows.withColumn("m", SparkColumns.monthIndex(col("stat_month")));
    }

    /**
     * Top {@code settings.topN()} words per target month and scope by TF-IDF (see the class comment), with the
     * columns of ads_hot_word_month.
     */
    public static Dataset<Row> hotWords(Dataset<Row> scopeWords, Dataset<Row> scopeDocs, Dataset<Row> names,
                                        List<String> months, HotWordSettings settings, Timestamp computedAt) {
        SparkSession spark = scopeWords.sparkSession();
        int span = settings.idfMonths() - 1;
        Dataset<Row> targets = targetMonths(spark, sortedMonths(months));
        Column inWindow = col("m").between(col("t").minus(span), col("t"));

        // IDF window per target month: district texts and district texts per word, months t-span..t
        Dataset<Row> windowN = thisMonth(scopeDocs.filter(col("scope_type").equalTo(DISTRICT)))
                .join(targets, inWindow)
                .groupBy("target_month").agg(sum("n").as("window_n"));
        Dataset<Row> windowDf = thisMonth(scopeWords.filter(col("scope_type").equalTo(DISTRICT)))
                .join(targets, inWindow)
                .groupBy("target_month", "word").agg(sum("docs").as("window_df"));

        Dataset<Row> current = thisMonth(scopeWords).join(targets, col("stat_month").equalTo(col("target_month")))
                .drop("target_month", "t");
        Dataset<Row> docs = thisMonth(scopeDocs).select(col("m"), col("scope_type"), col("scope_code"),
                col("n").as("scope_doc_cnt"));
        Dataset<Row> prevDocs = nextMonth(scopeDocs).select(col("m"), col("scope_type"), col("scope_code"),
                col("n").as("prev_n"));
        Dataset<Row> prevWords = nextMonth(scopeWords).select(col("m"), col("scope_type"), col("scope_code"),
                col("word"), col("docs").as("prev_docs"));

        Column idf = log(lit(1.0).plus(col("window_n")).divide(lit(1.0).plus(col("window_df")))).plus(1.0);
        WindowSpec byScope = Window.partitionBy("stat_month", "scope_type", "scope_code")
                .orderBy(col("weight").desc(), col("word").asc());
        Dataset<Row> ranked = current
                .join(windowDf, current.col("stat_month").equalTo(windowDf.col("target_month"))
                        .and(current.col("word").equalTo(windowDf.col("word"))))
                .drop(windowDf.col("word")).drop("target_month")
                .join(windowN, col("stat_month").equalTo(col("target_month"))).drop("target_month")
                .withColumn("weight", col("docs").multiply(idf))
                .withColumn("word_rank", row_number().over(byScope))
                .filter(col("word_rank").leq(settings.topN()));

        Dataset<Row> out = ranked
                .join(docs, new String[] {"m", "scope_type", "scope_code"})
                .join(prevDocs, new String[] {"m", "scope_type", "scope_code"}, "left")
                .join(prevWords, new String[] {"m", "scope_type", "scope_code", "word"}, "left");
        out = withNames(out, names).select(
                col("stat_month"), col("scope_type"), col("scope_code"), col("word_rank"), col("scope_name"),
                col("word"), col("weight"), col("docs").as("doc_cnt"), col("scope_doc_cnt"),
                // null when the scope had no texts last month; 0 when it had texts but none with the word
                when(col("prev_n").isNull(), lit(null)).otherwise(coalesce(col("prev_docs"), lit(0L)))
                        .as("prev_doc_cnt"),
                lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, HOT);
    }

    /**
     * Top {@code settings.risingTopN()} words per target month and scope by G² of their growth against the previous
     * month, among words in at least {@code risingMinDocs} texts whose share grew and whose G² reaches
     * {@code risingMinLlr}. Scopes without texts in the previous month get no rising words.
     */
    public static Dataset<Row> risingWords(Dataset<Row> scopeWords, Dataset<Row> scopeDocs, Dataset<Row> names,
                                           List<String> months, HotWordSettings settings, Timestamp computedAt) {
        List<String> targets = sortedMonths(months);
        Dataset<Row> current = thisMonth(scopeWords.filter(col("stat_month").isin(targets.toArray())))
                .filter(col("docs").geq(settings.risingMinDocs()));
        Dataset<Row> docs = thisMonth(scopeDocs).select(col("m"), col("scope_type"), col("scope_code"),
                col("n").as("c"));
        Dataset<Row> prevDocs = nextMonth(scopeDocs).filter(col("n").gt(0))
                .select(col("m"), col("scope_type"), col("scope_code"), col("n").as("d"));
        Dataset<Row> prevWords = nextMonth(scopeWords).select(col("m"), col("scope_type"), col("scope_code"),
                col("word"), col("docs").as("prev_docs"));

        Dataset<Row> joined = current
                .join(docs, new String[] {"m", "scope_type", "scope_code"})
                .join(prevDocs, new String[] {"m", "scope_type", "scope_code"})
                .join(prevWords, new String[] {"m", "scope_type", "scope_code", "word"}, "left")
                .withColumn("a", col("docs").cast(DataTypes.DoubleType))
                .withColumn("b", coalesce(col("prev_docs"), lit(0L)).cast(DataTypes.DoubleType))
                .withColumn("c", col("c").cast(DataTypes.DoubleType))
                .withColumn("d", col("d").cast(DataTypes.DoubleType));
        Column grew = col("a").divide(col("c")).gt(col("b").divide(col("d")));
        Column llr = SparkColumns.logLikelihood(col("a"), col("c"), col("b"), col("d"));
        Column ratio = col("a").divide(col("c"))
                .divide(greatest(col("b"), lit(Keyness.ABSENT)).divide(col("d")));
        WindowSpec byScope = Window.partitionBy("stat_month", "scope_type", "scope_code")
                .orderBy(col("llr").desc(), col("word").asc());
        Dataset<Row> ranked = joined.filter(grew)
                .withColumn("llr", llr)
                .filter(col("llr").geq(settings.risingMinLlr()))
                .withColumn("growth_ratio", ratio)
                .withColumn("word_rank", row_number().over(byScope))
                .filter(col("word_rank").leq(settings.risingTopN()));
        Dataset<Row> out = withNames(ranked, names).select(
                col("stat_month"), col("scope_type"), col("scope_code"), col("word_rank"), col("scope_name"),
                col("word"), col("docs").as("doc_cnt"), col("c").as("scope_doc_cnt"), col("b").as("prev_doc_cnt"),
                col("d").as("prev_scope_doc_cnt"), col("growth_ratio"), col("llr"), lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, RISING);
    }

    /** One ads_opinion_risk_month row per target month and scope with texts (see the class comment). */
    public static Dataset<Row> opinionRisk(Dataset<Row> counts, Dataset<Row> scopeDocs, Dataset<Row> names,
                                           List<String> months, HotWordSettings settings, Timestamp computedAt) {
        List<String> targets = sortedMonths(months);
        Dataset<Row> current = thisMonth(scopeDocs.filter(col("stat_month").isin(targets.toArray())));
        Dataset<Row> prev = nextMonth(scopeDocs).select(col("m"), col("scope_type"), col("scope_code"),
                col("n").as("prev_n"), col("risk_n").as("prev_risk_n"));

        Dataset<Row> termCounts = kind(counts, TextCounts.TERM).filter(col("stat_month").isin(targets.toArray()))
                .select(col("stat_month"), col("scope_type"), col("scope_code"), col("key").as("term"),
                        col("docs").as("cnt"));
        Dataset<Row> topTerms = termCounts
                .groupBy("stat_month", "scope_type", "scope_code")
                .agg(expr("array_join(transform(slice(sort_array(collect_list(struct(cnt, term)), false), 1, "
                        + TOP_RISK_TERMS + "), x -> concat(x.term, ':', x.cnt)), '、')").as("top_terms"));

        Column a = col("risk_n").cast(DataTypes.DoubleType);
        Column c = col("n").cast(DataTypes.DoubleType);
        Column b = col("prev_risk_n").cast(DataTypes.DoubleType);
        Column d = col("prev_n").cast(DataTypes.DoubleType);
        Column hasPrev = col("prev_n").isNotNull().and(col("prev_n").gt(0));
        Column ratio = when(hasPrev, a.divide(c).divide(greatest(b, lit(Keyness.ABSENT)).divide(d)));
        Column llr = when(hasPrev, SparkColumns.logLikelihood(a, c, b, d));
        Column flagged = hasPrev.and(col("risk_n").geq(settings.opinionMinDocs()))
                .and(a.divide(c).gt(b.divide(d)))
                .and(col("spike_ratio").geq(settings.opinionSpikeRatio()))
                .and(col("llr").geq(settings.opinionMinLlr()));

        Dataset<Row> joined = current
                .join(prev, new String[] {"m", "scope_type", "scope_code"}, "left")
                .join(topTerms, new String[] {"stat_month", "scope_type", "scope_code"}, "left")
                .withColumn("spike_ratio", ratio)
                .withColumn("llr", llr)
                .withColumn("is_flagged", when(flagged, 1).otherwise(0));
        Dataset<Row> out = withNames(joined, names).select(
                col("stat_month"), col("scope_type"), col("scope_code"), col("scope_name"), col("n").as("doc_cnt"),
                col("risk_n").as("risk_doc_cnt"), a.divide(c).as("risk_share"), col("prev_n").as("prev_doc_cnt"),
                col("prev_risk_n").as("prev_risk_doc_cnt"), col("spike_ratio"), col("llr"), col("is_flagged"),
                col("top_terms"), lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, OPINION);
    }

    /** The one line AnalyticsJobs prints for this job. */
    public static String summary(Result r) {
        return "hot words " + r.hotRows() + ", rising " + r.risingRows() + ", opinion " + r.opinionRows() + " ("
                + r.flagged() + " flagged)";
    }
}

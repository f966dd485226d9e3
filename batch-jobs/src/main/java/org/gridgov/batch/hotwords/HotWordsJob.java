package org.gridgov.batch.hotwords;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.api.AnalyticsOptions;
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
    public record Result(long hotRows, long risingRows, long opinionRows, long flagged) {}

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

    /** With the default segmenter of {@code hotwords.segmenter}. */
    public HotWordsJob(WarehouseIo io, Clock clock, HotWordSettings settings) {
        this(
                io,
                clock,
                settings,
                GovSegmenter.Algorithm.valueOf(
                        AnalyticsOptions.HOTWORDS_SEGMENTER.defaultValue().name()));
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
                .filter(col("accept_month")
                        .geq(lit(from))
                        .and(col("accept_month").leq(lit(to))))
                .select(col("accept_month").as("stat_month"), col("street_code"), col("category_code"), col("content"));
        Map<String, String> names = collectNames(
                scopeNames(io.read(spark, WarehouseSchema.DIM_STREET), io.read(spark, WarehouseSchema.DIM_CATEGORY)));
        // segmentation is the expensive step: done once, counted per partition, the small counts read once
        Tables tables = tables(counts(texts, segmenter), names, targets, settings, computedAt);
        io.upsert(tables.hot(spark), HOT);
        io.upsert(tables.rising(spark), RISING);
        io.upsert(tables.opinion(spark), OPINION);
        int isFlagged = HotWordTables.OPINION.fieldIndex("is_flagged");
        long flagged = tables.opinionRows().stream()
                .filter(r -> r.getInt(isFlagged) == 1)
                .count();
        return new Result(
                tables.hotRows().size(),
                tables.risingRows().size(),
                tables.opinionRows().size(),
                flagged);
    }

    /**
     * The three tables' rows of the target months computed from {@link #counts} on the driver: the counts are
     * collected once ({@link ScopeCounts}: one Spark job), the phrases, words with phrases and texts per scope summed
     * there, and the hot, rising and opinion rows ranked there ({@link HotWordTables}).
     *
     * @param names scope names by {@code scope_type + "\t" + scope_code} ({@link #collectNames} of
     *              {@link #scopeNames}); a scope without one is named by its code
     */
    public static Tables tables(
            Dataset<Row> counts,
            Map<String, String> names,
            List<String> months,
            HotWordSettings settings,
            Timestamp computedAt) {
        List<String> targets = sortedMonths(months);
        ScopeCounts scoped = ScopeCounts.collect(counts);
        Collocations phrases = scoped.phrases(Collocations.Settings.defaults());
        HotWordTables tables = new HotWordTables(scoped.words(phrases), scoped.docs(), names);
        return new Tables(
                phrases,
                tables.hot(targets, settings, computedAt),
                tables.rising(targets, settings, computedAt),
                tables.opinion(scoped.terms(), targets, settings, computedAt));
    }

    /** The rows of ads_hot_word_month, ads_rising_word_month and ads_opinion_risk_month, and the phrases learned. */
    public record Tables(Collocations phrases, List<Row> hotRows, List<Row> risingRows, List<Row> opinionRows) {

        /** The hot rows as the table's columns. */
        public Dataset<Row> hot(SparkSession spark) {
            return table(spark, hotRows, HotWordTables.HOT, HOT);
        }

        /** The rising rows as the table's columns. */
        public Dataset<Row> rising(SparkSession spark) {
            return table(spark, risingRows, HotWordTables.RISING, RISING);
        }

        /** The opinion rows as the table's columns. */
        public Dataset<Row> opinion(SparkSession spark) {
            return table(spark, opinionRows, HotWordTables.OPINION, OPINION);
        }
    }

    /** The segmenter {@code hotwords.segmenter} names. */
    public static GovSegmenter.Algorithm segmenter(GridgovConfig config) {
        return GovSegmenter.Algorithm.valueOf(
                config.get(AnalyticsOptions.HOTWORDS_SEGMENTER).name());
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
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) rows -> {
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
                                    return RowFactory.create(
                                            r.getString(0),
                                            r.getString(1),
                                            r.getString(2),
                                            words.toArray(String[]::new),
                                            risk,
                                            pairs.toArray(String[]::new));
                                }
                            };
                        },
                        Encoders.row(TOKENS));
    }

    /**
     * {@link #counts(Dataset, GovSegmenter.Algorithm)} with HanLP's Viterbi segmenter, the one the per-text reference
     * of {@code HotWordsEquivalenceIT} uses.
     */
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
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) rows -> countPartition(
                                rows, new TextCounts(GovSegmenter.forTopics(segmenter), TextCounts.MAX_ENTRIES)),
                        Encoders.row(COUNTS))
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

    /** scope_type, scope_code, scope_name of the district, its streets and the categories. */
    public static Dataset<Row> scopeNames(Dataset<Row> streets, Dataset<Row> categories) {
        SparkSession spark = streets.sparkSession();
        Dataset<Row> district = spark.createDataFrame(
                List.of(RowFactory.create(DISTRICT, District.CODE, District.NAME)),
                new StructType()
                        .add("scope_type", DataTypes.StringType)
                        .add("scope_code", DataTypes.StringType)
                        .add("scope_name", DataTypes.StringType));
        return district.unionByName(streets.select(
                        lit(STREET).as("scope_type"),
                        col("street_code").as("scope_code"),
                        col("street_name").as("scope_name")))
                .unionByName(categories.select(
                        lit(CATEGORY).as("scope_type"),
                        col("category_code").as("scope_code"),
                        col("category_name").as("scope_name")));
    }

    /** Scope names by {@code scope_type + "\t" + scope_code} from {@link #scopeNames} rows; the first name wins. */
    public static Map<String, String> collectNames(Dataset<Row> names) {
        Map<String, String> out = new HashMap<>();
        for (Row r : names.select("scope_type", "scope_code", "scope_name").collectAsList()) {
            out.putIfAbsent(r.getString(0) + "\t" + r.getString(1), r.getString(2));
        }
        return out;
    }

    static Dataset<Row> table(SparkSession spark, List<Row> rows, StructType schema, Table table) {
        return SparkSchemas.conform(spark.createDataFrame(rows, schema), table);
    }

    /** The one line AnalyticsJobs prints for this job. */
    public static String summary(Result r) {
        return "hot words " + r.hotRows() + ", rising " + r.risingRows() + ", opinion " + r.opinionRows() + " ("
                + r.flagged() + " flagged)";
    }
}

package org.gridgov.batch.hotwords;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
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
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.common.district.District;
import org.gridgov.nlp.Collocations;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.RiskTerms;
import org.gridgov.nlp.TopicWords;

/**
 * The hot-word counting as it was before the per-partition counts (commit 133a34e): a row per text from the default
 * {@link GovSegmenter} (HanLP's transliterated-name recognition on) and {@link TopicWords#of}, its words, pairs and
 * risk terms exploded and counted by Spark, phrases added to each text's words; and the roll-up of those grain counts
 * to the scopes by Spark as the job did it before its partitions rolled up (commit 4c1bcb0: {@code scopes},
 * {@code scopeWords}, {@code scopeDocs}). The reference the job's {@link HotWordsJob#counts},
 * {@link HotWordsDatasets#scopeWords} and {@link HotWordsDatasets#scopeDocs} must equal.
 */
final class ReferenceHotWords {

    private ReferenceHotWords() {}

    /** A row per text ({@link HotWordsJob#TOKENS}), as the job's tokenize was. */
    static Dataset<Row> tokenize(Dataset<Row> texts) {
        return texts.select("stat_month", "street_code", "category_code", "content")
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) rows -> {
                            GovSegmenter segmenter = new GovSegmenter();
                            return new Iterator<Row>() {
                                @Override
                                public boolean hasNext() {
                                    return rows.hasNext();
                                }

                                @Override
                                public Row next() {
                                    Row r = rows.next();
                                    String content = r.getString(3);
                                    TopicWords topic = TopicWords.of(content, segmenter);
                                    return RowFactory.create(
                                            r.getString(0),
                                            r.getString(1),
                                            r.getString(2),
                                            topic.words().toArray(String[]::new),
                                            RiskTerms.find(content).toArray(String[]::new),
                                            topic.pairs().toArray(String[]::new));
                                }
                            };
                        },
                        Encoders.row(HotWordsJob.TOKENS));
    }

    /** The texts' counts in {@link HotWordsJob#COUNTS} rows, by exploding the per-text arrays. */
    static Dataset<Row> counts(Dataset<Row> tokens) {
        Dataset<Row> texts = tokens.groupBy("stat_month", "street_code", "category_code")
                .agg(count(lit(1)).as("docs"))
                .select(
                        col("stat_month"),
                        col("street_code"),
                        col("category_code"),
                        lit(TextCounts.TEXTS).as("kind"),
                        lit("").as("key"),
                        col("docs"));
        Dataset<Row> risky = tokens.filter(size(col("risk_terms")).gt(0))
                .groupBy("stat_month", "street_code", "category_code")
                .agg(count(lit(1)).as("docs"))
                .select(
                        col("stat_month"),
                        col("street_code"),
                        col("category_code"),
                        lit(TextCounts.RISK_TEXTS).as("kind"),
                        lit("").as("key"),
                        col("docs"));
        return texts.unionByName(risky)
                .unionByName(exploded(tokens, "words", TextCounts.WORD))
                .unionByName(exploded(tokens, "pairs", TextCounts.PAIR))
                .unionByName(exploded(tokens, "risk_terms", TextCounts.TERM));
    }

    private static Dataset<Row> exploded(Dataset<Row> tokens, String column, String kind) {
        return tokens.select(
                        col("stat_month"),
                        col("street_code"),
                        col("category_code"),
                        explode(col(column)).as("key"))
                .groupBy("stat_month", "street_code", "category_code", "key")
                .agg(count(lit(1)).as("docs"))
                .select(
                        col("stat_month"),
                        col("street_code"),
                        col("category_code"),
                        lit(kind).as("kind"),
                        col("key"),
                        col("docs"));
    }

    /** Each text's phrases added to its words, counted at the grain: what the job's withPhrases + scopeWords did. */
    static Dataset<Row> grainWords(Dataset<Row> tokens, Collocations phrases) {
        Dataset<Row> with = tokens.map(
                (MapFunction<Row, Row>) r -> {
                    List<String> pairs = r.getList(5);
                    List<String> words = new ArrayList<>(r.<String>getList(3));
                    for (String p : pairs) {
                        if (phrases.isPhrase(p)) {
                            words.add(TopicWords.phrase(p));
                        }
                    }
                    return RowFactory.create(
                            r.getString(0),
                            r.getString(1),
                            r.getString(2),
                            words.toArray(String[]::new),
                            r.<String>getList(4).toArray(String[]::new),
                            pairs.toArray(String[]::new));
                },
                Encoders.row(HotWordsJob.TOKENS));
        return with.select(
                        col("stat_month"),
                        col("street_code"),
                        col("category_code"),
                        explode(col("words")).as("word"))
                .groupBy("stat_month", "street_code", "category_code", "word")
                .agg(count(lit(1)).as("docs"));
    }

    /** The grain counts of {@link #counts} rolled up to the scopes ({@link HotWordsJob#COUNTS} rows). */
    static Dataset<Row> scopeCounts(Dataset<Row> grainCounts) {
        return grainCounts
                .select(col("stat_month"), explode(scopes()).as("s"), col("kind"), col("key"), col("docs"))
                .groupBy(
                        col("stat_month"),
                        col("s.scope_type").as("scope_type"),
                        col("s.scope_code").as("scope_code"),
                        col("kind"),
                        col("key"))
                .agg(sum("docs").as("docs"));
    }

    /** The three scopes a text belongs to, as an array to explode (the job's, before). */
    private static Column scopes() {
        return array(
                struct(
                        lit(HotWordsJob.DISTRICT).as("scope_type"),
                        lit(District.CODE).as("scope_code")),
                struct(
                        lit(HotWordsJob.STREET).as("scope_type"),
                        col("street_code").as("scope_code")),
                struct(
                        lit(HotWordsJob.CATEGORY).as("scope_type"),
                        col("category_code").as("scope_code")));
    }

    /** Texts per word, month and scope from {@link #grainWords} (the job's scopeWords, before). */
    static Dataset<Row> scopeWords(Dataset<Row> grainWords) {
        return grainWords
                .select(col("stat_month"), explode(scopes()).as("s"), col("word"), col("docs"))
                .groupBy(
                        col("stat_month"),
                        col("s.scope_type").as("scope_type"),
                        col("s.scope_code").as("scope_code"),
                        col("word"))
                .agg(sum("docs").as("docs"));
    }

    /** Texts and texts with a risk term per month and scope from the grain counts (the job's scopeDocs, before). */
    static Dataset<Row> scopeDocs(Dataset<Row> grainCounts) {
        Dataset<Row> base = grainCounts
                .filter(col("kind").isin(TextCounts.TEXTS, TextCounts.RISK_TEXTS))
                .groupBy("stat_month", "street_code", "category_code")
                .agg(
                        sum(when(col("kind").equalTo(TextCounts.TEXTS), col("docs"))
                                        .otherwise(lit(0L)))
                                .as("n"),
                        sum(when(col("kind").equalTo(TextCounts.RISK_TEXTS), col("docs"))
                                        .otherwise(lit(0L)))
                                .as("risk_n"));
        return base.select(col("stat_month"), explode(scopes()).as("s"), col("n"), col("risk_n"))
                .groupBy(
                        col("stat_month"),
                        col("s.scope_type").as("scope_type"),
                        col("s.scope_code").as("scope_code"))
                .agg(sum("n").as("n"), sum("risk_n").as("risk_n"));
    }

    // The job's hot, rising and opinion tables as Spark plans, verbatim as they were before HotWordTables computed
    // them on the driver (commit 4c1bcb0; only names of the job's constants qualified).

    private static Dataset<Row> targetMonths(SparkSession spark, List<String> months) {
        List<Row> rows = new ArrayList<>();
        for (String m : months) {
            rows.add(RowFactory.create(m, StatMonth.index(m)));
        }
        return spark.createDataFrame(
                rows,
                new StructType()
                        .add("target_month", DataTypes.StringType, false)
                        .add("t", DataTypes.IntegerType, false));
    }

    private static Dataset<Row> withNames(Dataset<Row> rows, Dataset<Row> names) {
        return rows.join(
                        names,
                        rows.col("scope_type")
                                .equalTo(names.col("scope_type"))
                                .and(rows.col("scope_code").equalTo(names.col("scope_code"))),
                        "left")
                .drop(names.col("scope_type"))
                .drop(names.col("scope_code"))
                .withColumn("scope_name", coalesce(col("scope_name"), col("scope_code")));
    }

    /** The same rows one month later (stat_month shifted by +1), for joining "previous month" values. */
    private static Dataset<Row> nextMonth(Dataset<Row> rows) {
        return rows.withColumn("m", SparkColumns.monthIndex(col("stat_month")).plus(1))
                .drop("stat_month");
    }

    private static Dataset<Row> thisMonth(Dataset<Row> rows) {
        return rows.withColumn("m", SparkColumns.monthIndex(col("stat_month")));
    }

    /**
     * Top {@code settings.topN()} words per target month and scope by TF-IDF (see the class comment), with the
     * columns of ads_hot_word_month.
     */
    static Dataset<Row> hotWords(
            Dataset<Row> scopeWords,
            Dataset<Row> scopeDocs,
            Dataset<Row> names,
            List<String> months,
            HotWordSettings settings,
            Timestamp computedAt) {
        SparkSession spark = scopeWords.sparkSession();
        int span = settings.idfMonths() - 1;
        Dataset<Row> targets = targetMonths(spark, HotWordsJob.sortedMonths(months));
        Column inWindow = col("m").between(col("t").minus(span), col("t"));

        // IDF window per target month: district texts and district texts per word, months t-span..t
        Dataset<Row> windowN = thisMonth(scopeDocs.filter(col("scope_type").equalTo(HotWordsJob.DISTRICT)))
                .join(targets, inWindow)
                .groupBy("target_month")
                .agg(sum("n").as("window_n"));
        Dataset<Row> windowDf = thisMonth(scopeWords.filter(col("scope_type").equalTo(HotWordsJob.DISTRICT)))
                .join(targets, inWindow)
                .groupBy("target_month", "word")
                .agg(sum("docs").as("window_df"));

        Dataset<Row> current = thisMonth(scopeWords)
                .join(targets, col("stat_month").equalTo(col("target_month")))
                .drop("target_month", "t");
        Dataset<Row> docs = thisMonth(scopeDocs)
                .select(col("m"), col("scope_type"), col("scope_code"), col("n").as("scope_doc_cnt"));
        Dataset<Row> prevDocs =
                nextMonth(scopeDocs).select(col("m"), col("scope_type"), col("scope_code"), col("n").as("prev_n"));
        Dataset<Row> prevWords = nextMonth(scopeWords)
                .select(
                        col("m"),
                        col("scope_type"),
                        col("scope_code"),
                        col("word"),
                        col("docs").as("prev_docs"));

        Column idf = log(lit(1.0).plus(col("window_n")).divide(lit(1.0).plus(col("window_df"))))
                .plus(1.0);
        WindowSpec byScope = Window.partitionBy("stat_month", "scope_type", "scope_code")
                .orderBy(col("weight").desc(), col("word").asc());
        Dataset<Row> ranked = current.join(
                        windowDf,
                        current.col("stat_month")
                                .equalTo(windowDf.col("target_month"))
                                .and(current.col("word").equalTo(windowDf.col("word"))))
                .drop(windowDf.col("word"))
                .drop("target_month")
                .join(windowN, col("stat_month").equalTo(col("target_month")))
                .drop("target_month")
                .withColumn("weight", col("docs").multiply(idf))
                .withColumn("word_rank", row_number().over(byScope))
                .filter(col("word_rank").leq(settings.topN()));

        Dataset<Row> out = ranked.join(docs, new String[] {"m", "scope_type", "scope_code"})
                .join(prevDocs, new String[] {"m", "scope_type", "scope_code"}, "left")
                .join(prevWords, new String[] {"m", "scope_type", "scope_code", "word"}, "left");
        out = withNames(out, names)
                .select(
                        col("stat_month"),
                        col("scope_type"),
                        col("scope_code"),
                        col("word_rank"),
                        col("scope_name"),
                        col("word"),
                        col("weight"),
                        col("docs").as("doc_cnt"),
                        col("scope_doc_cnt"),
                        // null when the scope had no texts last month; 0 when it had texts but none with the word
                        when(col("prev_n").isNull(), lit(null))
                                .otherwise(coalesce(col("prev_docs"), lit(0L)))
                                .as("prev_doc_cnt"),
                        lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, HotWordsJob.HOT);
    }

    /**
     * Top {@code settings.risingTopN()} words per target month and scope by G² of their growth against the previous
     * month, among words in at least {@code risingMinDocs} texts whose share grew and whose G² reaches
     * {@code risingMinLlr}. Scopes without texts in the previous month get no rising words.
     */
    static Dataset<Row> risingWords(
            Dataset<Row> scopeWords,
            Dataset<Row> scopeDocs,
            Dataset<Row> names,
            List<String> months,
            HotWordSettings settings,
            Timestamp computedAt) {
        List<String> targets = HotWordsJob.sortedMonths(months);
        Dataset<Row> current = thisMonth(scopeWords.filter(col("stat_month").isin(targets.toArray())))
                .filter(col("docs").geq(settings.risingMinDocs()));
        Dataset<Row> docs =
                thisMonth(scopeDocs).select(col("m"), col("scope_type"), col("scope_code"), col("n").as("c"));
        Dataset<Row> prevDocs = nextMonth(scopeDocs)
                .filter(col("n").gt(0))
                .select(col("m"), col("scope_type"), col("scope_code"), col("n").as("d"));
        Dataset<Row> prevWords = nextMonth(scopeWords)
                .select(
                        col("m"),
                        col("scope_type"),
                        col("scope_code"),
                        col("word"),
                        col("docs").as("prev_docs"));

        Dataset<Row> joined = current.join(docs, new String[] {"m", "scope_type", "scope_code"})
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
        Dataset<Row> out = withNames(ranked, names)
                .select(
                        col("stat_month"),
                        col("scope_type"),
                        col("scope_code"),
                        col("word_rank"),
                        col("scope_name"),
                        col("word"),
                        col("docs").as("doc_cnt"),
                        col("c").as("scope_doc_cnt"),
                        col("b").as("prev_doc_cnt"),
                        col("d").as("prev_scope_doc_cnt"),
                        col("growth_ratio"),
                        col("llr"),
                        lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, HotWordsJob.RISING);
    }

    /** One ads_opinion_risk_month row per target month and scope with texts (see the class comment). */
    static Dataset<Row> opinionRisk(
            Dataset<Row> counts,
            Dataset<Row> scopeDocs,
            Dataset<Row> names,
            List<String> months,
            HotWordSettings settings,
            Timestamp computedAt) {
        List<String> targets = HotWordsJob.sortedMonths(months);
        Dataset<Row> current = thisMonth(scopeDocs.filter(col("stat_month").isin(targets.toArray())));
        Dataset<Row> prev = nextMonth(scopeDocs)
                .select(
                        col("m"),
                        col("scope_type"),
                        col("scope_code"),
                        col("n").as("prev_n"),
                        col("risk_n").as("prev_risk_n"));

        Dataset<Row> termCounts = counts.filter(col("kind").equalTo(TextCounts.TERM))
                .filter(col("stat_month").isin(targets.toArray()))
                .select(col("stat_month"), explode(scopes()).as("s"), col("key").as("term"), col("docs"))
                .groupBy(
                        col("stat_month"),
                        col("s.scope_type").as("scope_type"),
                        col("s.scope_code").as("scope_code"),
                        col("term"))
                .agg(sum("docs").as("cnt"));
        Dataset<Row> topTerms = termCounts
                .groupBy("stat_month", "scope_type", "scope_code")
                .agg(expr("array_join(transform(slice(sort_array(collect_list(struct(cnt, term)), false), 1, "
                                + HotWordsJob.TOP_RISK_TERMS + "), x -> concat(x.term, ':', x.cnt)), '、')")
                        .as("top_terms"));

        Column a = col("risk_n").cast(DataTypes.DoubleType);
        Column c = col("n").cast(DataTypes.DoubleType);
        Column b = col("prev_risk_n").cast(DataTypes.DoubleType);
        Column d = col("prev_n").cast(DataTypes.DoubleType);
        Column hasPrev = col("prev_n").isNotNull().and(col("prev_n").gt(0));
        Column ratio = when(
                hasPrev, a.divide(c).divide(greatest(b, lit(Keyness.ABSENT)).divide(d)));
        Column llr = when(hasPrev, SparkColumns.logLikelihood(a, c, b, d));
        Column flagged = hasPrev.and(col("risk_n").geq(settings.opinionMinDocs()))
                .and(a.divide(c).gt(b.divide(d)))
                .and(col("spike_ratio").geq(settings.opinionSpikeRatio()))
                .and(col("llr").geq(settings.opinionMinLlr()));

        Dataset<Row> joined = current.join(prev, new String[] {"m", "scope_type", "scope_code"}, "left")
                .join(topTerms, new String[] {"stat_month", "scope_type", "scope_code"}, "left")
                .withColumn("spike_ratio", ratio)
                .withColumn("llr", llr)
                .withColumn("is_flagged", when(flagged, 1).otherwise(0));
        Dataset<Row> out = withNames(joined, names)
                .select(
                        col("stat_month"),
                        col("scope_type"),
                        col("scope_code"),
                        col("scope_name"),
                        col("n").as("doc_cnt"),
                        col("risk_n").as("risk_doc_cnt"),
                        a.divide(c).as("risk_share"),
                        col("prev_n").as("prev_doc_cnt"),
                        col("prev_risk_n").as("prev_risk_doc_cnt"),
                        col("spike_ratio"),
                        col("llr"),
                        col("is_flagged"),
                        col("top_terms"),
                        lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, HotWordsJob.OPINION);
    }
}

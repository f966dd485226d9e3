package org.gridgov.batch.hotwords;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.nlp.Collocations;

/**
 * The hot-word job's intermediate results as Spark tables, for tests and the bench's raw-frequency baseline.
 * Production ({@link HotWordsJob#run}) computes the same from one {@link ScopeCounts} on the driver
 * ({@link HotWordsJob#tables}); these wrap the same {@link ScopeCounts} and {@link HotWordTables} code, so the tests
 * can look at each step (phrases, words per scope, texts per scope) and compare it with the reference plans.
 */
public final class HotWordsDatasets {

    private HotWordsDatasets() {}

    private static Dataset<Row> kind(Dataset<Row> counts, String kind) {
        return counts.filter(col("kind").equalTo(kind));
    }

    /**
     * The phrases of the texts counted in {@code counts}: document frequencies of words and adjacent pairs in the
     * district (every text) summed over the months, the pairs in at least {@code minDocs} texts scored on the driver
     * ({@link ScopeCounts#phrases}, {@link Collocations#select}).
     */
    public static Collocations phrases(Dataset<Row> counts, Collocations.Settings settings) {
        return ScopeCounts.collect(counts).phrases(settings);
    }

    /**
     * Texts per word, month and scope: stat_month, scope_type, scope_code, word, docs, each phrase counted beside its
     * words (a text holds a phrase when it holds the phrase's pair). Summed on the driver ({@link ScopeCounts#words}),
     * as {@link HotWordsJob#tables} does.
     */
    public static Dataset<Row> scopeWords(Dataset<Row> counts, Collocations phrases) {
        List<Row> rows = new ArrayList<>();
        ScopeCounts.collect(counts)
                .words(phrases)
                .forEach((s, words) ->
                        words.forEach((w, n) -> rows.add(RowFactory.create(s.month(), s.type(), s.code(), w, n))));
        return counts.sparkSession()
                .createDataFrame(
                        rows,
                        new StructType()
                                .add("stat_month", DataTypes.StringType, false)
                                .add("scope_type", DataTypes.StringType, false)
                                .add("scope_code", DataTypes.StringType, false)
                                .add("word", DataTypes.StringType, false)
                                .add("docs", DataTypes.LongType, false));
    }

    /**
     * Texts and texts with a risk term per month and scope: stat_month, scope_type, scope_code, n, risk_n. Summed on
     * the driver ({@link ScopeCounts#docs}), as {@link HotWordsJob#tables} does.
     */
    public static Dataset<Row> scopeDocs(Dataset<Row> counts) {
        List<Row> rows = new ArrayList<>();
        ScopeCounts.collect(counts)
                .docs()
                .forEach((s, n) -> rows.add(RowFactory.create(s.month(), s.type(), s.code(), n[0], n[1])));
        return counts.sparkSession()
                .createDataFrame(
                        rows,
                        new StructType()
                                .add("stat_month", DataTypes.StringType, false)
                                .add("scope_type", DataTypes.StringType, false)
                                .add("scope_code", DataTypes.StringType, false)
                                .add("n", DataTypes.LongType, false)
                                .add("risk_n", DataTypes.LongType, false));
    }

    /** Texts per word of each month and scope, collected from {@link #scopeWords} rows. */
    private static Map<HotWordTables.Scope, Map<String, Long>> collectWords(Dataset<Row> scopeWords) {
        Map<HotWordTables.Scope, Map<String, Long>> out = new HashMap<>();
        for (Row r : scopeWords
                .select("stat_month", "scope_type", "scope_code", "word", "docs")
                .collectAsList()) {
            out.computeIfAbsent(
                            new HotWordTables.Scope(r.getString(0), r.getString(1), r.getString(2)),
                            k -> new HashMap<>())
                    .put(r.getString(3), r.getLong(4));
        }
        return out;
    }

    /** {n, risk_n} of each month and scope, collected from {@link #scopeDocs} rows. */
    private static Map<HotWordTables.Scope, long[]> collectDocs(Dataset<Row> scopeDocs) {
        Map<HotWordTables.Scope, long[]> out = new HashMap<>();
        for (Row r : scopeDocs
                .select("stat_month", "scope_type", "scope_code", "n", "risk_n")
                .collectAsList()) {
            out.put(
                    new HotWordTables.Scope(r.getString(0), r.getString(1), r.getString(2)),
                    new long[] {r.getLong(3), r.getLong(4)});
        }
        return out;
    }

    /**
     * Top {@code settings.topN()} words per target month and scope by TF-IDF (see the class comment), with the
     * columns of ads_hot_word_month. The month-and-scope tables are small: collected and ranked on the driver
     * ({@link HotWordTables}), not planned as Spark joins and windows.
     */
    public static Dataset<Row> hotWords(
            Dataset<Row> scopeWords,
            Dataset<Row> scopeDocs,
            Dataset<Row> names,
            List<String> months,
            HotWordSettings settings,
            Timestamp computedAt) {
        HotWordTables tables =
                new HotWordTables(collectWords(scopeWords), collectDocs(scopeDocs), HotWordsJob.collectNames(names));
        return HotWordsJob.table(
                scopeWords.sparkSession(),
                tables.hot(HotWordsJob.sortedMonths(months), settings, computedAt),
                HotWordTables.HOT,
                HotWordsJob.HOT);
    }

    /**
     * Top {@code settings.risingTopN()} words per target month and scope by G² of their growth against the previous
     * month, among words in at least {@code risingMinDocs} texts whose share grew and whose G² reaches
     * {@code risingMinLlr}. Scopes without texts in the previous month get no rising words. On the driver, as
     * {@link #hotWords}.
     */
    public static Dataset<Row> risingWords(
            Dataset<Row> scopeWords,
            Dataset<Row> scopeDocs,
            Dataset<Row> names,
            List<String> months,
            HotWordSettings settings,
            Timestamp computedAt) {
        HotWordTables tables =
                new HotWordTables(collectWords(scopeWords), collectDocs(scopeDocs), HotWordsJob.collectNames(names));
        return HotWordsJob.table(
                scopeWords.sparkSession(),
                tables.rising(HotWordsJob.sortedMonths(months), settings, computedAt),
                HotWordTables.RISING,
                HotWordsJob.RISING);
    }

    /** One ads_opinion_risk_month row per target month and scope with texts (see the class comment). */
    public static Dataset<Row> opinionRisk(
            Dataset<Row> counts,
            Dataset<Row> scopeDocs,
            Dataset<Row> names,
            List<String> months,
            HotWordSettings settings,
            Timestamp computedAt) {
        List<String> targets = HotWordsJob.sortedMonths(months);
        Map<HotWordTables.Scope, Map<String, Long>> terms = new HashMap<>();
        for (Row r : kind(counts, TextCounts.TERM)
                .filter(col("stat_month").isin(targets.toArray()))
                .select("stat_month", "scope_type", "scope_code", "key", "docs")
                .collectAsList()) {
            terms.computeIfAbsent(
                            new HotWordTables.Scope(r.getString(0), r.getString(1), r.getString(2)),
                            k -> new HashMap<>())
                    .merge(r.getString(3), r.getLong(4), Long::sum);
        }
        HotWordTables tables = new HotWordTables(Map.of(), collectDocs(scopeDocs), HotWordsJob.collectNames(names));
        return HotWordsJob.table(
                counts.sparkSession(),
                tables.opinion(terms, targets, settings, computedAt),
                HotWordTables.OPINION,
                HotWordsJob.OPINION);
    }
}

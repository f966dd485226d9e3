package org.gridgov.batch.hotwords;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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
 * {@link HotWordsJob#scopeWords} and {@link HotWordsJob#scopeDocs} must equal.
 */
final class ReferenceHotWords {

    private ReferenceHotWords() {
    }

    /** A row per text ({@link HotWordsJob#TOKENS}), as the job's tokenize was. */
    static Dataset<Row> tokenize(Dataset<Row> texts) {
        return texts.select("stat_month", "street_code", "category_code", "content")
                .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
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
                            return RowFactory.create(r.getString(0), r.getString(1), r.getString(2),
                                    topic.words().toArray(String[]::new), RiskTerms.find(content).toArray(String[]::new),
                                    topic.pairs().toArray(String[]::new));
                        }
                    };
                }, Encoders.row(HotWordsJob.TOKENS));
    }

    /** The texts' counts in {@link HotWordsJob#COUNTS} rows, by exploding the per-text arrays. */
    static Dataset<Row> counts(Dataset<Row> tokens) {
        Dataset<Row> texts = tokens.groupBy("stat_month", "street_code", "category_code").agg(count(lit(1)).as("docs"))
                .select(col("stat_month"), col("street_code"), col("category_code"), lit(TextCounts.TEXTS).as("kind"),
                        lit("").as("key"), col("docs"));
        Dataset<Row> risky = tokens.filter(size(col("risk_terms")).gt(0))
                .groupBy("stat_month", "street_code", "category_code").agg(count(lit(1)).as("docs"))
                .select(col("stat_month"), col("street_code"), col("category_code"),
                        lit(TextCounts.RISK_TEXTS).as("kind"), lit("").as("key"), col("docs"));
        return texts.unionByName(risky).unionByName(exploded(tokens, "words", TextCounts.WORD))
                .unionByName(exploded(tokens, "pairs", TextCounts.PAIR))
                .unionByName(exploded(tokens, "risk_terms", TextCounts.TERM));
    }

    private static Dataset<Row> exploded(Dataset<Row> tokens, String column, String kind) {
        return tokens.select(col("stat_month"), col("street_code"), col("category_code"),
                        explode(col(column)).as("key"))
                .groupBy("stat_month", "street_code", "category_code", "key").agg(count(lit(1)).as("docs"))
                .select(col("stat_month"), col("street_code"), col("category_code"), lit(kind).as("kind"),
                        col("key"), col("docs"));
    }

    /** Each text's phrases added to its words, counted at the grain: what the job's withPhrases + scopeWords did. */
    static Dataset<Row> grainWords(Dataset<Row> tokens, Collocations phrases) {
        Dataset<Row> with = tokens.map((MapFunction<Row, Row>) r -> {
            List<String> pairs = r.getList(5);
            List<String> words = new ArrayList<>(r.<String>getList(3));
            for (String p : pairs) {
                if (phrases.isPhrase(p)) {
                    words.add(TopicWords.phrase(p));
                }
            }
            return RowFactory.create(r.getString(0), r.getString(1), r.getString(2), words.toArray(String[]::new),
                    r.<String>getList(4).toArray(String[]::new), pairs.toArray(String[]::new));
        }, Encoders.row(HotWordsJob.TOKENS));
        return with.select(col("stat_month"), col("street_code"), col("category_code"), explode(col("words")).as("word"))
                .groupBy("stat_month", "street_code", "category_code", "word")
                .agg(count(lit(1)).as("docs"));
    }

    /** The grain counts of {@link #counts} rolled up to the scopes ({@link HotWordsJob#COUNTS} rows). */
    static Dataset<Row> scopeCounts(Dataset<Row> grainCounts) {
        return grainCounts.select(col("stat_month"), explode(scopes()).as("s"), col("kind"), col("key"), col("docs"))
                .groupBy(col("stat_month"), col("s.scope_type").as("scope_type"), col("s.scope_code").as("scope_code"),
                        col("kind"), col("key"))
                .agg(sum("docs").as("docs"));
    }

    /** The three scopes a text belongs to, as an array to explode (the job's, before). */
    private static Column scopes() {
        return array(
                struct(lit(HotWordsJob.DISTRICT).as("scope_type"), lit(District.CODE).as("scope_code")),
                struct(lit(HotWordsJob.STREET).as("scope_type"), col("street_code").as("scope_code")),
                struct(lit(HotWordsJob.CATEGORY).as("scope_type"), col("category_code").as("scope_code")));
    }

    /** Texts per word, month and scope from {@link #grainWords} (the job's scopeWords, before). */
    static Dataset<Row> scopeWords(Dataset<Row> grainWords) {
        return grainWords.select(col("stat_month"), explode(scopes()).as("s"), col("word"), col("docs"))
                .groupBy(col("stat_month"), col("s.scope_type").as("scope_type"), col("s.scope_code").as("scope_code"),
                        col("word"))
                .agg(sum("docs").as("docs"));
    }

    /** Texts and texts with a risk term per month and scope from the grain counts (the job's scopeDocs, before). */
    static Dataset<Row> scopeDocs(Dataset<Row> grainCounts) {
        Dataset<Row> base = grainCounts
                .filter(col("kind").isin(TextCounts.TEXTS, TextCounts.RISK_TEXTS))
                .groupBy("stat_month", "street_code", "category_code")
                .agg(sum(when(col("kind").equalTo(TextCounts.TEXTS), col("docs")).otherwise(lit(0L))).as("n"),
                        sum(when(col("kind").equalTo(TextCounts.RISK_TEXTS), col("docs")).otherwise(lit(0L)))
                                .as("risk_n"));
        return base.select(col("stat_month"), explode(scopes()).as("s"), col("n"), col("risk_n"))
                .groupBy(col("stat_month"), col("s.scope_type").as("scope_type"), col("s.scope_code").as("scope_code"))
                .agg(sum("n").as("n"), sum("risk_n").as("risk_n"));
    }
}

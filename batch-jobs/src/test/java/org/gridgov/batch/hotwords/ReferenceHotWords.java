package org.gridgov.batch.hotwords;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.gridgov.nlp.Collocations;
import org.gridgov.nlp.GovSegmenter;
import org.gridgov.nlp.RiskTerms;
import org.gridgov.nlp.TopicWords;

/**
 * The hot-word counting as it was before the per-partition counts (commit 133a34e): a row per text from the default
 * {@link GovSegmenter} (HanLP's transliterated-name recognition on) and {@link TopicWords#of}, its words, pairs and
 * risk terms exploded and counted by Spark, phrases added to each text's words. The reference the job's
 * {@link HotWordsJob#counts} and {@link HotWordsJob#grainWords} must equal.
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
}

package org.gridgov.batch.hotwords;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.batch.StatMonth;

/**
 * The hot, rising and opinion rows computed on the driver from the month-and-scope counts, which are small (one row
 * per month, scope and word): the same definitions as before, when each was a Spark plan of joins and windows
 * ({@link HotWordsJob}'s class comment; {@link Keyness} has the formulas). Why: those plans cost a fixed 20–25 s of
 * planning, code generation and JIT compilation per run, as much as the counting itself, for tables of a few hundred
 * thousand rows. {@code HotWordsEquivalenceIT} compares every row with the Spark plans they replace.
 *
 * <p>Ties are broken by the word in code-point order, which is Spark's order of UTF-8 strings. Logarithms are
 * {@link StrictMath}'s, as in Spark's expressions (apache/spark {@code sql/catalyst/.../expressions/mathExpressions.scala}:
 * {@code case class Log ... extends UnaryLogExpression(StrictMath.log, "LOG")}), so the weights are equal to the last
 * bit; {@link Math#log} differed in the last bit.
 */
final class HotWordTables {

    /** A month's scope. */
    record Scope(String month, String type, String code) {
        Scope previous() {
            return new Scope(StatMonth.shift(month, -1), type, code);
        }
    }

    static final StructType HOT = new StructType()
            .add("stat_month", DataTypes.StringType)
            .add("scope_type", DataTypes.StringType)
            .add("scope_code", DataTypes.StringType)
            .add("word_rank", DataTypes.IntegerType)
            .add("scope_name", DataTypes.StringType)
            .add("word", DataTypes.StringType)
            .add("weight", DataTypes.DoubleType)
            .add("doc_cnt", DataTypes.LongType)
            .add("scope_doc_cnt", DataTypes.LongType)
            .add("prev_doc_cnt", DataTypes.LongType)
            .add("updated_at", DataTypes.TimestampType);
    static final StructType RISING = new StructType()
            .add("stat_month", DataTypes.StringType)
            .add("scope_type", DataTypes.StringType)
            .add("scope_code", DataTypes.StringType)
            .add("word_rank", DataTypes.IntegerType)
            .add("scope_name", DataTypes.StringType)
            .add("word", DataTypes.StringType)
            .add("doc_cnt", DataTypes.LongType)
            .add("scope_doc_cnt", DataTypes.DoubleType)
            .add("prev_doc_cnt", DataTypes.DoubleType)
            .add("prev_scope_doc_cnt", DataTypes.DoubleType)
            .add("growth_ratio", DataTypes.DoubleType)
            .add("llr", DataTypes.DoubleType)
            .add("updated_at", DataTypes.TimestampType);
    static final StructType OPINION = new StructType()
            .add("stat_month", DataTypes.StringType)
            .add("scope_type", DataTypes.StringType)
            .add("scope_code", DataTypes.StringType)
            .add("scope_name", DataTypes.StringType)
            .add("doc_cnt", DataTypes.LongType)
            .add("risk_doc_cnt", DataTypes.LongType)
            .add("risk_share", DataTypes.DoubleType)
            .add("prev_doc_cnt", DataTypes.LongType)
            .add("prev_risk_doc_cnt", DataTypes.LongType)
            .add("spike_ratio", DataTypes.DoubleType)
            .add("llr", DataTypes.DoubleType)
            .add("is_flagged", DataTypes.IntegerType)
            .add("top_terms", DataTypes.StringType)
            .add("updated_at", DataTypes.TimestampType);

    /** Code-point order: Spark compares strings as UTF-8 bytes, which orders them by code point. */
    static final Comparator<String> CODE_POINTS = (x, y) -> {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    };

    private final Map<Scope, Map<String, Long>> words;
    private final Map<Scope, long[]> docs;
    private final Map<String, String> names;

    /**
     * @param words texts per word of each month and scope
     * @param docs  texts and texts with a risk term ({n, risk_n}) of each month and scope
     * @param names scope names by {@code type + "\t" + code}
     */
    HotWordTables(Map<Scope, Map<String, Long>> words, Map<Scope, long[]> docs, Map<String, String> names) {
        this.words = words;
        this.docs = docs;
        this.names = names;
    }

    private String name(Scope s) {
        String name = names.get(s.type() + "\t" + s.code());
        return name == null ? s.code() : name;
    }

    private record Scored(String word, long docs, double score) {}

    private static List<Scored> top(List<Scored> scored, int n) {
        scored.sort((x, y) -> {
            int byScore = Double.compare(y.score(), x.score());
            return byScore != 0 ? byScore : CODE_POINTS.compare(x.word(), y.word());
        });
        return scored.subList(0, Math.min(n, scored.size()));
    }

    /** ads_hot_word_month rows (before the table's casts) of the target months. */
    List<Row> hot(List<String> targets, HotWordSettings settings, Timestamp at) {
        int span = settings.idfMonths() - 1;
        List<Row> out = new ArrayList<>();
        for (String target : targets) {
            long windowN = 0;
            boolean any = false;
            Map<String, Long> windowDf = new HashMap<>();
            for (int back = 0; back <= span; back++) {
                Scope district = new Scope(
                        StatMonth.shift(target, -back),
                        HotWordsJob.DISTRICT,
                        org.gridgov.common.district.District.CODE);
                long[] n = docs.get(district);
                if (n != null) {
                    windowN += n[0];
                    any = true;
                }
                words.getOrDefault(district, Map.of()).forEach((w, d) -> windowDf.merge(w, d, Long::sum));
            }
            if (!any) {
                continue; // no district texts in the window: no IDF, no rows (as the inner join had it)
            }
            for (Map.Entry<Scope, Map<String, Long>> e : words.entrySet()) {
                Scope s = e.getKey();
                long[] n = docs.get(s);
                if (!s.month().equals(target) || n == null) {
                    continue;
                }
                List<Scored> scored = new ArrayList<>();
                for (Map.Entry<String, Long> w : e.getValue().entrySet()) {
                    Long df = windowDf.get(w.getKey());
                    if (df != null) {
                        double idf = StrictMath.log((1.0 + windowN) / (1.0 + df)) + 1.0;
                        scored.add(new Scored(w.getKey(), w.getValue(), w.getValue() * idf));
                    }
                }
                long[] prev = docs.get(s.previous());
                Map<String, Long> prevWords = words.getOrDefault(s.previous(), Map.of());
                int rank = 0;
                for (Scored w : top(scored, settings.topN())) {
                    Long prevDocs = prev == null ? null : prevWords.getOrDefault(w.word(), 0L);
                    out.add(RowFactory.create(
                            s.month(), s.type(), s.code(), ++rank, name(s), w.word(), w.score(), w.docs(), n[0],
                            prevDocs, at));
                }
            }
        }
        return out;
    }

    /** ads_rising_word_month rows (before the table's casts) of the target months. */
    List<Row> rising(List<String> targets, HotWordSettings settings, Timestamp at) {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<Scope, Map<String, Long>> e : words.entrySet()) {
            Scope s = e.getKey();
            long[] now = docs.get(s);
            long[] before = docs.get(s.previous());
            if (!targets.contains(s.month()) || now == null || before == null || before[0] <= 0) {
                continue;
            }
            double c = now[0];
            double d = before[0];
            Map<String, Long> prevWords = words.getOrDefault(s.previous(), Map.of());
            List<Scored> scored = new ArrayList<>();
            for (Map.Entry<String, Long> w : e.getValue().entrySet()) {
                long docs = w.getValue();
                if (docs < settings.risingMinDocs()) {
                    continue;
                }
                double a = docs;
                double b = prevWords.getOrDefault(w.getKey(), 0L);
                if (!(a / c > b / d)) {
                    continue;
                }
                double llr = logLikelihood(a, c, b, d);
                if (llr >= settings.risingMinLlr()) {
                    scored.add(new Scored(w.getKey(), docs, llr));
                }
            }
            int rank = 0;
            for (Scored w : top(scored, settings.risingTopN())) {
                double b = prevWords.getOrDefault(w.word(), 0L);
                double ratio = (w.docs() / c) / (Math.max(b, Keyness.ABSENT) / d);
                out.add(RowFactory.create(
                        s.month(), s.type(), s.code(), ++rank, name(s), w.word(), w.docs(), c, b, d, ratio, w.score(),
                        at));
            }
        }
        return out;
    }

    /**
     * ads_opinion_risk_month rows (before the table's casts) of the target months; {@code terms} holds the texts per
     * risk term of each month and scope.
     */
    List<Row> opinion(
            Map<Scope, Map<String, Long>> terms, List<String> targets, HotWordSettings settings, Timestamp at) {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<Scope, long[]> e : docs.entrySet()) {
            Scope s = e.getKey();
            if (!targets.contains(s.month())) {
                continue;
            }
            long n = e.getValue()[0];
            long riskN = e.getValue()[1];
            long[] prev = docs.get(s.previous());
            double a = riskN;
            double c = n;
            boolean hasPrev = prev != null && prev[0] > 0;
            Double ratio = null;
            Double llr = null;
            boolean flagged = false;
            if (hasPrev) {
                double b = prev[1];
                double d = prev[0];
                ratio = (a / c) / (Math.max(b, Keyness.ABSENT) / d);
                llr = logLikelihood(a, c, b, d);
                flagged = riskN >= settings.opinionMinDocs()
                        && a / c > b / d
                        && ratio >= settings.opinionSpikeRatio()
                        && llr >= settings.opinionMinLlr();
            }
            out.add(RowFactory.create(
                    s.month(),
                    s.type(),
                    s.code(),
                    name(s),
                    n,
                    riskN,
                    a / c,
                    prev == null ? null : prev[0],
                    prev == null ? null : prev[1],
                    ratio,
                    llr,
                    flagged ? 1 : 0,
                    topTerms(terms.get(s)),
                    at));
        }
        return out;
    }

    /**
     * {@link Keyness#logLikelihood} in doubles and {@link StrictMath#log}, term by term in the order of
     * {@code SparkColumns.logLikelihood}, whose values the tables had.
     */
    static double logLikelihood(double a, double c, double b, double d) {
        double n = c + d;
        double withWord = a + b;
        double without = n - withWord;
        return 2.0
                * (term(a, withWord * c / n)
                        + term(b, withWord * d / n)
                        + term(c - a, without * c / n)
                        + term(d - b, without * d / n));
    }

    private static double term(double observed, double expected) {
        return observed > 0 ? observed * StrictMath.log(observed / expected) : 0.0;
    }

    /**
     * The scope's {@link HotWordsJob#TOP_RISK_TERMS} most frequent risk terms as {@code term:count} joined by 、, in
     * Spark's {@code sort_array(struct(cnt, term), false)} order (count, then term, both descending); null without any.
     */
    static String topTerms(Map<String, Long> terms) {
        if (terms == null || terms.isEmpty()) {
            return null;
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(terms.entrySet());
        sorted.sort((x, y) -> {
            int byCount = Long.compare(y.getValue(), x.getValue());
            return byCount != 0 ? byCount : CODE_POINTS.compare(y.getKey(), x.getKey());
        });
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> t : sorted.subList(0, Math.min(HotWordsJob.TOP_RISK_TERMS, sorted.size()))) {
            parts.add(t.getKey() + ":" + t.getValue());
        }
        return String.join("、", parts);
    }
}

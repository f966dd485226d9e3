package org.gridgov.batch.hotline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 受理量 vs 诉求数 (issue 19 part 3): {@code dwd_hotline_case} → {@code ads_hotline_problem_month} (calls, distinct
 * problems, 重复率 by month, street and category) and {@code ads_hotline_top_problem_month} (the month's most
 * repeated problems). A call's problem is its {@code master_case_id} (set by the ODS loader's duplicate marker), or
 * the call itself when it repeats nothing. Upserts keyed by month (and street and category, or rank).
 */
public final class ProblemCountJob {

    public static final Table SOURCE = WarehouseSchema.DWD_HOTLINE_CASE;
    public static final Table PROBLEMS = AnalyticsTables.ADS_HOTLINE_PROBLEM_MONTH;
    public static final Table TOP = AnalyticsTables.ADS_HOTLINE_TOP_PROBLEM_MONTH;
    /** Ranks kept in the top list. */
    public static final int TOP_N = 10;

    private final WarehouseIo io;
    private final Clock clock;

    public ProblemCountJob(WarehouseIo io, Clock clock) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Rows written to the two tables. */
    public record Result(long problemRows, long topRows) {}

    public Result run(SparkSession spark, List<String> months) {
        months.forEach(StatMonth::require);
        Timestamp computedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Dataset<Row> cases = io.read(spark, SOURCE)
                .filter(col("accept_month").isin(months.toArray()))
                .cache();
        Dataset<Row> streets = io.read(spark, WarehouseSchema.DIM_STREET);
        Dataset<Row> categories = io.read(spark, WarehouseSchema.DIM_CATEGORY);
        try {
            Dataset<Row> problems =
                    problems(cases, streets, categories, computedAt).cache();
            Dataset<Row> top = top(cases, streets, categories, computedAt).cache();
            try {
                io.upsert(problems, PROBLEMS);
                io.upsert(top, TOP);
                return new Result(problems.count(), top.count());
            } finally {
                problems.unpersist();
                top.unpersist();
            }
        } finally {
            cases.unpersist();
        }
    }

    /** The problem of each call: its master, or itself. */
    static Dataset<Row> withProblem(Dataset<Row> cases) {
        return cases.withColumn("problem_id", coalesce(col("master_case_id"), col("case_id")));
    }

    /** ads_hotline_problem_month for every month, street and category in {@code cases}. */
    public static Dataset<Row> problems(
            Dataset<Row> cases, Dataset<Row> streets, Dataset<Row> categories, Timestamp computedAt) {
        Dataset<Row> agg = withProblem(cases)
                .groupBy(col("accept_month").as("stat_month"), col("street_code"), col("category_code"))
                .agg(
                        count(lit(1)).as("accepted_cnt"),
                        countDistinct(col("problem_id")).as("problem_cnt"));
        Dataset<Row> out = named(agg, streets, categories)
                .select(
                        col("stat_month"),
                        col("street_code"),
                        col("category_code"),
                        col("street_name"),
                        col("category_name"),
                        col("accepted_cnt"),
                        col("problem_cnt"),
                        col("accepted_cnt").minus(col("problem_cnt")).as("duplicate_cnt"),
                        SparkColumns.ratio(col("accepted_cnt").minus(col("problem_cnt")), col("accepted_cnt"))
                                .cast(DataTypes.createDecimalType(6, 4))
                                .as("duplicate_rate"),
                        lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, PROBLEMS);
    }

    /**
     * ads_hotline_top_problem_month: per month the {@link #TOP_N} problems with the most calls (at least two), ties by
     * master id; street and closure from the month's first and latest call.
     */
    public static Dataset<Row> top(
            Dataset<Row> cases, Dataset<Row> streets, Dataset<Row> categories, Timestamp computedAt) {
        Dataset<Row> calls =
                withProblem(cases).withColumn("accepted", col("accept_time").cast("timestamp"));
        Dataset<Row> agg = calls.groupBy(col("accept_month").as("stat_month"), col("problem_id"))
                .agg(
                        count(lit(1)).as("call_cnt"),
                        min("accepted").as("first_accept_time"),
                        max("accepted").as("last_accept_time"),
                        min_by(col("street_code"), col("accepted")).as("street_code"),
                        min_by(col("category_code"), col("accepted")).as("category_code"),
                        max_by(col("is_closed"), col("accepted")).as("is_closed"))
                .filter(col("call_cnt").geq(2));
        Dataset<Row> ranked = agg.withColumn(
                        "problem_rank",
                        row_number()
                                .over(Window.partitionBy("stat_month")
                                        .orderBy(col("call_cnt").desc(), col("problem_id"))))
                .filter(col("problem_rank").leq(TOP_N));
        Dataset<Row> out = named(ranked, streets, categories)
                .select(
                        col("stat_month"),
                        col("problem_rank"),
                        col("problem_id").as("master_case_id"),
                        col("category_code"),
                        col("category_name"),
                        col("street_code"),
                        col("street_name"),
                        col("call_cnt"),
                        col("first_accept_time"),
                        col("last_accept_time"),
                        col("is_closed"),
                        lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, TOP);
    }

    /** Street and category names; an unknown code names itself. */
    private static Dataset<Row> named(Dataset<Row> rows, Dataset<Row> streets, Dataset<Row> categories) {
        return rows.join(
                        streets.select(col("street_code"), col("street_name").as("sn")),
                        new String[] {"street_code"},
                        "left")
                .join(
                        categories.select(
                                col("category_code"), col("category_name").as("cn")),
                        new String[] {"category_code"},
                        "left")
                .withColumn("street_name", coalesce(col("sn"), col("street_code")))
                .withColumn("category_name", coalesce(col("cn"), col("category_code")));
    }

    public static String summary(Result r) {
        return "problem counts " + r.problemRows() + " rows, top problems " + r.topRows() + " rows";
    }
}

package org.gridgov.batch.hotline;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.common.district.District;
import org.gridgov.common.model.Channel;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 12345 统计 by dimension and month: {@code dwd_hotline_case} (+ {@code dim_category}, {@code dim_street}) →
 * {@code dws_hotline_dim_month} (the month's measures) and {@code ads_hotline_dim_month} (the same with 环比 against the
 * previous month and 同比 against the same month a year earlier).
 *
 * <p>Dimensions: DISTRICT (the whole district), CHANNEL, CATEGORY_L1, CATEGORY, DEPARTMENT, STREET. Each case counts
 * once in every dimension, so each dimension's accepted counts add up to the district's. 承办量 counts cases that
 * reached a department (status past ACCEPTED); 满意 is a rating of 4 or 5. Comparisons are recomputed from DWD for the
 * previous month and the previous year rather than read back from DWS, so a month can be computed alone and in any
 * order.
 */
public final class HotlineStatsJob {

    public static final Table SOURCE = WarehouseSchema.DWD_HOTLINE_CASE;
    public static final Table DWS = AnalyticsTables.DWS_HOTLINE_DIM_MONTH;
    public static final Table ADS = AnalyticsTables.ADS_HOTLINE_DIM_MONTH;
    public static final List<String> DIMENSIONS =
            List.of("DISTRICT", "CHANNEL", "CATEGORY_L1", "CATEGORY", "DEPARTMENT", "STREET");

    /** Rows written to the two tables. */
    public record Result(long dwsRows, long adsRows) {}

    private final WarehouseIo io;
    private final Clock clock;

    public HotlineStatsJob(WarehouseIo io, Clock clock) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Result run(SparkSession spark, List<String> months) {
        Set<String> needed = new LinkedHashSet<>();
        for (String m : months) {
            needed.add(StatMonth.require(m));
            needed.add(StatMonth.shift(m, -1));
            needed.add(StatMonth.shift(m, -12));
        }
        Timestamp computedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Dataset<Row> cases = io.read(spark, SOURCE).filter(col("accept_month").isin(needed.toArray()));
        Dataset<Row> dws = dimMonth(
                        cases,
                        io.read(spark, WarehouseSchema.DIM_CATEGORY),
                        io.read(spark, WarehouseSchema.DIM_STREET),
                        computedAt)
                .cache();
        try {
            Dataset<Row> dwsOut =
                    dws.filter(col("stat_month").isin(months.toArray())).cache();
            Dataset<Row> ads = compare(dws, months, computedAt).cache();
            try {
                io.upsert(dwsOut, DWS);
                io.upsert(ads, ADS);
                return new Result(dwsOut.count(), ads.count());
            } finally {
                dwsOut.unpersist();
                ads.unpersist();
            }
        } finally {
            dws.unpersist();
        }
    }

    private static Dataset<Row> channelNames(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (Channel c : Channel.values()) {
            rows.add(RowFactory.create("CHANNEL", c.name(), c.label()));
        }
        rows.add(RowFactory.create("DISTRICT", District.CODE, District.NAME));
        return spark.createDataFrame(
                rows,
                new StructType()
                        .add("dim_type", DataTypes.StringType)
                        .add("dim_code", DataTypes.StringType)
                        .add("dim_name", DataTypes.StringType));
    }

    /**
     * dws_hotline_dim_month rows for every month in {@code cases} (columns of dwd_hotline_case). One pass: every case
     * is exploded into its six (dimension, code) pairs and aggregated once.
     */
    public static Dataset<Row> dimMonth(
            Dataset<Row> cases, Dataset<Row> categories, Dataset<Row> streets, Timestamp computedAt) {
        Column dims = array(
                struct(lit("DISTRICT").as("t"), lit(District.CODE).as("c")),
                struct(lit("CHANNEL").as("t"), col("channel").as("c")),
                struct(lit("CATEGORY_L1").as("t"), col("category_l1_code").as("c")),
                struct(lit("CATEGORY").as("t"), col("category_code").as("c")),
                struct(
                        lit("DEPARTMENT").as("t"),
                        coalesce(col("department"), lit("未指定")).as("c")),
                struct(lit("STREET").as("t"), col("street_code").as("c")));
        Column rated = col("satisfaction").isNotNull();
        Dataset<Row> counts = cases.select(
                        col("accept_month").as("stat_month"),
                        explode(dims).as("d"),
                        col("status"),
                        col("is_replied").cast(DataTypes.IntegerType).as("replied"),
                        col("is_closed").cast(DataTypes.IntegerType).as("closed"),
                        col("is_overdue").cast(DataTypes.IntegerType).as("overdue"),
                        col("satisfaction").cast(DataTypes.IntegerType).as("satisfaction"))
                .groupBy(
                        col("stat_month"), col("d.t").as("dim_type"), col("d.c").as("dim_code"))
                .agg(
                        count(lit(1)).as("accepted_cnt"),
                        sum(when(col("status").notEqual("ACCEPTED"), 1).otherwise(0))
                                .as("handled_cnt"),
                        sum("replied").as("replied_cnt"),
                        sum("closed").as("closed_cnt"),
                        sum("overdue").as("overdue_cnt"),
                        sum(when(rated, 1).otherwise(0)).as("rated_cnt"),
                        sum(when(col("satisfaction").geq(4), 1).otherwise(0)).as("satisfied_cnt"),
                        avg("satisfaction").as("satisfaction_avg"));

        SparkSession spark = cases.sparkSession();
        Dataset<Row> names = channelNames(spark)
                .unionByName(categories.select(
                        lit("CATEGORY").as("dim_type"),
                        col("category_code").as("dim_code"),
                        col("category_name").as("dim_name")))
                .unionByName(categories
                        .select(
                                lit("CATEGORY_L1").as("dim_type"),
                                col("parent_code").as("dim_code"),
                                col("parent_name").as("dim_name"))
                        .distinct())
                .unionByName(streets.select(
                        lit("STREET").as("dim_type"),
                        col("street_code").as("dim_code"),
                        col("street_name").as("dim_name")));
        Dataset<Row> named = counts.join(names, new String[] {"dim_type", "dim_code"}, "left");
        Dataset<Row> out = named.select(
                col("stat_month"),
                col("dim_type"),
                col("dim_code"),
                // departments are named by themselves; unknown codes keep the code as their name
                coalesce(col("dim_name"), col("dim_code")).as("dim_name"),
                col("accepted_cnt"),
                col("handled_cnt"),
                col("replied_cnt"),
                col("closed_cnt"),
                col("overdue_cnt"),
                col("rated_cnt"),
                col("satisfied_cnt"),
                SparkColumns.ratio(col("closed_cnt"), col("accepted_cnt")).as("close_rate"),
                when(col("rated_cnt").gt(0), SparkColumns.ratio(col("satisfied_cnt"), col("rated_cnt")))
                        .as("satisfaction_rate"),
                col("satisfaction_avg"),
                lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, DWS);
    }

    /**
     * ads_hotline_dim_month rows for the target months, from DWS rows that include the previous month and the same
     * month of the previous year where available. A comparison is null when its base month has no cases at all (not
     * loaded, or before the data starts); a dimension value absent from a loaded base month counts as 0 cases.
     */
    public static Dataset<Row> compare(Dataset<Row> dws, List<String> months, Timestamp computedAt) {
        Dataset<Row> withIndex = dws.withColumn("m", SparkColumns.monthIndex(col("stat_month")));
        Dataset<Row> loaded = withIndex.select("m").distinct();
        Dataset<Row> current = withIndex.filter(col("stat_month").isin(months.toArray()));

        Dataset<Row> prevMonth = base(withIndex, 1, "pm");
        Dataset<Row> prevYear = base(withIndex, 12, "py");
        Dataset<Row> pmLoaded = loaded.withColumn("m", col("m").plus(1)).withColumn("pm_loaded", lit(true));
        Dataset<Row> pyLoaded = loaded.withColumn("m", col("m").plus(12)).withColumn("py_loaded", lit(true));

        Dataset<Row> joined = current.join(prevMonth, new String[] {"m", "dim_type", "dim_code"}, "left")
                .join(prevYear, new String[] {"m", "dim_type", "dim_code"}, "left")
                .join(pmLoaded, new String[] {"m"}, "left")
                .join(pyLoaded, new String[] {"m"}, "left");
        Column pmAccepted = when(col("pm_loaded"), coalesce(col("pm_accepted"), lit(0L)));
        Column pyAccepted = when(col("py_loaded"), coalesce(col("py_accepted"), lit(0L)));
        Column pmOverdue = when(col("pm_loaded"), coalesce(col("pm_overdue"), lit(0L)));
        Column pyOverdue = when(col("py_loaded"), coalesce(col("py_overdue"), lit(0L)));
        Dataset<Row> out = joined.select(
                col("stat_month"),
                col("dim_type"),
                col("dim_code"),
                col("dim_name"),
                col("accepted_cnt"),
                col("handled_cnt"),
                col("replied_cnt"),
                col("closed_cnt"),
                col("close_rate"),
                col("overdue_cnt"),
                col("satisfaction_rate"),
                pmAccepted.as("accepted_prev_month"),
                pyAccepted.as("accepted_prev_year"),
                SparkColumns.growth(col("accepted_cnt"), pmAccepted).as("accepted_mom"),
                SparkColumns.growth(col("accepted_cnt"), pyAccepted).as("accepted_yoy"),
                col("close_rate").minus(col("pm_close_rate")).as("close_rate_mom"),
                col("close_rate").minus(col("py_close_rate")).as("close_rate_yoy"),
                SparkColumns.growth(col("overdue_cnt"), pmOverdue).as("overdue_mom"),
                SparkColumns.growth(col("overdue_cnt"), pyOverdue).as("overdue_yoy"),
                col("satisfaction_rate").minus(col("pm_satisfaction_rate")).as("satisfaction_rate_mom"),
                col("satisfaction_rate").minus(col("py_satisfaction_rate")).as("satisfaction_rate_yoy"),
                lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, ADS);
    }

    /** The measures of {@code lag} months earlier, keyed by the month they are compared with. */
    private static Dataset<Row> base(Dataset<Row> withIndex, int lag, String prefix) {
        return withIndex.select(
                col("m").plus(lag).as("m"),
                col("dim_type"),
                col("dim_code"),
                col("accepted_cnt").as(prefix + "_accepted"),
                col("overdue_cnt").as(prefix + "_overdue"),
                col("close_rate").as(prefix + "_close_rate"),
                col("satisfaction_rate").as(prefix + "_satisfaction_rate"));
    }

    public static String summary(Result r) {
        return "12345 stats " + r.dwsRows() + " dws / " + r.adsRows() + " ads rows";
    }
}

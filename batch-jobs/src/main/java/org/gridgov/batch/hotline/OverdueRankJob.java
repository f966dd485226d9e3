package org.gridgov.batch.hotline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
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
 * 超期排行 by area: {@code dwd_hotline_case} (+ {@code dim_street}, {@code dim_community}, {@code dim_grid}) →
 * {@code ads_overdue_rank_month}. For each month with cases, every street, community and grid of the dimensions gets
 * 总数/已办/未办/超期 and its rank within its level (most overdue first, then highest overdue rate, then code), so the
 * ranking also shows the areas without a single late case.
 */
public final class OverdueRankJob {

    public static final Table SOURCE = WarehouseSchema.DWD_HOTLINE_CASE;
    public static final Table TARGET = AnalyticsTables.ADS_OVERDUE_RANK_MONTH;

    private final WarehouseIo io;
    private final Clock clock;

    public OverdueRankJob(WarehouseIo io, Clock clock) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public long run(SparkSession spark, List<String> months) {
        months.forEach(StatMonth::require);
        Timestamp computedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Dataset<Row> cases = io.read(spark, SOURCE).filter(col("accept_month").isin(months.toArray()));
        Dataset<Row> out = rank(
                        cases,
                        io.read(spark, WarehouseSchema.DIM_STREET),
                        io.read(spark, WarehouseSchema.DIM_COMMUNITY),
                        io.read(spark, WarehouseSchema.DIM_GRID),
                        computedAt)
                .cache();
        try {
            io.upsert(out, TARGET);
            return out.count();
        } finally {
            out.unpersist();
        }
    }

    /** The ranking for every month present in {@code cases}. */
    public static Dataset<Row> rank(
            Dataset<Row> cases,
            Dataset<Row> streets,
            Dataset<Row> communities,
            Dataset<Row> grids,
            Timestamp computedAt) {
        Dataset<Row> areas = streets.select(
                        lit("STREET").as("area_level"),
                        col("street_code").as("area_code"),
                        col("street_name").as("area_name"),
                        lit(null).cast(DataTypes.StringType).as("parent_code"))
                .unionByName(communities.select(
                        lit("COMMUNITY").as("area_level"),
                        col("community_code").as("area_code"),
                        col("community_name").as("area_name"),
                        col("street_code").as("parent_code")))
                .unionByName(grids.select(
                        lit("GRID").as("area_level"),
                        col("grid_code").as("area_code"),
                        col("grid_name").as("area_name"),
                        col("community_code").as("parent_code")));

        Column levels = org.apache.spark.sql.functions.array(
                org.apache.spark.sql.functions.struct(
                        lit("STREET").as("l"), col("street_code").as("c")),
                org.apache.spark.sql.functions.struct(
                        lit("COMMUNITY").as("l"), col("community_code").as("c")),
                org.apache.spark.sql.functions.struct(
                        lit("GRID").as("l"), col("grid_code").as("c")));
        Dataset<Row> counts = cases.select(
                        col("accept_month").as("stat_month"),
                        org.apache.spark.sql.functions.explode(levels).as("a"),
                        col("is_closed").cast(DataTypes.IntegerType).as("closed"),
                        col("is_overdue").cast(DataTypes.IntegerType).as("overdue"))
                .groupBy(
                        col("stat_month"),
                        col("a.l").as("area_level"),
                        col("a.c").as("area_code"))
                .agg(
                        count(lit(1)).as("total_cnt"),
                        sum("closed").as("done_cnt"),
                        sum("overdue").as("overdue_cnt"));

        Dataset<Row> everyArea = counts.select("stat_month").distinct().crossJoin(areas);
        Dataset<Row> joined =
                everyArea.join(counts, new String[] {"stat_month", "area_level", "area_code"}, "full_outer");
        Column total = coalesce(col("total_cnt"), lit(0L));
        Column done = coalesce(col("done_cnt"), lit(0L));
        Column overdue = coalesce(col("overdue_cnt"), lit(0L));
        Dataset<Row> filled = joined.select(
                col("stat_month"),
                col("area_level"),
                col("area_code"),
                coalesce(col("area_name"), col("area_code")).as("area_name"),
                col("parent_code"),
                total.as("total_cnt"),
                done.as("done_cnt"),
                total.minus(done).as("open_cnt"),
                overdue.as("overdue_cnt"),
                SparkColumns.ratio(overdue, total)
                        .cast(DataTypes.createDecimalType(6, 4))
                        .as("overdue_rate"));
        Dataset<Row> ranked = filled.withColumn(
                        "overdue_rank",
                        row_number()
                                .over(Window.partitionBy("stat_month", "area_level")
                                        .orderBy(
                                                col("overdue_cnt").desc(),
                                                col("overdue_rate").desc(),
                                                col("area_code").asc())))
                .withColumn("updated_at", lit(computedAt));
        return SparkSchemas.conform(ranked, TARGET);
    }

    public static String summary(long rows) {
        return "overdue ranking " + rows + " rows";
    }
}

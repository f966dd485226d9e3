package org.gridgov.batch.cases;

import static org.apache.spark.sql.functions.array;
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
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.batch.warehouse.Writes;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 接诉即办 考核 (issue 19 part 4, warehouse half): {@code dwd_case} → {@code ads_case_response_month}: 响应率 (first
 * response by the response deadline), 解决率 (closed by the deadline) and 满意率 (满意 or 基本满意 among 回访) per report
 * month and department, and per month and street. Merged duplicates are left out: their master is the case that is
 * timed and visited. Each rate's denominator is the cases it can judge (dwd_case's on-time flags are NULL while
 * undecided), so an open case not yet due neither helps nor hurts; a rate with nothing to judge is NULL.
 */
public final class ResponseRateJob {

    public static final Table SOURCE = CaseTables.DWD_CASE;
    public static final Table TARGET = CaseTables.ADS_CASE_RESPONSE_MONTH;
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String STREET = "STREET";
    /** 满意 and 基本满意, the case service's satisfaction codes that count as satisfied. */
    public static final List<String> SATISFIED = List.of("SATISFIED", "BASICALLY_SATISFIED");

    private final WarehouseIo io;
    private final Clock clock;

    public ResponseRateJob(WarehouseIo io, Clock clock) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public long run(SparkSession spark, List<String> months) {
        months.forEach(StatMonth::require);
        Timestamp computedAt = Writes.computedAt(clock);
        Dataset<Row> cases = io.read(spark, SOURCE).filter(col("report_month").isin(months.toArray()));
        Dataset<Row> out = rates(cases, io.read(spark, WarehouseSchema.DIM_STREET), computedAt);
        return Writes.upsert(out, TARGET, io);
    }

    /** The rates for every month, department and street present in {@code cases}. */
    public static Dataset<Row> rates(Dataset<Row> cases, Dataset<Row> streets, Timestamp computedAt) {
        Column responded = col("responded_on_time").cast(DataTypes.IntegerType);
        Column resolved = col("resolved_on_time").cast(DataTypes.IntegerType);
        Column dims = array(
                struct(
                        lit(DEPARTMENT).as("t"),
                        coalesce(col("department_code"), lit(DepartmentPerformanceJob.SELF))
                                .as("c")),
                struct(
                        lit(STREET).as("t"),
                        coalesce(col("street_code"), lit(DepartmentPerformanceJob.NO_CATEGORY))
                                .as("c")));
        Dataset<Row> agg = cases.filter(
                        col("is_merged").cast(DataTypes.IntegerType).equalTo(0))
                .select(
                        col("report_month").as("stat_month"),
                        explode(dims).as("d"),
                        when(responded.isNotNull(), 1).otherwise(0).as("response_due"),
                        when(responded.equalTo(1), 1).otherwise(0).as("responded_on_time"),
                        when(resolved.isNotNull(), 1).otherwise(0).as("resolve_due"),
                        when(resolved.equalTo(1), 1).otherwise(0).as("resolved_on_time"),
                        when(col("satisfaction").isNotNull(), 1).otherwise(0).as("visited"),
                        when(col("satisfaction").isin(SATISFIED.toArray()), 1)
                                .otherwise(0)
                                .as("satisfied"))
                .groupBy(
                        col("stat_month"), col("d.t").as("dim_type"), col("d.c").as("dim_code"))
                .agg(
                        count(lit(1)).as("case_cnt"),
                        sum("response_due").as("response_due_cnt"),
                        sum("responded_on_time").as("responded_on_time_cnt"),
                        sum("resolve_due").as("resolve_due_cnt"),
                        sum("resolved_on_time").as("resolved_on_time_cnt"),
                        sum("visited").as("visited_cnt"),
                        sum("satisfied").as("satisfied_cnt"));
        Dataset<Row> names = streets.select(
                lit(STREET).as("dim_type"),
                col("street_code").as("dim_code"),
                col("street_name").as("n"));
        Dataset<Row> out = agg.join(names, new String[] {"dim_type", "dim_code"}, "left")
                .select(
                        col("stat_month"),
                        col("dim_type"),
                        col("dim_code"),
                        // departments are named by their codes, as in ads_case_department_month
                        coalesce(col("n"), col("dim_code")).as("dim_name"),
                        col("case_cnt"),
                        col("response_due_cnt"),
                        col("responded_on_time_cnt"),
                        rate(col("responded_on_time_cnt"), col("response_due_cnt"))
                                .as("response_rate"),
                        col("resolve_due_cnt"),
                        col("resolved_on_time_cnt"),
                        rate(col("resolved_on_time_cnt"), col("resolve_due_cnt"))
                                .as("resolve_rate"),
                        col("visited_cnt"),
                        col("satisfied_cnt"),
                        rate(col("satisfied_cnt"), col("visited_cnt")).as("satisfaction_rate"),
                        lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, TARGET);
    }

    private static Column rate(Column n, Column d) {
        return when(d.gt(0), SparkColumns.ratio(n, d)).cast(DataTypes.createDecimalType(6, 4));
    }

    public static String summary(long rows) {
        return "response rates " + rows + " rows";
    }
}

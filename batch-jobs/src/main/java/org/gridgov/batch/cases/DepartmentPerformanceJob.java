package org.gridgov.batch.cases;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
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

/**
 * 部门绩效 from the case service's real handling: {@code dwd_case} → {@code ads_case_department_month}, per report
 * month, department and category: handling-time p50/p90 (the department's step, closed cases), on-time rate, 驳回 rate
 * and 督办 count. Percentiles are exact ({@code percentile}, linear interpolation), so a re-run over the same cases
 * writes the same figures; the upsert is keyed by month, department and category.
 */
public final class DepartmentPerformanceJob {

    public static final Table SOURCE = CaseTables.DWD_CASE;
    public static final Table TARGET = CaseTables.ADS_CASE_DEPARTMENT_MONTH;
    /** The department key of cases no department handled (自行处理). */
    public static final String SELF = "SELF";
    /** The category key of cases reported without one. */
    public static final String NO_CATEGORY = "NONE";

    private final WarehouseIo io;
    private final Clock clock;

    public DepartmentPerformanceJob(WarehouseIo io, Clock clock) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public long run(SparkSession spark, List<String> months) {
        months.forEach(StatMonth::require);
        Timestamp computedAt = Writes.computedAt(clock);
        Dataset<Row> cases = io.read(spark, SOURCE).filter(col("report_month").isin(months.toArray()));
        return Writes.upsert(performance(cases, computedAt), TARGET, io);
    }

    /** The figures for every month, department and category present in {@code cases}. */
    public static Dataset<Row> performance(Dataset<Row> cases, Timestamp computedAt) {
        Column closed = col("is_closed").cast(DataTypes.IntegerType).equalTo(1);
        Dataset<Row> c = cases.select(
                col("report_month").as("stat_month"),
                coalesce(col("department_code"), lit(SELF)).as("department_code"),
                coalesce(col("category_code"), lit(NO_CATEGORY)).as("category_code"),
                when(closed, 1).otherwise(0).as("closed"),
                when(closed.and(col("is_overdue").cast(DataTypes.IntegerType).equalTo(0)), 1)
                        .otherwise(0)
                        .as("on_time"),
                when(col("rejected_cnt").gt(0), 1).otherwise(0).as("rejected"),
                col("supervised_cnt").cast(DataTypes.LongType).as("supervised"),
                // a closed case the department never held (自行处理) has no handling time: NULL, not 0
                when(closed, col("handle_minutes")).cast(DataTypes.DoubleType).as("handle"));
        Dataset<Row> agg = c.groupBy("stat_month", "department_code", "category_code")
                .agg(
                        count(lit(1)).as("case_cnt"),
                        sum("closed").as("closed_cnt"),
                        sum("on_time").as("on_time_cnt"),
                        sum("rejected").as("rejected_cases"),
                        sum("supervised").as("supervised_cnt"),
                        expr("percentile(handle, 0.5)").as("handle_p50_minutes"),
                        expr("percentile(handle, 0.9)").as("handle_p90_minutes"));
        Dataset<Row> out = agg.select(
                col("stat_month"),
                col("department_code"),
                col("category_code"),
                col("case_cnt"),
                col("closed_cnt"),
                col("handle_p50_minutes")
                        .cast(DataTypes.createDecimalType(12, 1))
                        .as("handle_p50_minutes"),
                col("handle_p90_minutes")
                        .cast(DataTypes.createDecimalType(12, 1))
                        .as("handle_p90_minutes"),
                when(col("closed_cnt").gt(0), SparkColumns.ratio(col("on_time_cnt"), col("closed_cnt")))
                        .cast(DataTypes.createDecimalType(6, 4))
                        .as("on_time_rate"),
                SparkColumns.ratio(col("rejected_cases"), col("case_cnt"))
                        .cast(DataTypes.createDecimalType(6, 4))
                        .as("rejected_rate"),
                col("supervised_cnt"),
                lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, TARGET);
    }

    public static String summary(long rows) {
        return "department performance " + rows + " rows";
    }
}

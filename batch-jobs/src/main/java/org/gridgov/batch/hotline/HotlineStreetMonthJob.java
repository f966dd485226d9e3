package org.gridgov.batch.hotline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.batch.spark.BatchSession;
import org.gridgov.batch.warehouse.JdbcWarehouseIo;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 12345 受理量/回复数/办结数/超期数/办结率 by street and month: {@code dwd_hotline_case} + {@code dim_street} →
 * {@code ads_hotline_street_month}. Source and sink are a {@link WarehouseIo}; the logic is {@link #streetMonth}.
 */
public final class HotlineStreetMonthJob {

    public static final String APP_NAME = "gridgov-hotline-street-month";
    public static final Table SOURCE = WarehouseSchema.DWD_HOTLINE_CASE;
    public static final Table STREETS = WarehouseSchema.DIM_STREET;
    public static final Table TARGET = WarehouseSchema.ADS_HOTLINE_STREET_MONTH;

    private final WarehouseIo io;
    private final Clock clock;

    public HotlineStreetMonthJob(WarehouseIo io, Clock clock) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads, computes and upserts one month (or every month when {@code month} is null); returns the number of ADS
     * rows written. Rows of other months already in the table are left alone.
     */
    public long run(SparkSession spark, String month) {
        Dataset<Row> cases = io.read(spark, SOURCE);
        Dataset<Row> streets = io.read(spark, STREETS);
        // DATETIME has whole seconds; truncating here keeps what we computed equal to what the warehouse stores.
        Timestamp computedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        // Cached: the result is counted after it is written, which must not recompute it from the warehouse.
        Dataset<Row> stats = streetMonth(cases, streets, month, computedAt).cache();
        try {
            io.upsert(stats, TARGET);
            return stats.count();
        } finally {
            stats.unpersist();
        }
    }

    /**
     * The statistic itself. {@code cases} needs accept_month, street_code, is_replied, is_closed, is_overdue;
     * {@code streets} needs street_code, street_name. With a month, only that month's cases are used (the filter
     * comes first so a JDBC source gets it as a WHERE clause); with null, every month present in the cases.
     *
     * <p>Every street of {@code streets} gets a row for every month that has at least one case, with zeros when it
     * had none: the dashboard draws every street every month. A month without any case yields no rows, because an
     * empty month usually means the DWD load has not run yet, not that the district was silent. Cases whose street
     * is missing from the dimension are still counted, under their code as name, so ADS totals equal DWD totals.
     *
     * <p>Spark scans {@code cases} twice, once for the months present and once for the counts (column pruning makes
     * the two plans differ, so the scan is not reused); with a month both scans carry its filter and read only the
     * columns above, which for one month of a district is cheap. Full rebuilds (no month) read the columns twice.
     *
     * @return exactly the columns of ads_hotline_street_month, in catalogue order and types, sorted by month and
     *     street code
     */
    public static Dataset<Row> streetMonth(
            Dataset<Row> cases, Dataset<Row> streets, String month, Timestamp computedAt) {
        Objects.requireNonNull(computedAt, "computedAt");
        Dataset<Row> inScope =
                month == null ? cases : cases.filter(col("accept_month").equalTo(lit(StatMonth.require(month))));

        Dataset<Row> counts = inScope.groupBy(col("accept_month").as("stat_month"), col("street_code"))
                .agg(
                        count(lit(1)).as("accepted"),
                        // flags are TINYINT 0/1; the cast also accepts drivers that map TINYINT(1) to boolean
                        sum(col("is_replied").cast(DataTypes.IntegerType)).as("replied"),
                        sum(col("is_closed").cast(DataTypes.IntegerType)).as("closed"),
                        sum(col("is_overdue").cast(DataTypes.IntegerType)).as("overdue"));

        Dataset<Row> everyStreetEveryMonth =
                counts.select("stat_month").distinct().crossJoin(streets.select("street_code", "street_name"));

        Dataset<Row> joined =
                everyStreetEveryMonth.join(counts, new String[] {"stat_month", "street_code"}, "full_outer");

        Column accepted = coalesce(col("accepted"), lit(0L));
        Column closed = coalesce(col("closed"), lit(0L));
        // Exact decimal division, then the cast to DECIMAL(6,4) rounds half up: 2/3 -> 0.6667.
        DataType exact = DataTypes.createDecimalType(20, 0);
        Column closeRate = when(accepted.gt(0), closed.cast(exact).divide(accepted.cast(exact)))
                .otherwise(lit(0));

        Dataset<Row> stats = joined.select(
                col("stat_month"),
                col("street_code"),
                coalesce(col("street_name"), col("street_code")).as("street_name"),
                accepted.as("accepted_cnt"),
                coalesce(col("replied"), lit(0L)).as("replied_cnt"),
                closed.as("closed_cnt"),
                coalesce(col("overdue"), lit(0L)).as("overdue_cnt"),
                closeRate.as("close_rate"),
                lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(stats, TARGET).orderBy("stat_month", "street_code");
    }

    /** The one line the launcher shows, e.g. {@code ads_hotline_street_month: 16 rows for 2024-01}. */
    public static String summary(long rows, String month) {
        return TARGET.name() + ": " + rows + " rows for " + StatMonth.describe(month);
    }

    /**
     * Production entry point: {@code --key=value} gridgov options ({@link BatchJob#HOTLINE_STREET_MONTH}'s:
     * warehouse.jdbc-url, warehouse.user, warehouse.dialect, spark.master, batch.month), password from
     * GRIDGOV_WAREHOUSE_PASSWORD. Prints {@link #summary} to stdout on success; any failure propagates, so the JVM
     * exits non-zero.
     */
    public static void main(String[] args) {
        GridgovConfig config = GridgovConfig.fromArgs(args, BatchJob.HOTLINE_STREET_MONTH.options());
        String month = StatMonth.parseOptional(config.get(GridgovOptions.STAT_MONTH));
        WarehouseIo io = JdbcWarehouseIo.fromConfig(config);
        SparkSession spark = BatchSession.getOrCreate(config, APP_NAME);
        try {
            long rows = new HotlineStreetMonthJob(io, Clock.systemUTC()).run(spark, month);
            System.out.println(summary(rows, month));
        } finally {
            spark.stop();
        }
    }
}

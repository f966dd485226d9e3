package org.gridgov.batch.petition;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 信访趋势 by street: {@code ods_petition} (+ {@code dim_street}) → {@code ads_petition_street_month}. Petitions carry
 * coordinates only, so the street comes from the district's grid polygons. Every street gets a row for every month
 * with petitions (zeros where it had none), with the previous month's count and the month-on-month growth.
 */
public final class PetitionTrendJob {

    public static final Table TARGET = AnalyticsTables.ADS_PETITION_STREET_MONTH;

    private final WarehouseIo io;
    private final Clock clock;
    private final int groupWindowHours;
    private final int groupMinPersons;

    public PetitionTrendJob(WarehouseIo io, Clock clock, int groupWindowHours, int groupMinPersons) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.groupWindowHours = groupWindowHours;
        this.groupMinPersons = groupMinPersons;
    }

    /** Computes and upserts the months; returns the rows written. */
    public long run(SparkSession spark, List<String> months) {
        List<String> wanted = new ArrayList<>();
        for (String m : months) {
            wanted.add(StatMonth.require(m));
            wanted.add(StatMonth.shift(m, -1));
        }
        String from = wanted.stream().min(String::compareTo).orElseThrow();
        String to = wanted.stream().max(String::compareTo).orElseThrow();
        Dataset<Row> petitions = io.read(spark, WarehouseSchema.ODS_PETITION)
                .filter(col("petition_date")
                        .geq(lit(java.sql.Date.valueOf(StatMonth.start(from).toLocalDate())))
                        .and(col("petition_date")
                                .lt(lit(java.sql.Date.valueOf(StatMonth.end(to).toLocalDate())))));
        Timestamp computedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Dataset<Row> out = streetMonth(
                        GroupPetitions.flag(petitions, groupWindowHours, groupMinPersons),
                        io.read(spark, WarehouseSchema.DIM_STREET),
                        months,
                        computedAt)
                .cache();
        try {
            io.upsert(out, TARGET);
            return out.count();
        } finally {
            out.unpersist();
        }
    }

    /**
     * The statistic. {@code petitions} needs petition_time, person_key, form, latitude, longitude and in_group
     * ({@link GroupPetitions#flag}); only target months that have petitions produce rows.
     */
    public static Dataset<Row> streetMonth(
            Dataset<Row> petitions, Dataset<Row> streets, List<String> months, Timestamp computedAt) {
        Dataset<Row> located = petitions
                .withColumn("stat_month", date_format(col("petition_time"), "yyyy-MM"))
                .withColumn(
                        "street_code",
                        coalesce(SparkColumns.STREET_OF.apply(col("latitude"), col("longitude")), lit("")));
        Dataset<Row> perPerson = located.groupBy("stat_month", "street_code", "person_key")
                .agg(count(lit(1)).as("n"));
        Dataset<Row> repeaters = perPerson
                .groupBy("stat_month", "street_code")
                .agg(sum(when(col("n").geq(2), 1).otherwise(0)).as("repeat_person_cnt"));
        Dataset<Row> counts = located.groupBy("stat_month", "street_code")
                .agg(
                        count(lit(1)).as("petition_cnt"),
                        countDistinct("person_key").as("person_cnt"),
                        sum(when(col("in_group"), 1).otherwise(0)).as("group_petition_cnt"),
                        sum(when(col("form").equalTo("VISIT"), 1).otherwise(0)).as("visit_cnt"))
                .join(repeaters, new String[] {"stat_month", "street_code"});

        Dataset<Row> monthsWithData =
                counts.select("stat_month").distinct().filter(col("stat_month").isin(months.toArray()));
        Dataset<Row> grid = monthsWithData.crossJoin(streets.select("street_code", "street_name"));
        Dataset<Row> current = grid.join(counts, new String[] {"stat_month", "street_code"}, "full_outer")
                .filter(col("stat_month").isin(months.toArray()));
        Dataset<Row> previous = counts.select(
                date_format(
                                org.apache.spark.sql.functions.add_months(
                                        org.apache.spark.sql.functions.to_date(col("stat_month"), "yyyy-MM"), 1),
                                "yyyy-MM")
                        .as("stat_month"),
                col("street_code"),
                col("petition_cnt").as("prev_cnt"));
        // months whose previous month has petitions anywhere: there, a street without any has 0, not "unknown"
        Dataset<Row> prevMonths = previous.select("stat_month").distinct().withColumn("prev_known", lit(true));
        Dataset<Row> joined = current.join(previous, new String[] {"stat_month", "street_code"}, "left")
                .join(prevMonths, new String[] {"stat_month"}, "left");
        org.apache.spark.sql.Column prev = when(col("prev_known"), coalesce(col("prev_cnt"), lit(0L)));
        org.apache.spark.sql.Column cnt = coalesce(col("petition_cnt"), lit(0L));
        Dataset<Row> out = joined.select(
                col("stat_month"),
                col("street_code"),
                coalesce(col("street_name"), col("street_code")).as("street_name"),
                cnt.as("petition_cnt"),
                coalesce(col("person_cnt"), lit(0L)).as("person_cnt"),
                coalesce(col("repeat_person_cnt"), lit(0L)).as("repeat_person_cnt"),
                coalesce(col("group_petition_cnt"), lit(0L)).as("group_petition_cnt"),
                coalesce(col("visit_cnt"), lit(0L)).as("visit_cnt"),
                prev.as("prev_month_cnt"),
                SparkColumns.growth(cnt, prev).as("petition_mom"),
                lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, TARGET);
    }
}

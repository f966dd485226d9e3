package org.gridgov.batch.arrears;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.gridgov.batch.StatMonth;
import org.gridgov.batch.petition.GroupPetitions;
import org.gridgov.batch.spark.SparkColumns;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.warehouse.AnalyticsTables;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * 清欠 key cases: {@code ods_arrears_case} + {@code ods_petition} (+ {@code dim_street}) → {@code ads_arrears_key_case},
 * {@code ads_arrears_street_month}, {@code ads_arrears_company_month}.
 *
 * <p>A month's view is "as of" its end ({@link StatMonth#end}) and covers the cases active in it: reported in the
 * month, or reported earlier and not resolved by its start. A case is a key case when it involves at least
 * {@code minWorkers} workers, or at least {@code minAmountYuan} yuan, or is still unresolved at the month's end more
 * than {@code staleDays} after it was reported, or is the subject of repeat petitions: its complainant petitioned about its
 * company at least {@code repeatPetitions} times in the {@code petitionWindowDays} before the month's end, or a group
 * petition (集访) named its company within {@code groupLinkDays} calendar days of the case's report. The time link
 * matters: a builder with a hundred cases and one 集访 does not make all hundred key cases. The arrears ledger has no
 * street, so cases are located from their coordinates.
 */
public final class ArrearsKeyCaseJob {

    public static final Table SOURCE = WarehouseSchema.ODS_ARREARS_CASE;
    public static final Table KEY_CASES = AnalyticsTables.ADS_ARREARS_KEY_CASE;
    public static final Table BY_STREET = AnalyticsTables.ADS_ARREARS_STREET_MONTH;
    public static final Table BY_COMPANY = AnalyticsTables.ADS_ARREARS_COMPANY_MONTH;
    static final String RESOLVED = "RESOLVED";

    /** Rows written: key cases, street rows and company rows, over every month computed. */
    public record Result(long keyCases, long activeCases, long streetRows, long companyRows) {}

    private final WarehouseIo io;
    private final Clock clock;
    private final ArrearsRules rules;
    private final int groupWindowHours;
    private final int groupMinPersons;

    public ArrearsKeyCaseJob(
            WarehouseIo io, Clock clock, ArrearsRules rules, int groupWindowHours, int groupMinPersons) {
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.groupWindowHours = groupWindowHours;
        this.groupMinPersons = groupMinPersons;
    }

    public Result run(SparkSession spark, List<String> months) {
        Timestamp computedAt = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        Dataset<Row> streets = io.read(spark, WarehouseSchema.DIM_STREET);
        long keyCases = 0;
        long active = 0;
        long streetRows = 0;
        long companyRows = 0;
        for (String month : months) {
            LocalDateTime asOf = StatMonth.end(month);
            Dataset<Row> cases = io.read(spark, SOURCE)
                    .filter(col("report_date").lt(lit(java.sql.Date.valueOf(asOf.toLocalDate()))));
            Dataset<Row> petitions =
                    petitionsBefore(io.read(spark, WarehouseSchema.ODS_PETITION), asOf, rules.petitionWindowDays() + 1);
            Dataset<Row> flagged =
                    flag(cases, GroupPetitions.flag(petitions, groupWindowHours, groupMinPersons), asOf, rules);
            Dataset<Row> activeCases = active(flagged, month).cache();
            try {
                Dataset<Row> key =
                        keyCases(activeCases, streets, month, computedAt).cache();
                Dataset<Row> byStreet =
                        byStreet(activeCases, streets, month, computedAt).cache();
                Dataset<Row> byCompany =
                        byCompany(activeCases, month, computedAt).cache();
                try {
                    io.upsert(key, KEY_CASES);
                    io.upsert(byStreet, BY_STREET);
                    io.upsert(byCompany, BY_COMPANY);
                    keyCases += key.count();
                    active += activeCases.count();
                    streetRows += byStreet.count();
                    companyRows += byCompany.count();
                } finally {
                    key.unpersist();
                    byStreet.unpersist();
                    byCompany.unpersist();
                }
            } finally {
                activeCases.unpersist();
            }
        }
        return new Result(keyCases, active, streetRows, companyRows);
    }

    /** Petitions of the {@code days} before {@code asOf}, with the partition column filter pushed to the store. */
    static Dataset<Row> petitionsBefore(Dataset<Row> petitions, LocalDateTime asOf, int days) {
        return petitions
                .filter(col("petition_date")
                        .geq(lit(java.sql.Date.valueOf(asOf.toLocalDate().minusDays(days))))
                        .and(col("petition_date").lt(lit(java.sql.Date.valueOf(asOf.toLocalDate())))))
                .select("petition_id", "person_key", "company_name", "group_size", "petition_time");
    }

    /**
     * Every case reported before {@code asOf}, with its state at {@code asOf} and the key-case flags: resolved_at_end,
     * status_at_end, days_unresolved, is_many_workers, is_large_amount, is_long_unresolved, complainant_petitions,
     * company_petition_cnt, company_group_petitions, is_repeat_petition, is_key, reasons, street_code.
     * {@code petitions} must carry in_group ({@link GroupPetitions#flag}); petitions within
     * {@code petitionWindowDays} before {@code asOf} count for the complainant and the company's petition count, group
     * petitions within {@code groupLinkDays} calendar days of a case's report day (and before {@code asOf}) for the
     * case.
     */
    public static Dataset<Row> flag(
            Dataset<Row> cases, Dataset<Row> petitions, LocalDateTime asOf, ArrearsRules rules) {
        LocalDateTime windowStart = asOf.minusDays(rules.petitionWindowDays());
        Dataset<Row> inWindow = petitions.filter(SparkColumns.atOrAfter(col("petition_time"), windowStart)
                .and(SparkColumns.before(col("petition_time"), asOf)));
        // the complainant's petitions about this company: repeat petitions about the same case, not about anything
        Dataset<Row> byPerson = inWindow.filter(col("company_name").isNotNull())
                .groupBy(col("person_key").as("complainant_key"), col("company_name"))
                .agg(count(lit(1)).as("complainant_petitions"));
        Dataset<Row> byCompany = inWindow.filter(col("company_name").isNotNull())
                .groupBy("company_name")
                .agg(count(lit(1)).as("company_petition_cnt"));
        // group petitions about the case's company around the day it was reported (and before asOf): counted per
        // company and day, then summed for every day whose ±groupLinkDays window holds some (companies × days rows,
        // broadcast), so each case looks up the sum of its company and report day: no per-case explosion of days and
        // no shuffle of the cases (the same sum as adding up the days around the case; case_id is the table's key)
        Dataset<Row> groupsPerDay = petitions
                .filter(col("in_group")
                        .and(col("company_name").isNotNull())
                        .and(SparkColumns.before(col("petition_time"), asOf)))
                .groupBy(
                        col("company_name").as("g_company"),
                        to_date(col("petition_time")).as("g_day"))
                .agg(count(lit(1)).as("g_cnt"));
        Column around =
                sequence(date_sub(col("g_day"), rules.groupLinkDays()), date_add(col("g_day"), rules.groupLinkDays()));
        Dataset<Row> groupsAroundDay = groupsPerDay
                .select(col("g_company"), explode(around).as("c_day"), col("g_cnt"))
                .groupBy("g_company", "c_day")
                .agg(sum("g_cnt").as("company_group_petitions"));

        Column resolvedAtEnd = col("status")
                .equalTo(RESOLVED)
                .and(col("resolved_time").isNull().or(SparkColumns.before(col("resolved_time"), asOf)));
        Column statusAtEnd = when(col("resolved_at_end"), lit(RESOLVED))
                .when(col("status").equalTo(RESOLVED), lit("IN_PROGRESS"))
                .otherwise(col("status"));
        Column ageSeconds = lit(SparkColumns.epochSecond(asOf)).minus(SparkColumns.seconds(col("report_time")));
        Column staleSeconds = lit(rules.staleDays() * 86_400L);

        Dataset<Row> out = cases.filter(SparkColumns.before(col("report_time"), asOf))
                .join(byPerson, new String[] {"complainant_key", "company_name"}, "left")
                .join(broadcast(byCompany), new String[] {"company_name"}, "left")
                .join(
                        broadcast(groupsAroundDay),
                        col("company_name")
                                .equalTo(col("g_company"))
                                .and(to_date(col("report_time")).equalTo(col("c_day"))),
                        "left")
                .drop("g_company", "c_day")
                .withColumn("resolved_at_end", resolvedAtEnd)
                .withColumn("status_at_end", statusAtEnd)
                .withColumn(
                        "days_unresolved",
                        when(col("resolved_at_end"), lit(null))
                                .otherwise(floor(ageSeconds.divide(86_400)).cast(DataTypes.IntegerType)))
                .withColumn("complainant_petitions", coalesce(col("complainant_petitions"), lit(0L)))
                .withColumn("company_petition_cnt", coalesce(col("company_petition_cnt"), lit(0L)))
                .withColumn("company_group_petitions", coalesce(col("company_group_petitions"), lit(0L)))
                .withColumn("is_many_workers", col("worker_count").geq(rules.minWorkers()))
                .withColumn("is_large_amount", col("amount_yuan").geq(lit(rules.minAmount())))
                .withColumn(
                        "is_long_unresolved",
                        col("resolved_at_end").unary_$bang().and(ageSeconds.gt(staleSeconds)))
                .withColumn(
                        "is_repeat_petition",
                        col("complainant_petitions")
                                .geq(rules.repeatPetitions())
                                .or(col("company_group_petitions").geq(1)))
                .withColumn(
                        "is_key",
                        col("is_many_workers")
                                .or(col("is_large_amount"))
                                .or(col("is_long_unresolved"))
                                .or(col("is_repeat_petition")))
                .withColumn(
                        "reasons",
                        concat_ws(
                                "；",
                                when(col("is_many_workers"), lit("涉及人数多(≥" + rules.minWorkers() + "人)")),
                                when(col("is_large_amount"), lit("涉及金额大(≥" + rules.minAmountYuan() + "元)")),
                                when(col("is_long_unresolved"), lit("久拖未决(>" + rules.staleDays() + "天)")),
                                when(col("is_repeat_petition"), lit("重复/集体信访"))))
                .withColumn("street_code", SparkColumns.STREET_OF.apply(col("latitude"), col("longitude")));
        return out;
    }

    /** Cases of {@link #flag} active in the month: reported in it, or earlier and not resolved by its start. */
    public static Dataset<Row> active(Dataset<Row> flagged, String month) {
        LocalDateTime start = StatMonth.start(month);
        Column resolvedBeforeStart = col("status")
                .equalTo(RESOLVED)
                .and(col("resolved_time").isNull().or(SparkColumns.before(col("resolved_time"), start)));
        Column isNew = SparkColumns.atOrAfter(col("report_time"), start);
        return flagged.filter(isNew.or(resolvedBeforeStart.unary_$bang()))
                .withColumn("is_new", isNew)
                .withColumn(
                        "resolved_in_month",
                        col("resolved_at_end").and(SparkColumns.atOrAfter(col("resolved_time"), start)));
    }

    private static Column flag01(String column) {
        return when(col(column), 1).otherwise(0);
    }

    /** ads_arrears_key_case rows of the month's active key cases. */
    public static Dataset<Row> keyCases(Dataset<Row> active, Dataset<Row> streets, String month, Timestamp computedAt) {
        Dataset<Row> key = active.filter(col("is_key"))
                .join(streets.select("street_code", "street_name"), new String[] {"street_code"}, "left");
        Dataset<Row> out = key.select(
                lit(month).as("stat_month"),
                col("case_id"),
                col("report_date"),
                col("company_name"),
                col("project_name"),
                coalesce(col("street_code"), lit("")).as("street_code"),
                coalesce(col("street_name"), col("street_code"), lit("未定位")).as("street_name"),
                col("worker_count"),
                col("amount_yuan"),
                col("status_at_end").as("status"),
                col("days_unresolved"),
                flag01("is_many_workers").as("is_many_workers"),
                flag01("is_large_amount").as("is_large_amount"),
                flag01("is_long_unresolved").as("is_long_unresolved"),
                flag01("is_repeat_petition").as("is_repeat_petition"),
                col("company_petition_cnt"),
                col("reasons"),
                lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, KEY_CASES);
    }

    /** ads_arrears_street_month: every street of the dimension, zeros where it had no active case. */
    public static Dataset<Row> byStreet(Dataset<Row> active, Dataset<Row> streets, String month, Timestamp computedAt) {
        Column zero = lit(BigDecimal.ZERO);
        Dataset<Row> counts = active.groupBy("street_code")
                .agg(
                        count(lit(1)).as("case_cnt"),
                        sum(flag01("is_new")).as("new_case_cnt"),
                        sum(flag01("resolved_in_month")).as("resolved_cnt"),
                        sum(when(col("resolved_at_end"), 0).otherwise(1)).as("unresolved_cnt"),
                        sum(flag01("is_key")).as("key_case_cnt"),
                        sum("worker_count").as("worker_cnt"),
                        sum("amount_yuan").as("amount_yuan"),
                        sum(when(col("is_key"), col("amount_yuan")).otherwise(zero))
                                .as("key_amount_yuan"));
        Dataset<Row> all =
                streets.select("street_code", "street_name").join(counts, new String[] {"street_code"}, "full_outer");
        Dataset<Row> out = all.select(
                lit(month).as("stat_month"),
                coalesce(col("street_code"), lit("")).as("street_code"),
                coalesce(col("street_name"), col("street_code"), lit("未定位")).as("street_name"),
                coalesce(col("case_cnt"), lit(0L)).as("case_cnt"),
                coalesce(col("new_case_cnt"), lit(0L)).as("new_case_cnt"),
                coalesce(col("resolved_cnt"), lit(0L)).as("resolved_cnt"),
                coalesce(col("unresolved_cnt"), lit(0L)).as("unresolved_cnt"),
                coalesce(col("key_case_cnt"), lit(0L)).as("key_case_cnt"),
                coalesce(col("worker_cnt"), lit(0L)).as("worker_cnt"),
                coalesce(col("amount_yuan"), zero).as("amount_yuan"),
                coalesce(col("key_amount_yuan"), zero).as("key_amount_yuan"),
                lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, BY_STREET);
    }

    /** ads_arrears_company_month: companies with an active case in the month. */
    public static Dataset<Row> byCompany(Dataset<Row> active, String month, Timestamp computedAt) {
        Dataset<Row> out = active.groupBy("company_name")
                .agg(
                        count(lit(1)).as("case_cnt"),
                        sum(flag01("is_new")).as("new_case_cnt"),
                        sum(when(col("resolved_at_end"), 0).otherwise(1)).as("unresolved_cnt"),
                        sum(flag01("is_key")).as("key_case_cnt"),
                        sum("worker_count").as("worker_cnt"),
                        sum("amount_yuan").as("amount_yuan"),
                        org.apache
                                .spark
                                .sql
                                .functions
                                .max("company_petition_cnt")
                                .as("petition_cnt"))
                .select(
                        lit(month).as("stat_month"),
                        col("company_name"),
                        col("case_cnt"),
                        col("new_case_cnt"),
                        col("unresolved_cnt"),
                        col("key_case_cnt"),
                        col("worker_cnt"),
                        col("amount_yuan"),
                        col("petition_cnt"),
                        lit(computedAt).as("updated_at"));
        return SparkSchemas.conform(out, BY_COMPANY);
    }

    public static String summary(Result r) {
        return "arrears key cases " + r.keyCases() + " of " + r.activeCases() + " active";
    }
}

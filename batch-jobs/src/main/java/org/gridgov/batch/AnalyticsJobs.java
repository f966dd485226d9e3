package org.gridgov.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.api.AnalyticsJob;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.batch.arrears.ArrearsKeyCaseJob;
import org.gridgov.batch.arrears.ArrearsRules;
import org.gridgov.batch.assessment.AssessmentJob;
import org.gridgov.batch.cases.DepartmentPerformanceJob;
import org.gridgov.batch.cases.ResponseRateJob;
import org.gridgov.batch.hotline.HotlineStatsJob;
import org.gridgov.batch.hotline.OverdueRankJob;
import org.gridgov.batch.hotline.ProblemCountJob;
import org.gridgov.batch.hotwords.HotWordSettings;
import org.gridgov.batch.hotwords.HotWordsJob;
import org.gridgov.batch.petition.PetitionTrendJob;
import org.gridgov.batch.risk.LevelCalibration;
import org.gridgov.batch.risk.RiskModel;
import org.gridgov.batch.risk.RiskScoreJob;
import org.gridgov.batch.spark.BatchSession;
import org.gridgov.batch.warehouse.JdbcWarehouseIo;
import org.gridgov.batch.warehouse.WarehouseIo;
import org.gridgov.common.config.GridgovConfig;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.GridWorkTables;
import org.gridgov.warehouse.PersonEventBuild;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Runs the analytics jobs for a month (or every month with data) in one Spark session, after the ODS loader:
 * 12345 statistics, petition trends, overdue ranking, department performance and 接诉即办 response rates (case service), 12345 problem counts, hot words, arrears key cases, person risk scores, the person index and the
 * monthly assessment of grid workers and units (the order
 * of {@link AnalyticsOptions#JOBS}). Each job reads through and writes to the {@link WarehouseIo}; every write is an
 * upsert keyed by month, so a re-run replaces the month's rows.
 */
public final class AnalyticsJobs {

    public static final String APP_NAME = "gridgov-analytics";
    public static final List<AnalyticsJob> ALL_JOBS = List.of(AnalyticsJob.values());

    private final WarehouseIo io;
    private final Clock clock;
    private final GridgovConfig config;

    public AnalyticsJobs(WarehouseIo io, Clock clock, GridgovConfig config) {
        this.io = io;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Months with records in any source (12345 cases, petitions, arrears cases, police incidents, case-service cases,
     * grid workers' attendance), ascending. Reads
     * one date column per table.
     */
    public static List<String> monthsPresent(SparkSession spark, WarehouseIo io) {
        Dataset<Row> months = io.read(spark, WarehouseSchema.DWD_HOTLINE_CASE)
                .select(col("accept_month").as("m"))
                .union(io.read(spark, WarehouseSchema.ODS_PETITION)
                        .select(date_format(col("petition_date"), "yyyy-MM").as("m")))
                .union(io.read(spark, WarehouseSchema.ODS_ARREARS_CASE)
                        .select(date_format(col("report_date"), "yyyy-MM").as("m")))
                .union(io.read(spark, WarehouseSchema.ODS_POLICE_INCIDENT)
                        .select(date_format(col("report_date"), "yyyy-MM").as("m")))
                .union(io.read(spark, CaseTables.DWD_CASE)
                        .select(col("report_month").as("m")))
                .union(io.read(spark, GridWorkTables.DWD_GRID_ATTENDANCE)
                        .select(date_format(col("work_date"), "yyyy-MM").as("m")))
                .distinct();
        TreeSet<String> out = new TreeSet<>();
        for (Row r : months.collectAsList()) {
            out.add(r.getString(0));
        }
        return List.copyOf(out);
    }

    /** Runs the configured jobs for the months and returns the summary line. */
    public String run(SparkSession spark, String month) {
        List<String> months = month != null ? List.of(StatMonth.require(month)) : monthsPresent(spark, io);
        String label = "analytics "
                + (month != null
                        ? month
                        : months.isEmpty() ? "all months" : months.get(0) + ".." + months.get(months.size() - 1));
        if (months.isEmpty()) {
            return label + ": no records in the warehouse, nothing computed";
        }
        RiskModel risk = RiskModel.fromConfig(config);
        ArrearsRules arrears = ArrearsRules.fromConfig(config);
        List<String> parts = new ArrayList<>();
        for (AnalyticsJob job : config.get(AnalyticsOptions.JOBS)) {
            long t0 = System.nanoTime();
            switch (job) {
                case HOTLINE -> parts.add(HotlineStatsJob.summary(new HotlineStatsJob(io, clock).run(spark, months)));
                case PETITION ->
                    parts.add("petition trends "
                            + new PetitionTrendJob(io, clock, risk.groupWindowHours(), risk.groupMinPersons())
                                    .run(spark, months)
                            + " rows");
                case OVERDUE -> parts.add(OverdueRankJob.summary(new OverdueRankJob(io, clock).run(spark, months)));
                case DEPARTMENT ->
                    parts.add(DepartmentPerformanceJob.summary(
                            new DepartmentPerformanceJob(io, clock).run(spark, months)));
                case RESPONSE -> parts.add(ResponseRateJob.summary(new ResponseRateJob(io, clock).run(spark, months)));
                case PROBLEMS -> parts.add(ProblemCountJob.summary(new ProblemCountJob(io, clock).run(spark, months)));
                case HOTWORDS ->
                    parts.add(HotWordsJob.summary(new HotWordsJob(
                                    io, clock, HotWordSettings.fromConfig(config), HotWordsJob.segmenter(config))
                            .run(spark, months)));
                case ARREARS ->
                    parts.add(ArrearsKeyCaseJob.summary(
                            new ArrearsKeyCaseJob(io, clock, arrears, risk.groupWindowHours(), risk.groupMinPersons())
                                    .run(spark, months)));
                case RISK ->
                    parts.add(RiskScoreJob.summary(
                            new RiskScoreJob(io, clock, risk, arrears, LevelCalibration.fromConfig(config))
                                    .run(spark, months)));
                // not by month: the index holds every record, and a rerun replaces rows by their key
                case PERSON_EVENTS ->
                    parts.add("person index " + io.execute(spark, PersonEventBuild::statements) + " rows written");
                case ASSESSMENT -> parts.add(AssessmentJob.summary(new AssessmentJob(io, clock).run(spark, months)));
            }
            parts.set(
                    parts.size() - 1,
                    parts.get(parts.size() - 1)
                            + String.format(Locale.ROOT, " in %.1f s", (System.nanoTime() - t0) / 1e9));
        }
        return label + ": " + String.join("; ", parts);
    }

    /** Reads the configuration, runs the jobs in a session of its own and returns the summary line. */
    public static String run(String[] args) {
        GridgovConfig config = GridgovConfig.fromArgs(args, BatchJob.ANALYTICS.options());
        String month = StatMonth.parseOptional(config.get(GridgovOptions.STAT_MONTH));
        config.get(AnalyticsOptions.JOBS); // fail on a typo before Spark starts
        RiskModel.fromConfig(config);
        LevelCalibration.fromConfig(config);
        HotWordSettings.fromConfig(config);
        ArrearsRules.fromConfig(config);
        WarehouseIo io = JdbcWarehouseIo.fromConfig(config);
        SparkSession spark = BatchSession.getOrCreate(config, APP_NAME);
        try {
            return new AnalyticsJobs(io, Clock.systemUTC(), config).run(spark, month);
        } finally {
            spark.stop();
        }
    }

    /**
     * Entry point for the launcher and spark-submit: {@code --key=value} options ({@link BatchJob#ANALYTICS}'s: the
     * platform's warehouse, Spark and month keys plus {@link AnalyticsOptions}), the warehouse password from
     * GRIDGOV_WAREHOUSE_PASSWORD. Prints one summary line to stdout and exits 0; on failure prints the reason to
     * stderr and exits 1.
     */
    public static void main(String[] args) {
        String summary;
        try {
            summary = run(args);
        } catch (Exception | Error e) {
            // Spark rethrows the JDBC driver's checked SQLExceptions undeclared, so catch Exception, not only
            // RuntimeException
            System.err.println("analytics failed: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println(summary);
    }
}

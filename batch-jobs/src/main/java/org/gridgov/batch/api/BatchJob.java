package org.gridgov.batch.api;

import static org.gridgov.common.job.JobEntryPoint.optionsOf;

import java.util.List;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.common.job.JobEntryPoint;

/**
 * The mains of batch-jobs, as the launcher and Airflow start them and {@code gridgov config} lists them. This package
 * loads no Spark class: the launcher reads it from the module's {@code api} jar. {@code BatchJobTest} checks every
 * class name against the build.
 */
public enum BatchJob implements JobEntryPoint {
    HOTLINE_STREET_MONTH(
            "org.gridgov.batch.hotline.HotlineStreetMonthJob",
            "Spark job ads_hotline_street_month: 12345 cases per street and month",
            optionsOf(GridgovOptions.WAREHOUSE, GridgovOptions.SPARK, List.of(GridgovOptions.STAT_MONTH)),
            false),
    ANALYTICS(
            "org.gridgov.batch.AnalyticsJobs",
            "Spark analytics: 12345 statistics, petition trends, overdue ranking, hot words, arrears key cases, "
                    + "person risk scores, the grid workers' and units' monthly assessment",
            optionsOf(
                    GridgovOptions.WAREHOUSE,
                    GridgovOptions.SPARK,
                    List.of(GridgovOptions.STAT_MONTH),
                    AnalyticsOptions.ALL),
            false),
    ANALYTICS_REPORT(
            "org.gridgov.batch.AnalyticsReport",
            "the month's hot words, opinion risks, top-risk persons and arrears key cases from the ADS tables (JDBC)",
            optionsOf(GridgovOptions.WAREHOUSE, List.of(GridgovOptions.STAT_MONTH, AnalyticsOptions.REPORT_TOP_N)),
            false),
    ANALYTICS_BENCHMARK(
            "org.gridgov.batch.bench.AnalyticsBenchmark",
            "HanLP segmentation, hot words and risk scores at scale in Spark (gridgov bench analytics)",
            optionsOf(
                    List.of(GridgovOptions.SPARK_MASTER, AnalyticsOptions.HOTWORDS_SEGMENTER),
                    AnalyticsBenchmarkOptions.ALL),
            true),
    ASSESSMENT_BENCHMARK(
            "org.gridgov.batch.bench.AssessmentBenchmark",
            "the monthly assessment of 10,000 grid workers over 30 days of work records (gridgov bench assessment)",
            optionsOf(List.of(GridgovOptions.SPARK_MASTER), AssessmentBenchmarkOptions.ALL),
            true);

    static final String MODULE = "batch-jobs";

    private final Spec spec;

    BatchJob(String mainClass, String description, List<ConfigOption<?>> options, boolean benchmark) {
        this.spec = new Spec(MODULE, mainClass, description, options, benchmark);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}

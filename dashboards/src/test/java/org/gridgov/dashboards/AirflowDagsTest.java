package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gridgov.batch.api.AnalyticsOptions;
import org.gridgov.batch.api.BatchJob;
import org.gridgov.common.config.ConfigOption;
import org.gridgov.common.config.GridgovOptions;
import org.gridgov.ingestion.api.IngestOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Airflow DAGs without Airflow: they compile (py_compile), and what they name exists in this build (main
 * classes, the batch jar, option keys, DataX job files and parameters), read from the files with python's ast.
 */
class AirflowDagsTest {

    private static final Path DAGS = Path.of("src", "main", "airflow", "dags");
    private static final Path FACTS = Path.of("src", "test", "resources", "airflow", "dag_facts.py");
    private static final Path PYCACHE = Path.of("target", "pycache");
    private static DagChecks.Known known;

    @BeforeAll
    static void known() {
        known = ofTheBuild();
    }

    /** What the builds provide, for checks of other DAG files (AirflowRunReplayTest's older DAGs). */
    static DagChecks.Known ofTheBuild() {
        ClassLoader loader = AirflowDagsTest.class.getClassLoader();
        Map<String, String> jobs = ClasspathFolder.read(loader, "datax", "hotline_mysql.json", ".json");
        Set<String> params = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(String.join("\n", jobs.values()));
        while (m.find()) {
            params.add(m.group(1));
        }
        // a main accepts the platform's keys and its entry point's
        Set<String> gridgov = keys(GridgovOptions.ALL);
        Map<String, Set<String>> byMain = new java.util.HashMap<>();
        for (BatchJob job : BatchJob.values()) {
            Set<String> accepted = new HashSet<>(gridgov);
            accepted.addAll(keys(job.options()));
            byMain.put(job.mainClass(), accepted);
        }
        Set<String> any = new HashSet<>(gridgov);
        any.addAll(keys(AnalyticsOptions.ALL));
        any.addAll(keys(IngestOptions.ALL));
        return new DagChecks.Known(
                loader,
                BuildArtifacts.jarName(BundleFiles.repoRoot().resolve(Path.of("batch-jobs", "pom.xml"))),
                byMain,
                any,
                Set.of(AnalyticsOptions.JOBS
                        .format(AnalyticsOptions.JOBS.defaultValue())
                        .split(",")),
                jobs.keySet(),
                params);
    }

    private static Set<String> keys(List<ConfigOption<?>> options) {
        Set<String> out = new HashSet<>();
        options.forEach(o -> out.add(o.key()));
        return out;
    }

    private static List<String> dagFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".py"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
    }

    private static JsonNode facts(List<String> files) throws IOException {
        List<String> args = new ArrayList<>(List.of(FACTS.toString()));
        args.addAll(files);
        Python.Result r = Python.run(PYCACHE, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void everyDagCompiles() throws IOException {
        List<String> files = dagFiles(DAGS);
        assertThat(files).hasSize(3);
        List<String> args = new ArrayList<>(List.of("-m", "py_compile"));
        args.addAll(files);
        Python.Result r = Python.run(PYCACHE, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void theDagsNameOnlyWhatTheBuildProduces() throws IOException {
        JsonNode facts = facts(dagFiles(DAGS));
        assertThat(DagChecks.problems(facts, known)).isEmpty();
        assertThat(known.batchJar()).isEqualTo("gridgov-batch-jobs-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void everyDataxJobFileIsScheduled() throws IOException {
        assertThat(DagChecks.jobFilesNamed(facts(dagFiles(DAGS))))
                .isEqualTo(known.jobFiles())
                .hasSize(10);
    }

    @Test
    void theDailyLoadsFeedTheStatisticsAndTheMonthlyJobsWaitForTheMonthEnd() throws IOException {
        JsonNode facts = facts(dagFiles(DAGS));
        List<String> spark = new ArrayList<>();
        for (JsonNode f : facts.path("files")) {
            for (JsonNode op : f.path("operators")) {
                if (op.path("type").asText().equals("SparkSubmitOperator")) {
                    spark.add(f.path("file").asText() + " "
                            + op.path("kwargs").path("java_class").asText() + " "
                            + op.path("kwargs")
                                    .path("application_args")
                                    .get(op.path("kwargs")
                                                    .path("application_args")
                                                    .size()
                                            - 1)
                                    .asText());
                }
            }
        }
        assertThat(spark)
                .containsExactlyInAnyOrder(
                        "gridgov_daily.py org.gridgov.batch.hotline.HotlineStreetMonthJob --batch.month="
                                + "{{ data_interval_start.in_timezone('Asia/Shanghai').strftime('%Y-%m') }}",
                        "gridgov_daily.py org.gridgov.batch.AnalyticsJobs --analytics.jobs=hotline,petition,overdue,department,response,problems,arrears",
                        "gridgov_monthly.py org.gridgov.batch.AnalyticsJobs --analytics.jobs=hotwords,risk",
                        "gridgov_monthly.py org.gridgov.batch.AnalyticsJobs --analytics.jobs=assessment");
        String monthly = Files.readString(DAGS.resolve("gridgov_monthly.py"));
        assertThat(monthly)
                .contains(
                        "external_dag_id=\"gridgov_daily\"",
                        "month_loaded >> hot_words_and_risk",
                        "month_loaded >> assessment");
        assertThat(Files.readString(DAGS.resolve("gridgov_daily.py")))
                .contains("loads >> analytics_daily", "trigger_rule=\"none_failed\"");
    }

    @Test
    void aDagThatGetsThingsWrongIsReported() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "synthetic-dags"));
        Path bad = dir.resolve("bad_dag.py");
        Files.writeString(bad, """
                from datetime import timedelta
                import pendulum
                from airflow import DAG
                from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
                with DAG(dag_id="bad", schedule_interval="@daily", start_date=pendulum.datetime(2024, 1, 1),
                         default_args={"retries": 0}) as dag:
                    SparkSubmitOperator(task_id="x", application="/opt/gridgov/lib/gridgov-batch-jobs.jar",
                                        java_class="org.gridgov.batch.NoSuchJob",
                                        application_args=["--warehouse.url=jdbc:x", "--analytics.jobs=hotwords,typo"])
                    SparkSubmitOperator(task_id="y", application="/opt/gridgov/lib/gridgov-batch-jobs-0.1.0-SNAPSHOT.jar",
                                        java_class="org.gridgov.batch.hotline.HotlineStreetMonthJob",
                                        application_args=["--analytics.jobs=hotline"],
                                        env_vars={"GRIDGOV_WAREHOUSE_PASSWORD": "{{ conn.gridgov_doris.password }}"})
                CMD = "python3 datax.py hotline_xls.json -p '-Dsrc_pwd=x' --param.nope=1"
                """);
        List<String> problems = DagChecks.problems(facts(List.of(bad.toString())), known);
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "bad_dag.py:5: DAG needs an explicit schedule= (a cron or preset string)",
                        "bad_dag.py:5: schedule_interval is deprecated; use schedule=",
                        "bad_dag.py:5: DAG needs an explicit catchup=True/False",
                        "bad_dag.py:5: start_date must be a pendulum datetime in tz Asia/Shanghai, got "
                                + "{\"call\":\"pendulum.datetime\",\"args\":[2024,1,1],\"kwargs\":{}}",
                        "bad_dag.py:5: default_args needs retries >= 1",
                        "bad_dag.py:5: default_args needs retry_delay=timedelta(...)",
                        "bad_dag.py:5: default_args needs sla=timedelta(...)",
                        "bad_dag.py:7: java_class org.gridgov.batch.NoSuchJob is in no module the build produces",
                        "bad_dag.py:7: application gridgov-batch-jobs.jar is not the jar batch-jobs builds "
                                + "(gridgov-batch-jobs-0.1.0-SNAPSHOT.jar)",
                        "bad_dag.py:7: analytics job typo is not one of " + known.analyticsJobs(),
                        "bad_dag.py:7: the warehouse password must reach the job in a --config=<properties file>",
                        "bad_dag.py:10: the warehouse password must reach the job in a --config=<properties file>",
                        "bad_dag.py:10: env_vars go onto the spark-submit command line on YARN and Kubernetes "
                                + "(--conf spark.yarn.appMasterEnv.K=V); pass secrets in the --config file",
                        "bad_dag.py:10: org.gridgov.batch.hotline.HotlineStreetMonthJob does not accept --analytics.jobs "
                                + "(GridgovConfig rejects unknown keys)",
                        "bad_dag.py: class org.gridgov.batch.NoSuchJob is in no module the build produces",
                        "bad_dag.py: --warehouse.url is no gridgov option",
                        "bad_dag.py: parameter nope is no ${...} placeholder of the DataX job files",
                        "bad_dag.py: parameter src_pwd is no ${...} placeholder of the DataX job files",
                        "bad_dag.py: DataX job file hotline_xls.json is not in ingestion's datax/");
        assertThat(Arrays.asList(problems.toArray())).isNotEmpty();
    }
}

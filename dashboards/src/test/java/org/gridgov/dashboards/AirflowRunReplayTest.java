package org.gridgov.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What each task of the nightly run on the 1st (01:30) and the monthly run (04:00 on the 1st, Asia/Shanghai)
 * receives, with the DAG files executed and their templates rendered as Airflow would ({@code run_replay.py}:
 * timetables from airflow/timetables/interval.py and trigger.py, Jinja with the task context, the sensor's
 * execution_date_fn, the Spark provider's spark-submit argv). Checked under both values of
 * {@code [scheduler] create_cron_data_intervals} (Airflow 2 default True, Airflow 3 default False), and shown wrong
 * for the DAGs as they were before issue 13 (kept under src/test/resources/airflow/before-issue-13).
 */
class AirflowRunReplayTest {

    private static final Path SCRIPT = Path.of("src", "test", "resources", "airflow", "run_replay.py");
    private static final Path DAGS = Path.of("src", "main", "airflow", "dags");
    private static final Path BEFORE = Path.of("src", "test", "resources", "airflow", "before-issue-13");
    private static final String DAILY_ON_THE_1ST = "gridgov_daily@2025-03-01T01:30";
    private static final String MONTHLY_ON_THE_1ST = "gridgov_monthly@2025-03-01T04:00";

    private static final Pattern MONTH = Pattern.compile("--batch\\.month=(\\d{4}-\\d{2})");
    private static final Pattern SINCE = Pattern.compile("--param\\.since=\"([^\"]+)\"");
    private static final Pattern INBOX = Pattern.compile("--param\\.input_path=\\S+/([a-z_0-9]+)/(\\S+?)(?:\\s|$)");

    /** What a run's tasks received: month per Spark task, since per incremental load, inbox day per file load. */
    record RunFacts(
            String timetable,
            String logicalDate,
            Map<String, String> months,
            Map<String, String> since,
            Map<String, String> inbox,
            String sensorWaitsFor,
            List<String> secretsOnCommandLines) {}

    @Test
    void onAirflow3DefaultsTheNightlyRunOnThe1stLoadsYesterdayAndFinishesTheMonthThatEnded() {
        assertFixedDags(false);
    }

    @Test
    void onAirflow2DefaultsTheFixedDagsReceiveTheSame() {
        assertFixedDags(true);
    }

    private static void assertFixedDags(boolean createCronDataIntervals) {
        List<RunFacts> runs = replay(DAGS, createCronDataIntervals);
        RunFacts daily = runs.get(0);
        RunFacts monthly = runs.get(1);

        assertThat(daily.timetable()).isEqualTo("CronDataIntervalTimetable");
        // the interval is the day before: 2025-02-28 01:30 to 2025-03-01 01:30, district time
        assertThat(daily.logicalDate()).isEqualTo("2025-02-27T17:30:00+00:00");
        assertThat(daily.months())
                .containsOnlyKeys("hotline_street_month", "analytics_daily")
                .containsValues("2025-02")
                .doesNotContainValue("2025-03");
        assertThat(new TreeSet<>(daily.since().values())).containsExactly("2025-02-28 01:30:00");
        assertThat(daily.since()).hasSize(5);
        assertThat(new TreeSet<>(daily.inbox().values())).containsExactly("2025-02-28");
        assertThat(daily.inbox()).hasSize(5);

        assertThat(monthly.timetable()).isEqualTo("CronDataIntervalTimetable");
        assertThat(monthly.months())
                .containsExactly(Map.entry("assessment", "2025-02"), Map.entry("hot_words_and_risk", "2025-02"));
        // the sensor waits for exactly the nightly run that loaded February's last day
        assertThat(monthly.sensorWaitsFor()).isEqualTo(daily.logicalDate());

        assertThat(daily.secretsOnCommandLines()).isEmpty();
        assertThat(monthly.secretsOnCommandLines()).isEmpty();
    }

    @Test
    void theDagsBeforeIssue13ComputeTheWrongDataOnAirflow3Defaults() {
        List<RunFacts> runs = replay(BEFORE, false);
        RunFacts daily = runs.get(0);
        RunFacts monthly = runs.get(1);

        assertThat(daily.timetable()).isEqualTo("CronTriggerTimetable");
        // the empty interval starts at the run time: changes of the 28th are skipped, the new empty month computed
        assertThat(new TreeSet<>(daily.since().values())).containsExactly("2025-03-01 01:30:00");
        assertThat(new TreeSet<>(daily.months().values())).containsExactly("2025-03");
        assertThat(new TreeSet<>(monthly.months().values())).containsExactly("2025-03");
        // and the monthly sensor waits for the nightly run of the day before (which loaded the 27th)
        assertThat(monthly.sensorWaitsFor())
                .isEqualTo("2025-02-27T17:30:00+00:00")
                .isNotEqualTo(daily.logicalDate());
        // env_vars put the warehouse password on spark-submit's command line on YARN and Kubernetes, and the DataX
        // step expanded it into datax.py's arguments
        assertThat(daily.secretsOnCommandLines())
                .contains(
                        "analytics_daily on yarn cluster: spark-submit argv holds SECRET-gridgov_doris",
                        "analytics_daily on k8s://https://k8s:6443 cluster: spark-submit argv holds SECRET-gridgov_doris",
                        "load_hotline_mysql.datax: the command expands $DORIS_PASSWORD (a secret) into a command line");
        assertThat(monthly.secretsOnCommandLines())
                .contains("hot_words_and_risk on yarn client: spark-submit argv holds SECRET-gridgov_doris");
    }

    @Test
    void theDagsBeforeIssue13ReadTheInboxOfTheWrongDayEvenOnAirflow2() {
        // {{ ds }} is the logical date in UTC: 01:30 in Shanghai is 17:30 the day before in UTC, so on Airflow 2 the
        // nightly run of 1 March read the folder of 27 February instead of the 28th's
        RunFacts daily = replay(BEFORE, true).get(0);
        assertThat(daily.timetable()).isEqualTo("CronDataIntervalTimetable");
        assertThat(new TreeSet<>(daily.inbox().values())).containsExactly("2025-02-27");
        assertThat(new TreeSet<>(daily.months().values())).containsExactly("2025-02");
    }

    @Test
    void theStaticChecksRefuseACronStringAndEnvVarSecretsInTheOldDags() throws IOException {
        List<String> files = new ArrayList<>();
        for (String name : List.of("gridgov_common.py", "gridgov_daily.py", "gridgov_monthly.py")) {
            files.add(BEFORE.resolve(name).toString());
        }
        List<String> args = new ArrayList<>(List.of(
                Path.of("src", "test", "resources", "airflow", "dag_facts.py").toString()));
        args.addAll(files);
        Python.Result r = Python.run(Path.of("target", "pycache"), args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> problems = new ArrayList<>();
        for (String p : DagChecks.problems(new ObjectMapper().readTree(r.out()), AirflowDagsTest.ofTheBuild())) {
            problems.add(p.replaceFirst(":\\d+:", ":"));
        }
        assertThat(problems)
                .contains(
                        "gridgov_daily.py: schedule \"30 1 * * *\" is a cron string; Airflow 3 runs it with an empty data "
                                + "interval: pass CronDataIntervalTimetable (data_intervals(...))",
                        "gridgov_monthly.py: schedule \"0 4 1 * *\" is a cron string; Airflow 3 runs it with an empty data "
                                + "interval: pass CronDataIntervalTimetable (data_intervals(...))",
                        "gridgov_daily.py: env_vars go onto the spark-submit command line on YARN and Kubernetes "
                                + "(--conf spark.yarn.appMasterEnv.K=V); pass secrets in the --config file");
    }

    private static List<RunFacts> replay(Path dags, boolean createCronDataIntervals) {
        Python.Result r = Python.run(
                Path.of("target", "pycache"),
                SCRIPT.toString(),
                dags.toString(),
                String.valueOf(createCronDataIntervals),
                DAILY_ON_THE_1ST,
                MONTHLY_ON_THE_1ST);
        assertThat(r.exit()).as(r.err()).isZero();
        try {
            List<RunFacts> out = new ArrayList<>();
            for (JsonNode run : new ObjectMapper().readTree(r.out()).path("runs")) {
                out.add(facts(run));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static RunFacts facts(JsonNode run) {
        Map<String, String> months = new TreeMap<>();
        Map<String, String> since = new TreeMap<>();
        Map<String, String> inbox = new TreeMap<>();
        List<String> secrets = new ArrayList<>();
        String sensor = null;
        for (JsonNode task : run.path("tasks")) {
            String id = task.path("task_id").asText();
            JsonNode rendered = task.path("rendered");
            for (JsonNode arg : rendered.path("application_args")) {
                Matcher m = MONTH.matcher(arg.asText());
                if (m.matches()) {
                    months.put(id, m.group(1));
                }
            }
            String bash = rendered.path("bash_command").asText("");
            Matcher s = SINCE.matcher(bash);
            if (s.find()) {
                since.put(id, s.group(1));
            }
            Matcher i = INBOX.matcher(bash);
            if (i.find()) {
                inbox.put(i.group(1), i.group(2));
            }
            if (task.has("waits_for_logical_date")) {
                sensor = task.path("waits_for_logical_date").asText();
            }
            task.path("secrets_on_command_lines").forEach(x -> secrets.add(x.asText()));
        }
        return new RunFacts(
                run.path("timetable").asText(),
                run.path("logical_date").asText(),
                months,
                since,
                inbox,
                sensor,
                secrets);
    }
}

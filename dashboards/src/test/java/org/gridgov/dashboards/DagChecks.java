package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Airflow DAGs must get right, checked on the facts {@code dag_facts.py} reads from them: every DAG sets
 * schedule (an explicit CronDataIntervalTimetable, not a cron string), catchup, retries, retry_delay and sla and
 * starts in Asia/Shanghai; every main class exists in the builds; every Spark application is the jar batch-jobs
 * builds; every {@code --key=} is an option the main accepts; the warehouse password reaches Spark through
 * {@code --config=<properties file>}, never {@code env_vars}; every DataX job file and {@code -D}/{@code --param.}
 * parameter exists in the ingestion module. What the rendered tasks receive at run time is checked by
 * {@code run_replay.py} ({@code AirflowRunReplayTest}).
 */
final class DagChecks {

    private static final Pattern CLASS = Pattern.compile("org\\.gridgov\\.[a-z0-9_.]+\\.[A-Z]\\w*");
    private static final Pattern OPTION = Pattern.compile("--([a-z][a-z0-9._-]*)=");
    private static final Pattern DATAX_PARAM = Pattern.compile("-D([a-z_]+)=");
    private static final Pattern JOB_FILE = Pattern.compile("(?<![\\w.-])([a-z0-9][a-z0-9_]*\\.json)\\b");
    /** GridgovConfig reads --config=<properties file> itself, for every main. */
    private static final String CONFIG_FILE_OPTION = "config";
    /** The DAGs' helper that wraps CronDataIntervalTimetable, and the class itself. */
    private static final java.util.Set<String> DATA_INTERVAL_SCHEDULES =
            java.util.Set.of("data_intervals", "CronDataIntervalTimetable");

    /** What the builds provide, to check the DAGs against. */
    record Known(
            ClassLoader classes,
            String batchJar,
            Map<String, Set<String>> optionsByMainClass,
            Set<String> anyOptions,
            Set<String> analyticsJobs,
            Set<String> jobFiles,
            Set<String> jobParams) {}

    private DagChecks() {}

    static List<String> problems(JsonNode facts, Known known) {
        List<String> out = new ArrayList<>();
        for (JsonNode file : facts.path("files")) {
            String name = file.path("file").asText();
            if (!name.endsWith("_common.py") && file.path("dags").isEmpty()) {
                out.add(name + ": defines no DAG");
            }
            for (JsonNode dag : file.path("dags")) {
                dag(name + ":" + dag.path("line").asInt(), dag.path("kwargs"), out);
            }
            for (JsonNode op : file.path("operators")) {
                if (op.path("type").asText().equals("SparkSubmitOperator")) {
                    spark(name + ":" + op.path("line").asInt(), op.path("kwargs"), known, out);
                }
            }
            strings(name, file.path("strings"), known, out);
        }
        return out;
    }

    private static void dag(String where, JsonNode kw, List<String> out) {
        JsonNode schedule = kw.get("schedule");
        if (schedule == null
                || schedule.isNull()
                || schedule.isTextual() && schedule.asText().isBlank()) {
            out.add(where + ": DAG needs an explicit schedule= (a cron or preset string)");
        } else if (schedule.isTextual()) {
            // airflow/models/dag.py create_timetable: with [scheduler] create_cron_data_intervals = False (the 3.x
            // default) a string becomes CronTriggerTimetable, whose data interval is empty at the run time
            out.add(where + ": schedule \"" + schedule.asText() + "\" is a cron string; Airflow 3 runs it with an "
                    + "empty data interval: pass CronDataIntervalTimetable (data_intervals(...))");
        } else if (!DATA_INTERVAL_SCHEDULES.contains(schedule.path("call").asText())) {
            out.add(where + ": schedule must be CronDataIntervalTimetable (data_intervals(...)), got " + schedule);
        }
        if (kw.has("schedule_interval")) {
            out.add(where + ": schedule_interval is deprecated; use schedule=");
        }
        if (!kw.path("catchup").isBoolean()) {
            out.add(where + ": DAG needs an explicit catchup=True/False");
        }
        JsonNode start = kw.path("start_date");
        if (!"Asia/Shanghai".equals(start.path("kwargs").path("tz").asText())) {
            out.add(where + ": start_date must be a pendulum datetime in tz Asia/Shanghai, got " + start);
        }
        JsonNode args = kw.path("default_args");
        if (!args.path("retries").canConvertToInt() || args.path("retries").asInt() < 1) {
            out.add(where + ": default_args needs retries >= 1");
        }
        for (String k : List.of("retry_delay", "sla")) {
            if (!"timedelta".equals(args.path(k).path("call").asText())) {
                out.add(where + ": default_args needs " + k + "=timedelta(...)");
            }
        }
    }

    private static void spark(String where, JsonNode kw, Known known, List<String> out) {
        String main = kw.path("java_class").asText(null);
        if (main == null) {
            out.add(where + ": SparkSubmitOperator without a literal java_class");
        } else if (!classExists(known.classes(), main)) {
            out.add(where + ": java_class " + main + " is in no module the build produces");
        }
        String app = kw.path("application").asText("");
        String jar = app.substring(app.lastIndexOf('/') + 1);
        if (!jar.equals(known.batchJar())) {
            out.add(where + ": application " + jar + " is not the jar batch-jobs builds (" + known.batchJar() + ")");
        }
        Set<String> allowed = known.optionsByMainClass().get(main);
        JsonNode args = kw.path("application_args");
        if (!args.isArray()) {
            out.add(where + ": application_args must be a list the checks can read");
            return;
        }
        for (JsonNode a : args) {
            Matcher m = OPTION.matcher(a.asText());
            if (!a.isTextual() || !m.lookingAt()) {
                out.add(where + ": application argument " + a + " is not --key=value");
                continue;
            }
            if (allowed != null && !allowed.contains(m.group(1)) && !m.group(1).equals(CONFIG_FILE_OPTION)) {
                out.add(where + ": " + main + " does not accept --" + m.group(1)
                        + " (GridgovConfig rejects unknown keys)");
            }
            if (m.group(1).equals("analytics.jobs")) {
                for (String job : a.asText().substring(m.end()).split(",")) {
                    if (!known.analyticsJobs().contains(job.trim())) {
                        out.add(where + ": analytics job " + job + " is not one of " + known.analyticsJobs());
                    }
                }
            }
        }
        boolean configFile = false;
        for (JsonNode a : args) {
            configFile |= a.asText().startsWith("--" + CONFIG_FILE_OPTION + "=");
        }
        if (!configFile) {
            out.add(where + ": the warehouse password must reach the job in a --config=<properties file>");
        }
        if (kw.has("env_vars")) {
            // providers/apache/spark/hooks/spark_submit.py _build_spark_common_args
            out.add(where + ": env_vars go onto the spark-submit command line on YARN and Kubernetes "
                    + "(--conf spark.yarn.appMasterEnv.K=V); pass secrets in the --config file");
        }
    }

    private static void strings(String name, JsonNode strings, Known known, List<String> out) {
        Set<String> classes = new TreeSet<>();
        Set<String> options = new TreeSet<>();
        Set<String> params = new TreeSet<>();
        Set<String> jobFiles = new TreeSet<>();
        for (Iterator<JsonNode> it = strings.elements(); it.hasNext(); ) {
            String s = it.next().asText();
            collect(CLASS.matcher(s), 0, classes);
            collect(OPTION.matcher(s), 1, options);
            collect(DATAX_PARAM.matcher(s), 1, params);
            collect(JOB_FILE.matcher(s), 1, jobFiles);
        }
        classes.stream()
                .filter(c -> !classExists(known.classes(), c))
                .forEach(c -> out.add(name + ": class " + c + " is in no module the build produces"));
        for (String o : options) {
            if (o.startsWith("param.")) {
                params.add(o.substring("param.".length()));
            } else if (!known.anyOptions().contains(o) && !o.equals(CONFIG_FILE_OPTION)) {
                out.add(name + ": --" + o + " is no gridgov option");
            }
        }
        params.stream()
                .filter(p -> !known.jobParams().contains(p))
                .forEach(p -> out.add(name + ": parameter " + p + " is no ${...} placeholder of the DataX job files"));
        jobFiles.stream()
                .filter(j -> !known.jobFiles().contains(j))
                .forEach(j -> out.add(name + ": DataX job file " + j + " is not in ingestion's datax/"));
    }

    /** Every DataX job file the ingestion module ships, and no other, must be scheduled by some DAG. */
    static Set<String> jobFilesNamed(JsonNode facts) {
        Set<String> out = new TreeSet<>();
        for (JsonNode file : facts.path("files")) {
            file.path("strings").forEach(s -> collect(JOB_FILE.matcher(s.asText()), 1, out));
        }
        return out;
    }

    private static void collect(Matcher m, int group, Set<String> into) {
        while (m.find()) {
            into.add(m.group(group));
        }
    }

    private static boolean classExists(ClassLoader loader, String name) {
        return loader.getResource(name.replace('.', '/') + ".class") != null;
    }
}

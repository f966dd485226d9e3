"""gridgov nightly: DataX loads of the five sources into Doris ODS/DWD, then the month-to-date DWS/ADS statistics.

Each DataX job file of the ingestion module runs in two steps, because stock DataX cannot validate records or
protect PII (ingestion/README.md, "What DataX alone cannot do"):

1. ``stage``: gridgov's runner (LocalDataxRunner, ``--ingest.stage-dir``) reads the source exactly as the job file
   says, validates, hashes and masks, and leaves the protected rows plus one plain DataX job per table;
2. ``datax``: ``python3 $DATAX_HOME/bin/datax.py`` runs those staged jobs into Doris (stream load).

Only the jobs named in the Variable ``gridgov_datax_jobs`` run (default: the five ``*_mysql`` incremental jobs); the
others are skipped, so a site that receives file exports lists the ``*_txtfile*`` jobs instead. When every load has
succeeded or been skipped, Spark computes the current month's 12345 statistics (by street and by every dimension,
with MoM/YoY), petition trends, overdue ranking and arrears key cases.
"""
from datetime import timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.utils.task_group import TaskGroup

try:  # Airflow 2.9+ ships BashOperator in the standard provider
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:
    from airflow.operators.bash import BashOperator

from gridgov_common import (
    BATCH_JAR,
    DATAX_HOME,
    DATAX_JOB_DIR,
    DORIS_LOAD_URL,
    INBOX_DIR,
    LIB_DIR,
    RUN_DAY,
    STAGE_DIR,
    START_DATE,
    WAREHOUSE_ARGS,
    WAREHOUSE_JDBC_URL,
    WAREHOUSE_PASSWORD,
    WAREHOUSE_USER,
    data_intervals,
)

# Every job file of ingestion/src/main/resources/datax (the deploy copies them into gridgov_datax_job_dir).
DATAX_JOB_FILES = [
    "hotline_mysql.json",
    "hotline_txtfile.json",
    "petition_mysql.json",
    "petition_txtfile_gbk.json",
    "arrears_mysql.json",
    "arrears_tsv_gbk.json",
    "police_mysql.json",
    "police_txtfile.json",
    "grid_mysql.json",
    "grid_txtfile_gzip.json",
]
DEFAULT_JOBS = "hotline_mysql,petition_mysql,arrears_mysql,police_mysql,grid_mysql"
ENABLED_JOBS = "{{ var.value.get('gridgov_datax_jobs', '" + DEFAULT_JOBS + "') }}"

DEFAULT_ARGS = {
    "owner": "gridgov",
    "depends_on_past": False,
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=3),
    # loads start 01:30; the statistics are due before the working day starts
    "sla": timedelta(hours=5),
}


def reader_params(job):
    """The job file's reader parameters: a source database Connection (incremental since the interval start) or the
    day's export folder in the inbox."""
    source = job.split("_")[0]
    if job.endswith("_mysql"):
        conn = "conn.gridgov_src_" + source
        return (
            " --param.src_jdbc_url=jdbc:mysql://{{ %s.host }}:{{ %s.port }}/{{ %s.schema }}" % (conn, conn, conn)
            + " --param.src_username={{ %s.login }}" % conn
            # a night without changed rows is normal for an incremental load, not an error
            + " --ingest.allow-empty=true"
            + " --param.since=\"{{ data_interval_start.in_timezone('Asia/Shanghai').strftime('%Y-%m-%d %H:%M:%S') }}\""
        ), {"GRIDGOV_PARAM_SRC_PASSWORD": "{{ %s.password }}" % conn}
    return " --param.input_path=" + INBOX_DIR + "/" + job + "/" + RUN_DAY, {}


def stage_command(job, params):
    # exit 99 makes Airflow mark the task skipped (BashOperator's skip exit code), and so its datax step
    return (
        "set -euo pipefail\n"
        'case ",' + ENABLED_JOBS + '," in *",' + job + ',"*) ;; '
        '*) echo "' + job + ' is not in Variable gridgov_datax_jobs"; exit 99;; esac\n'
        'java -Xmx2g -cp "' + LIB_DIR + '/ingestion/*" org.gridgov.ingestion.datax.LocalDataxRunner'
        " --ingest.job=" + DATAX_JOB_DIR + "/" + job + ".json"
        " --ingest.stage-dir=" + STAGE_DIR + params + "\n"
    )


# Writes a staged job with the Doris password in place of ${doris_password} into a file only the task's user can read:
# datax.py takes parameters only as -p "-Dk=v", which would put the password on its command line. The password comes
# from the environment (DORIS_PASSWORD), JSON-escaped, so it never appears in any process's arguments.
WITH_PASSWORD = (
    "import json, os, sys; "
    "job = open(sys.argv[1], encoding='utf-8').read(); "
    "pw = json.dumps(os.environ['DORIS_PASSWORD'])[1:-1]; "
    # chr(36) is '$': written out, bash would expand ${doris_password} inside the double-quoted -c argument
    "open(sys.argv[2], 'w', encoding='utf-8').write(job.replace(chr(36) + '{doris_password}', pw))"
)


def datax_command(job):
    # DataX's own read/written counts are in its log; errorLimit 0 in the staged jobs fails the task on any loss
    return (
        "set -euo pipefail\n"
        "shopt -s nullglob\n"
        "umask 077\n"
        'staged=("' + STAGE_DIR + "/" + job + '"/*.datax.json)\n'
        'if [ -z "${staged[*]:-}" ]; then echo "nothing staged for ' + job + ' (no changed rows)"; exit 0; fi\n'
        'private=$(mktemp -d)\n'
        'trap \'rm -rf "$private"\' EXIT\n'
        'for f in "${staged[@]}"; do\n'
        '  job="$private/$(basename "$f")"\n'
        '  python3 -c "' + WITH_PASSWORD + '" "$f" "$job"\n'
        '  python3 "' + DATAX_HOME + '/bin/datax.py" "$job" -p "-Ddoris_load_url=$DORIS_LOAD_URL'
        ' -Ddoris_jdbc_url=$DORIS_JDBC_URL -Ddoris_user=$DORIS_USER"\n'
        "done\n"
    )


with DAG(
    dag_id="gridgov_daily",
    description="nightly DataX loads, then the month-to-date 12345, petition, overdue and arrears statistics",
    schedule=data_intervals("30 1 * * *"),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=6),
    default_args=DEFAULT_ARGS,
    tags=["gridgov", "datax", "spark"],
) as dag:
    loads = []
    for job_file in DATAX_JOB_FILES:
        job = job_file[: -len(".json")]
        params, secrets = reader_params(job)
        with TaskGroup(group_id="load_" + job) as load:
            stage = BashOperator(
                task_id="stage",
                bash_command=stage_command(job, params),
                env=dict(secrets, GRIDGOV_PII_SALT="{{ var.value.gridgov_pii_secret }}"),
                append_env=True,
            )
            datax = BashOperator(
                task_id="datax",
                bash_command=datax_command(job),
                env={
                    "DORIS_LOAD_URL": DORIS_LOAD_URL,
                    "DORIS_JDBC_URL": WAREHOUSE_JDBC_URL,
                    "DORIS_USER": WAREHOUSE_USER,
                    "DORIS_PASSWORD": WAREHOUSE_PASSWORD,
                },
                append_env=True,
            )
            stage >> datax
        loads.append(load)

    hotline_street_month = SparkSubmitOperator(
        task_id="hotline_street_month",
        conn_id="spark_default",
        application=LIB_DIR + "/" + BATCH_JAR,
        java_class="org.gridgov.batch.hotline.HotlineStreetMonthJob",
        name="gridgov-hotline-street-month",
        application_args=WAREHOUSE_ARGS,
        trigger_rule="none_failed",
    )
    analytics_daily = SparkSubmitOperator(
        task_id="analytics_daily",
        conn_id="spark_default",
        application=LIB_DIR + "/" + BATCH_JAR,
        java_class="org.gridgov.batch.AnalyticsJobs",
        name="gridgov-analytics-daily",
        application_args=WAREHOUSE_ARGS + ["--analytics.jobs=hotline,petition,overdue,department,response,problems,arrears"],
        trigger_rule="none_failed",
    )
    loads >> hotline_street_month
    loads >> analytics_daily

"""Settings shared by the gridgov DAGs: deploy paths, connections and the jar, all resolved when a task runs.

Paths come from Airflow Variables (with the defaults below) through Jinja, so the DAG files parse without touching
the metadata database. Credentials are never written here: the warehouse (Doris FE) is the Connection
``gridgov_doris`` and each source database a Connection ``gridgov_src_<source>``; the PII salt is the Variable
``gridgov_pii_secret`` (a name Airflow masks in logs).
"""
import pendulum

try:  # Airflow 3.1+: the Task SDK's own timetables
    from airflow.sdk import CronDataIntervalTimetable
except ImportError:  # Airflow 2.7 to 3.0
    from airflow.timetables.interval import CronDataIntervalTimetable

TIMEZONE = "Asia/Shanghai"
START_DATE = pendulum.datetime(2024, 1, 1, tz=TIMEZONE)


def data_intervals(cron):
    """The schedule of a gridgov DAG: a run at each cron tick whose data interval is the period that just ended.

    Passed explicitly because a cron *string* depends on ``[scheduler] create_cron_data_intervals``: Airflow 3
    defaults it to False and then builds a CronTriggerTimetable, whose data interval is empty at the tick, so the
    nightly run would read changes since 01:30 today and compute the new, empty month on the 1st.
    """
    return CronDataIntervalTimetable(cron, timezone=TIMEZONE)

# The shaded Spark job jar batch-jobs builds (target/<artifactId>-<version>.jar); copy it into gridgov_lib_dir.
BATCH_JAR = "gridgov-batch-jobs-0.1.0-SNAPSHOT.jar"

LIB_DIR = "{{ var.value.get('gridgov_lib_dir', '/opt/gridgov/lib') }}"
DATAX_HOME = "{{ var.value.get('datax_home', '/opt/datax') }}"
DATAX_JOB_DIR = "{{ var.value.get('gridgov_datax_job_dir', '/opt/gridgov/datax') }}"
# The day a run loads, in district time: the day its data interval starts in (the nightly run at 01:30 on the 2nd
# loads the 1st). Not {{ ds }}: Airflow computes ds from the logical date in UTC, eight hours behind the district.
RUN_DAY = "{{ data_interval_start.in_timezone('Asia/Shanghai').strftime('%Y-%m-%d') }}"
STAGE_DIR = ("{{ var.value.get('gridgov_stage_dir', '/data/gridgov/staging') }}/"
             "{{ data_interval_start.in_timezone('Asia/Shanghai').strftime('%Y%m%d') }}")
INBOX_DIR = "{{ var.value.get('gridgov_inbox_dir', '/data/gridgov/inbox') }}"

# Doris FE: MySQL protocol on the Connection's host:port, stream load on extra "load_url" (default host:8030).
WAREHOUSE_JDBC_URL = "jdbc:mysql://{{ conn.gridgov_doris.host }}:{{ conn.gridgov_doris.port }}/{{ conn.gridgov_doris.schema }}"
WAREHOUSE_USER = "{{ conn.gridgov_doris.login }}"
WAREHOUSE_PASSWORD = "{{ conn.gridgov_doris.password }}"
DORIS_LOAD_URL = "{{ conn.gridgov_doris.extra_dejson.get('load_url', conn.gridgov_doris.host ~ ':8030') }}"

# The month a run computes, in district time: the month its data interval starts in. A daily run just after
# midnight on the 1st therefore finishes the previous month; a monthly run covers the month that just ended.
RUN_MONTH = "{{ data_interval_start.in_timezone('Asia/Shanghai').strftime('%Y-%m') }}"


# The Spark jobs read the warehouse password from a properties file on the host where the Spark driver runs
# (warehouse.password=..., readable by the Airflow user only; GridgovConfig reads it with --config). Not env_vars:
# on YARN and Kubernetes the Spark provider copies env_vars onto the spark-submit command line
# (--conf spark.yarn.appMasterEnv.K=V), where every user of the host sees them.
SPARK_SECRETS_FILE = "{{ var.value.get('gridgov_spark_secrets_file', '/etc/gridgov/warehouse.properties') }}"

# The batch jobs' warehouse options (GridgovOptions); the password comes from SPARK_SECRETS_FILE.
WAREHOUSE_ARGS = [
    "--warehouse.jdbc-url=" + WAREHOUSE_JDBC_URL,
    "--warehouse.user=" + WAREHOUSE_USER,
    "--warehouse.dialect=doris",
    "--config=" + SPARK_SECRETS_FILE,
    "--batch.month=" + RUN_MONTH,
]

"""Settings shared by the gridgov DAGs: deploy paths, connections and the jar, all resolved when a task runs.

Paths come from Airflow Variables (with the defaults below) through Jinja, so the DAG files parse without touching
the metadata database. Credentials are never written here: the warehouse (Doris FE) is the Connection
``gridgov_doris`` and each source database a Connection ``gridgov_src_<source>``; the PII salt is the Variable
``gridgov_pii_secret`` (a name Airflow masks in logs).
"""
import pendulum

TIMEZONE = "Asia/Shanghai"
START_DATE = pendulum.datetime(2024, 1, 1, tz=TIMEZONE)

# The shaded Spark job jar batch-jobs builds (target/<artifactId>-<version>.jar); copy it into gridgov_lib_dir.
BATCH_JAR = "gridgov-batch-jobs-0.1.0-SNAPSHOT.jar"

LIB_DIR = "{{ var.value.get('gridgov_lib_dir', '/opt/gridgov/lib') }}"
DATAX_HOME = "{{ var.value.get('datax_home', '/opt/datax') }}"
DATAX_JOB_DIR = "{{ var.value.get('gridgov_datax_job_dir', '/opt/gridgov/datax') }}"
STAGE_DIR = "{{ var.value.get('gridgov_stage_dir', '/data/gridgov/staging') }}/{{ ds_nodash }}"
INBOX_DIR = "{{ var.value.get('gridgov_inbox_dir', '/data/gridgov/inbox') }}"

# Doris FE: MySQL protocol on the Connection's host:port, stream load on extra "load_url" (default host:8030).
WAREHOUSE_JDBC_URL = "jdbc:mysql://{{ conn.gridgov_doris.host }}:{{ conn.gridgov_doris.port }}/{{ conn.gridgov_doris.schema }}"
WAREHOUSE_USER = "{{ conn.gridgov_doris.login }}"
WAREHOUSE_PASSWORD = "{{ conn.gridgov_doris.password }}"
DORIS_LOAD_URL = "{{ conn.gridgov_doris.extra_dejson.get('load_url', conn.gridgov_doris.host ~ ':8030') }}"

# The month a run computes, in district time: the month its data interval starts in. A daily run just after
# midnight on the 1st therefore finishes the previous month; a monthly run covers the month that just ended.
RUN_MONTH = "{{ data_interval_start.in_timezone('Asia/Shanghai').strftime('%Y-%m') }}"


# The batch jobs' warehouse options (GridgovOptions); the password goes by environment, never on the command line.
WAREHOUSE_ARGS = [
    "--warehouse.jdbc-url=" + WAREHOUSE_JDBC_URL,
    "--warehouse.user=" + WAREHOUSE_USER,
    "--warehouse.dialect=doris",
    "--batch.month=" + RUN_MONTH,
]
SPARK_ENV = {"GRIDGOV_WAREHOUSE_PASSWORD": WAREHOUSE_PASSWORD}

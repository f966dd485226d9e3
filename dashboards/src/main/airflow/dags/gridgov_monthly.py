"""gridgov monthly: hot words, rising words, opinion risk, person risk scores and the grid workers' and units'
assessment (监督考核) of the month that just ended.

Runs at 04:00 on the 1st, after the nightly run that loaded the month's last day and finished its statistics
(gridgov_daily, 01:30): the sensor waits for that run's ``analytics_daily`` task.
"""
from datetime import timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

try:  # Airflow 3: the standard provider
    from airflow.providers.standard.sensors.external_task import ExternalTaskSensor
except ImportError:
    from airflow.sensors.external_task import ExternalTaskSensor

from gridgov_common import BATCH_JAR, LIB_DIR, START_DATE, TIMEZONE, WAREHOUSE_ARGS, data_intervals

DEFAULT_ARGS = {
    "owner": "gridgov",
    "depends_on_past": False,
    "retries": 2,
    "retry_delay": timedelta(minutes=15),
    "retry_exponential_backoff": True,
    "execution_timeout": timedelta(hours=4),
    # hot words segment every text of the month (HanLP); the leaders' monthly report is due by noon
    "sla": timedelta(hours=8),
}


def last_daily_run(logical_date, data_interval_end, **_):
    """The gridgov_daily run that loaded the month's last day: it ran at 01:30 on the 1st (this run's interval end)
    and, its data interval being the day before, its logical date is 01:30 on the month's last day. A fixed
    execution_delta cannot say this: the distance from this run's logical date (04:00 on the 1st of the month that
    ended) to it depends on the month's length."""
    first = data_interval_end.in_timezone(TIMEZONE)
    return first.subtract(days=1).replace(hour=1, minute=30, second=0, microsecond=0)


with DAG(
    dag_id="gridgov_monthly",
    description="hot words, rising words, opinion risk, person risk scores and 监督考核 of the previous month",
    schedule=data_intervals("0 4 1 * *"),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=10),
    default_args=DEFAULT_ARGS,
    tags=["gridgov", "spark"],
) as dag:
    month_loaded = ExternalTaskSensor(
        task_id="month_loaded",
        external_dag_id="gridgov_daily",
        external_task_id="analytics_daily",
        execution_date_fn=last_daily_run,
        allowed_states=["success"],
        failed_states=["failed", "upstream_failed"],
        mode="reschedule",
        poke_interval=300,
        timeout=6 * 3600,
    )
    hot_words_and_risk = SparkSubmitOperator(
        task_id="hot_words_and_risk",
        conn_id="spark_default",
        application=LIB_DIR + "/" + BATCH_JAR,
        java_class="org.gridgov.batch.AnalyticsJobs",
        name="gridgov-analytics-monthly",
        application_args=WAREHOUSE_ARGS + ["--analytics.jobs=hotwords,risk"],
    )
    # 监督考核 (issue 16): grid workers, communities, streets and departments scored by the rules in force in the month
    # (dim_assessment_rule) plus leaders' manual points (dwd_manual_score), both mirrored by the case service; a task
    # of its own so that clearing it after a late manual score re-runs the assessment alone (it replaces the month)
    assessment = SparkSubmitOperator(
        task_id="assessment",
        conn_id="spark_default",
        application=LIB_DIR + "/" + BATCH_JAR,
        java_class="org.gridgov.batch.AnalyticsJobs",
        name="gridgov-assessment-monthly",
        application_args=WAREHOUSE_ARGS + ["--analytics.jobs=assessment"],
    )
    month_loaded >> hot_words_and_risk
    month_loaded >> assessment

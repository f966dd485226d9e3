"""Replays a scheduled run of the gridgov DAGs as Airflow would start it, without Airflow.

Usage: python3 run_replay.py DAG_DIR CREATE_CRON_DATA_INTERVALS RUN_AT [RUN_AT ...]  ->  JSON on stdout
  RUN_AT: dag_id@YYYY-MM-DDTHH:MM in the DAG's time zone, the cron tick at which the scheduler starts the run.

1. The DAG files are executed against stand-ins of the Airflow classes they use (DAG, TaskGroup, BashOperator,
   SparkSubmitOperator, ExternalTaskSensor, the timetables, pendulum.datetime), which only record their arguments.
2. The schedule becomes a timetable as Airflow does it: a cron *string* goes through ``create_timetable``
   (task-sdk airflow/sdk/definitions/dag.py; airflow/models/dag.py in 2.x): CronDataIntervalTimetable when
   ``[scheduler] create_cron_data_intervals`` is True (the 2.x default), CronTriggerTimetable when False (the 3.x
   default). A timetable object passed as ``schedule=`` is used as it is.
3. The run's data interval comes from a replay of ``next_dagrun_info`` with catchup=False at the tick: upstream
   airflow/timetables/interval.py ``_DataIntervalTimetable.next_dagrun_info`` / ``CronDataIntervalTimetable.
   _skip_to_latest``, airflow/timetables/trigger.py ``_TriggerTimetable.next_dagrun_info``, and the cron alignment
   of airflow/timetables/_cron.py ``CronMixin`` (_get_next/_get_prev/_align_to_next/_align_to_prev). logical_date is
   the interval start (``DagRunInfo.interval``), stored in UTC.
4. Every operator's ``template_fields`` are rendered with Jinja2 (SandboxedEnvironment, StrictUndefined: the DAG
   default ``template_undefined``) and the context Airflow gives a task (``get_template_context``: ds/ds_nodash/ts
   from the UTC logical_date, data_interval_start/end, logical_date, var, conn). Connections and Variables get fake
   values; secrets start with "SECRET-" so their way onto a command line can be traced.
5. The sensor's ``execution_date_fn`` is called as ``ExternalTaskSensor._handle_execution_date_fn`` does:
   logical_date positionally, the rest of the context as keywords.
6. Command lines: a BashOperator runs ``bash -c <bash_command>`` with ``env`` in the environment
   (hooks/subprocess.py); a SparkSubmitOperator runs the argv built by the Spark provider's
   ``SparkSubmitHook._build_spark_common_args`` (providers/apache/spark/hooks/spark_submit.py), which on YARN and
   Kubernetes copies ``env_vars`` into ``--conf spark.yarn.appMasterEnv.K=V`` / ``spark.kubernetes.driverEnv.K=V``.
"""
import datetime as dt
import inspect
import json
import os
import re
import sys
import types
from zoneinfo import ZoneInfo

import jinja2
import jinja2.sandbox

UTC = dt.timezone.utc


# --- pendulum stand-in: the DateTime methods the DAG templates and callables use ------------------------------------

class DateTime(dt.datetime):
    @classmethod
    def of(cls, d):
        return cls(d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, tzinfo=d.tzinfo)

    def in_timezone(self, tz):
        return DateTime.of(self.astimezone(ZoneInfo(tz) if isinstance(tz, str) else tz))

    def subtract(self, **kw):
        return DateTime.of(self - dt.timedelta(**kw))

    def add(self, **kw):
        return DateTime.of(self + dt.timedelta(**kw))

    def replace(self, *a, **kw):
        return DateTime.of(dt.datetime.replace(self, *a, **kw))


def pendulum_datetime(year, month, day, hour=0, minute=0, second=0, tz="UTC"):
    return DateTime(year, month, day, hour, minute, second, tzinfo=ZoneInfo(tz) if isinstance(tz, str) else tz)


# --- cron, as croniter evaluates the five fields (minute hour day-of-month month day-of-week) -----------------------

def cron_field(text, low, high):
    values = set()
    for part in text.split(","):
        step = 1
        if "/" in part:
            part, step_text = part.split("/")
            step = int(step_text)
        if part == "*":
            start, end = low, high
        elif "-" in part:
            start, end = (int(x) for x in part.split("-"))
        else:
            start = end = int(part)
        values.update(range(start, end + 1, step))
    return values


class Cron:
    def __init__(self, expression):
        fields = expression.split()
        if len(fields) != 5:
            raise ValueError(f"not a five-field cron: {expression}")
        self.minutes = cron_field(fields[0], 0, 59)
        self.hours = cron_field(fields[1], 0, 23)
        self.doms = cron_field(fields[2], 1, 31)
        self.months = cron_field(fields[3], 1, 12)
        self.dows = {d % 7 for d in cron_field(fields[4], 0, 7)}
        self.dom_any, self.dow_any = fields[2] == "*", fields[4] == "*"

    def matches(self, naive):
        dom = naive.day in self.doms
        dow = (naive.isoweekday() % 7) in self.dows
        # croniter: when both day fields are restricted, either may match
        day = dom and dow if self.dom_any or self.dow_any else dom or dow
        return naive.minute in self.minutes and naive.hour in self.hours and naive.month in self.months and day

    def step(self, naive, direction):
        t = naive.replace(second=0, microsecond=0)
        if direction > 0 or t == naive:
            t += dt.timedelta(minutes=direction)
        for _ in range(60 * 24 * 366 * 5):
            if self.matches(t):
                return t
            t += dt.timedelta(minutes=direction)
        raise ValueError("no cron match within five years")


class CronMixin:
    """airflow/timetables/_cron.py: croniter on naive wall-clock times of the timetable's zone. (Asia/Shanghai has
    had no DST since 1991, so the DST corrections there do not apply.)"""

    def __init__(self, cron, timezone):
        self._expression = cron
        self._timezone = ZoneInfo(timezone) if isinstance(timezone, str) else timezone
        self._cron = Cron(cron)

    def _naive(self, current):
        return current.astimezone(self._timezone).replace(tzinfo=None)

    def _aware(self, naive):
        return DateTime.of(naive.replace(tzinfo=self._timezone)).in_timezone(UTC)

    def _get_next(self, current):
        return self._aware(self._cron.step(self._naive(current), +1))

    def _get_prev(self, current):
        return self._aware(self._cron.step(self._naive(current), -1))

    def _align_to_next(self, current):
        next_time = self._get_next(current)
        return next_time if self._get_prev(next_time) != current else current

    def _align_to_prev(self, current):
        prev_time = self._get_prev(current)
        return prev_time if self._get_next(prev_time) != current else current


class CronDataIntervalTimetable(CronMixin):
    """airflow/timetables/interval.py"""

    def _skip_to_latest(self, earliest, now):
        last_start = self._get_prev(now)
        next_start = self._get_next(last_start)
        if next_start == now:
            new_start = last_start
        elif next_start > now:
            new_start = self._get_prev(last_start)
        else:
            raise AssertionError("next schedule shouldn't be earlier")
        return new_start if earliest is None else max(new_start, self._align_to_next(earliest))

    def next_dagrun_info(self, earliest, now):
        start = self._skip_to_latest(earliest, now)  # catchup=False, first run
        return start, self._get_next(start)


class CronTriggerTimetable(CronMixin):
    """airflow/timetables/trigger.py"""

    def __init__(self, cron, *, timezone, interval=dt.timedelta(), run_immediately=False):
        super().__init__(cron, timezone)
        self._interval = interval

    def next_dagrun_info(self, earliest, now):
        candidates = [self._align_to_prev(now)]  # catchup=False
        if earliest is not None:
            candidates.append(self._align_to_next(earliest))
        next_start = max(candidates)
        return DateTime.of(next_start - self._interval), next_start


def create_timetable(schedule, timezone, create_cron_data_intervals):
    if isinstance(schedule, str):
        if create_cron_data_intervals:
            return CronDataIntervalTimetable(schedule, timezone)
        return CronTriggerTimetable(schedule, timezone=timezone)
    return schedule


# --- the Airflow classes the DAG files use, recording what they are given --------------------------------------------

class Recorded:
    dags = []
    _dag = None
    _groups = []


class DAG:
    def __init__(self, dag_id, **kwargs):
        self.dag_id, self.kwargs, self.tasks = dag_id, kwargs, []
        Recorded.dags.append(self)

    def __enter__(self):
        Recorded._dag = self
        return self

    def __exit__(self, *exc):
        Recorded._dag = None


class TaskGroup:
    def __init__(self, group_id, **kwargs):
        self.group_id = group_id

    def __enter__(self):
        Recorded._groups.append(self.group_id)
        return self

    def __exit__(self, *exc):
        Recorded._groups.pop()

    def __rshift__(self, other):
        return other

    def __rrshift__(self, other):
        return self


class Operator:
    template_fields = ()
    kind = "operator"

    def __init__(self, task_id, **kwargs):
        self.task_id = ".".join(Recorded._groups + [task_id])
        self.kwargs = kwargs
        Recorded._dag.tasks.append(self)

    def __rshift__(self, other):
        return other

    def __rrshift__(self, other):
        return self


class BashOperator(Operator):
    template_fields = ("bash_command", "env", "cwd")
    kind = "bash"


class SparkSubmitOperator(Operator):
    template_fields = ("application", "conf", "files", "py_files", "jars", "driver_class_path", "packages",
                       "exclude_packages", "keytab", "principal", "proxy_user", "name", "application_args",
                       "env_vars", "properties_file")
    kind = "spark"


class ExternalTaskSensor(Operator):
    template_fields = ("external_dag_id", "external_task_id", "external_task_ids", "external_task_group_id")
    kind = "sensor"


def install_stand_ins():
    def module(name, **attrs):
        m = types.ModuleType(name)
        m.__dict__.update(attrs)
        sys.modules[name] = m
        return m

    module("pendulum", datetime=pendulum_datetime, DateTime=DateTime)
    module("airflow", DAG=DAG)
    module("airflow.timetables")
    module("airflow.timetables.interval", CronDataIntervalTimetable=CronDataIntervalTimetable)
    module("airflow.timetables.trigger", CronTriggerTimetable=CronTriggerTimetable)
    module("airflow.utils")
    module("airflow.utils.task_group", TaskGroup=TaskGroup)
    for name in ("airflow.providers", "airflow.providers.apache", "airflow.providers.apache.spark",
                 "airflow.providers.apache.spark.operators", "airflow.providers.standard",
                 "airflow.providers.standard.operators", "airflow.providers.standard.sensors", "airflow.operators",
                 "airflow.sensors"):
        module(name)
    module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=SparkSubmitOperator)
    module("airflow.providers.standard.operators.bash", BashOperator=BashOperator)
    module("airflow.operators.bash", BashOperator=BashOperator)
    module("airflow.providers.standard.sensors.external_task", ExternalTaskSensor=ExternalTaskSensor)
    module("airflow.sensors.external_task", ExternalTaskSensor=ExternalTaskSensor)


def load_dags(dag_dir):
    install_stand_ins()
    sys.path.insert(0, dag_dir)
    sys.dont_write_bytecode = True
    for name in sorted(os.listdir(dag_dir)):
        if name.endswith(".py") and not name.endswith("_common.py"):
            path = os.path.join(dag_dir, name)
            code = compile(open(path, encoding="utf-8").read(), path, "exec")
            exec(code, {"__name__": name[:-3], "__file__": path})  # noqa: S102 - the DAG file, as Airflow parses it
    return {d.dag_id: d for d in Recorded.dags}


# --- the task context and rendering ----------------------------------------------------------------------------------

SECRET_VARIABLES = {"gridgov_pii_secret": "SECRET-pii-salt-0123456789"}


class VariableAccessor:
    def __init__(self, values):
        self._values = values

    def get(self, key, default=None):
        return self._values.get(key, default)

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        if key not in self._values:
            raise KeyError(f"Variable {key} does not exist")
        return self._values[key]


class Connection:
    def __init__(self, conn_id):
        self.conn_id = conn_id
        self.host, self.port, self.login = conn_id.replace("_", "-") + ".example", 9030, "gridgov"
        self.schema = "gridgov"
        self.password = "SECRET-" + conn_id
        self.extra_dejson = {}


class ConnectionAccessor:
    def __getattr__(self, conn_id):
        if conn_id.startswith("_"):
            raise AttributeError(conn_id)
        return Connection(conn_id)


def context_for(data_interval, dag_timezone):
    start, end = (DateTime.of(x).in_timezone(UTC) for x in data_interval)
    logical_date = start
    ds = logical_date.strftime("%Y-%m-%d")
    return {
        "data_interval_start": start, "data_interval_end": end, "logical_date": logical_date,
        "ds": ds, "ds_nodash": ds.replace("-", ""), "ts": logical_date.isoformat(),
        "ts_nodash": logical_date.strftime("%Y%m%dT%H%M%S"),
        "var": {"value": VariableAccessor(dict(SECRET_VARIABLES)), "json": VariableAccessor({})},
        "conn": ConnectionAccessor(),
        "run_id": "scheduled__" + logical_date.isoformat(),
    }


def render(value, env, context):
    if isinstance(value, str):
        return env.from_string(value).render(**context)
    if isinstance(value, (list, tuple)):
        return [render(v, env, context) for v in value]
    if isinstance(value, dict):
        return {k: render(v, env, context) for k, v in value.items()}
    return value


def spark_argv(kw, master, deploy_mode):
    """SparkSubmitHook._build_spark_submit_command with the connection's master and deploy mode."""
    args = ["spark-submit", "--master", master]
    for key, value in (kw.get("conf") or {}).items():
        args += ["--conf", f"{key}={value}"]
    env_vars = kw.get("env_vars")
    is_yarn, is_k8s = "yarn" in master, "k8s" in master
    if env_vars and (is_k8s or is_yarn):
        tmpl = "spark.yarn.appMasterEnv.{}={}" if is_yarn else "spark.kubernetes.driverEnv.{}={}"
        for key in env_vars:
            args += ["--conf", tmpl.format(key, str(env_vars[key]))]
    elif env_vars and deploy_mode == "cluster":
        raise ValueError("SparkSubmitHook env_vars is not supported in standalone-cluster mode.")
    for flag, key in (("--properties-file", "properties_file"), ("--files", "files"), ("--jars", "jars"),
                      ("--name", "name"), ("--class", "java_class")):
        if kw.get(key):
            args += [flag, kw[key]]
    if deploy_mode:
        args += ["--deploy-mode", deploy_mode]
    return args + [kw.get("application", "")] + list(kw.get("application_args") or [])


SPARK_MASTERS = [("local[*]", None), ("spark://spark-master:7077", "client"), ("yarn", "client"),
                 ("yarn", "cluster"), ("k8s://https://k8s:6443", "cluster")]


def secrets_on_command_lines(task, rendered):
    """Every place a secret value reaches a process's argv (what `ps` shows on the worker or the cluster)."""
    out = []
    if task.kind == "bash":
        argv = ["bash", "-c", rendered.get("bash_command", "")]
        out += [f"{task.task_id}: bash -c holds {s}" for s in re.findall(r"SECRET-[\w-]+", " ".join(argv))]
        for name, value in (rendered.get("env") or {}).items():
            if "SECRET-" in str(value) and re.search(r"\$\{?" + re.escape(name) + r"\b", rendered["bash_command"]):
                out.append(f"{task.task_id}: the command expands ${name} (a secret) into a command line")
    elif task.kind == "spark":
        kw = dict(task.kwargs, **rendered)
        for master, mode in SPARK_MASTERS:
            try:
                argv = spark_argv(kw, master, mode)
            except ValueError as e:
                out.append(f"{task.task_id} on {master} {mode}: {e}")
                continue
            for s in sorted(set(re.findall(r"SECRET-[\w-]+", " ".join(argv)))):
                out.append(f"{task.task_id} on {master} {mode or ''}: spark-submit argv holds {s}".replace("  ", " "))
    return out


def call_execution_date_fn(fn, context):
    """ExternalTaskSensor._handle_execution_date_fn: logical_date positionally, the rest of the context (and
    ``context`` itself) as keywords, filtered to the function's signature unless it takes **kwargs
    (utils/operator_helpers.py make_kwargs_callable)."""
    kwargs = {k: v for k, v in context.items() if k not in {"execution_date", "logical_date"}}
    kwargs["context"] = context
    params = inspect.signature(fn).parameters
    if not any(p.kind == p.VAR_KEYWORD for p in params.values()):
        kwargs = {k: v for k, v in kwargs.items() if k in params}
    return fn(context["logical_date"], **kwargs)


def replay_run(dags, dag_id, local_tick, create_cron_data_intervals):
    dag = dags[dag_id]
    schedule = dag.kwargs["schedule"]
    timezone = dag.kwargs["start_date"].tzinfo
    timetable = create_timetable(schedule, timezone, create_cron_data_intervals)
    now = DateTime.of(dt.datetime.fromisoformat(local_tick).replace(tzinfo=timezone)).in_timezone(UTC)
    start, end = timetable.next_dagrun_info(DateTime.of(dag.kwargs["start_date"]), now)
    if end != now:
        raise AssertionError(f"{dag_id}: the run due at {local_tick} has interval end {end}, not the tick")
    context = context_for((start, end), timezone)
    # airflow/models/dag.py get_template_env (task-sdk definitions/dag.py in 3.x)
    env = jinja2.sandbox.SandboxedEnvironment(undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.do"],
                                              cache_size=0)
    tasks = []
    for task in dag.tasks:
        rendered = {}
        for field in task.template_fields:
            if field in task.kwargs:
                rendered[field] = render(task.kwargs[field], env, context)
        entry = {"task_id": task.task_id, "kind": task.kind, "rendered": rendered,
                 "secrets_on_command_lines": secrets_on_command_lines(task, rendered)}
        if task.kind == "sensor" and task.kwargs.get("execution_date_fn"):
            target = call_execution_date_fn(task.kwargs["execution_date_fn"], context)
            entry["waits_for_logical_date"] = DateTime.of(target).in_timezone(UTC).isoformat()
        if task.kind == "spark":
            entry["java_class"] = task.kwargs.get("java_class")
        tasks.append(entry)
    return {"dag_id": dag_id, "tick": local_tick, "timetable": type(timetable).__name__,
            "data_interval_start": start.isoformat(), "data_interval_end": end.isoformat(),
            "logical_date": context["logical_date"].isoformat(), "ds": context["ds"], "tasks": tasks}


def main(dag_dir, create_cron_data_intervals, *runs):
    dags = load_dags(os.path.abspath(dag_dir))
    flag = create_cron_data_intervals.lower() == "true"
    out = [replay_run(dags, *run.split("@", 1), flag) for run in runs]
    json.dump({"create_cron_data_intervals": flag, "runs": out}, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(*sys.argv[1:])

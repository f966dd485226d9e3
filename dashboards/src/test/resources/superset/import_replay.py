"""Replays what Superset's dashboard importer does with each file of a bundle zip, without a Superset.

Usage: python3 import_replay.py BUNDLE.zip PASSWORDS.json  ->  JSON on stdout:
  {"profiles": [{"name": ..., "error": null | {"type", "message", "file", "step"}, "silent": [...],
                 "imported": {"databases": n, "datasets": n, "charts": n, "dashboards": n, "dashboard_charts": n}}]}

Marshmallow schemas only validate: ``load_configs`` keeps the raw YAML dict (``schema.load(config)`` then
``configs[file_name] = config``), so no schema default ever reaches the import functions, and every ``config["x"]``
below is a KeyError unless the file has the key. This script performs the same dict operations in the same order:
every key read without a default, every pop, every json.dumps/json.loads, the uuid -> id rewrites. Each step names
the upstream function it replays (apache/superset; paths as in 3.1 to 5.0). What needs Superset's database (ORM
look-ups, permissions, ``has_table``) is left out: the replay imports into an empty Superset as an admin, the
operator's first import.

Where released versions differ the replay runs each variant as a profile; the bundle must pass all of them:
  * superset-3.1-4.0: the dashboard command updates a chart inline and sets ``query_context`` to None
    (commands/dashboard/importers/v1/__init__.py ``_import``);
  * superset-4.1-5.0: it calls ``update_chart_config_dataset`` (commands/utils.py), which ``json.loads`` a
    non-null ``query_context`` (a YAML mapping there is a TypeError, not caught) and links the dashboard's charts
    with ``continue`` instead of ``break``.
Both pop ``allow_csv_upload`` without a default (commands/database/importers/v1/utils.py ``import_database``).

"Silent" findings are what the importer does not raise on but imports broken: a chart, dataset or database
skipped because its parent was not imported, a filter exclusion or a chart position dropped for an unknown id.
"""
import copy
import json
import sys
import zipfile
from pathlib import Path, PurePosixPath

import yaml

IMPORT_VERSION = "1.0.0"
PASSWORD_MASK = "X" * 10
# superset/config.py: ZIPPED_FILE_MAX_SIZE, ZIP_FILE_MAX_COMPRESS_RATIO (checked by utils/core.py check_is_safe_zip)
ZIPPED_FILE_MAX_SIZE = 100 * 1024 * 1024
ZIP_FILE_MAX_COMPRESS_RATIO = 200.0
# superset/migrations/shared/migrate_viz/processors.py: source_viz_type of every MigrateViz; import_chart rewrites
# these charts' params on import (chart/importers/v1/utils.py migrate_chart), so a bundle should not ship them
MIGRATED_VIZ_TYPES = {"treemap", "pivot_table", "dual_line", "sunburst", "line", "area", "bar", "dist_bar", "bubble",
                      "heatmap", "histogram", "sankey", "mapbox"}
# superset/security/analytics_db_safety.py check_sqlalchemy_uri (PREVENT_UNSAFE_DB_CONNECTIONS defaults to True)
UNSAFE_URI_SCHEMES = {"sqlite", "shillelagh", "shillelagh+apsw", "shillelagh+safe"}

PROFILES = [
    {"name": "superset-3.1-4.0", "chart_update": "reset_query_context", "link_charts": "break"},
    {"name": "superset-4.1-5.0", "chart_update": "update_chart_config_dataset", "link_charts": "continue"},
]


class ImportFailed(Exception):
    """Superset would answer "Import dashboard failed for an unknown reason" (or a validation error)."""

    def __init__(self, file, step, cause):
        super().__init__(f"{file}: {step}: {type(cause).__name__}: {cause}")
        self.file, self.step, self.cause = file, step, cause


def step(file, where, fn, *args):
    """Runs one replayed function; any exception is what Superset's import command would have raised there."""
    try:
        return fn(*args)
    except ImportFailed:
        raise
    except Exception as e:  # noqa: BLE001 - exactly what the importer lets through
        raise ImportFailed(file, where, e) from e


# --- superset/commands/importers/v1/utils.py ----------------------------------------------------------------------

def is_valid_config(file_name):
    path = Path(file_name)
    if path.name.startswith(".") or path.name.startswith("_"):
        return False
    return path.suffix.lower() in {".yaml", ".yml"}


def remove_root(file_path):
    return str(PurePosixPath(*PurePosixPath(file_path).parts[1:]))


def check_is_safe_zip(bundle):
    # superset/utils/core.py check_is_safe_zip
    uncompress_size = 0
    compress_size = 0
    for info in bundle.infolist():
        if info.file_size > ZIPPED_FILE_MAX_SIZE:
            raise ValueError("Found file with size above allowed threshold")
        uncompress_size += info.file_size
        compress_size += info.compress_size
    if compress_size and uncompress_size / compress_size > ZIP_FILE_MAX_COMPRESS_RATIO:
        raise ValueError("Zip compress ratio above allowed threshold")


def get_contents_from_bundle(bundle):
    check_is_safe_zip(bundle)
    return {remove_root(name): bundle.read(name).decode() for name in bundle.namelist() if is_valid_config(name)}


def load_metadata(contents):
    if "metadata.yaml" not in contents:
        raise KeyError("Missing metadata.yaml (IncorrectVersionError: the v1 command does not handle the bundle)")
    metadata = yaml.safe_load(contents["metadata.yaml"])
    if metadata.get("version") != IMPORT_VERSION:  # MetadataSchema: version validate.Equal(IMPORT_VERSION)
        raise ValueError(f"metadata.yaml version must be {IMPORT_VERSION}")
    return metadata


def validate_metadata_type(metadata, type_):
    if metadata and "type" in metadata and metadata["type"] != type_:
        raise ValueError(f"metadata.yaml type must be {type_}, got {metadata['type']}")


def uri_password(uri):
    # sqlalchemy.engine.url.make_url: scheme://user:password@host...
    rest = uri.split("://", 1)[1] if "://" in uri else ""
    userinfo = rest.split("@", 1)[0] if "@" in rest else ""
    return userinfo.split(":", 1)[1] if ":" in userinfo else None


def load_configs(contents, passwords):
    configs = {}
    for file_name, content in contents.items():
        if not content:
            continue
        prefix = file_name.split("/")[0]
        if f"{prefix}/" not in ("charts/", "dashboards/", "datasets/", "databases/"):
            continue
        config = step(file_name, "importers/v1/utils.py load_configs: load_yaml", yaml.safe_load, content)

        def passwords_and_validate(config=config, file_name=file_name, prefix=prefix):
            if file_name in passwords:
                config["password"] = passwords[file_name]
            elif prefix == "databases" and config.get("password"):
                pass
            # (an existing database's password would be used here; the replay imports into an empty Superset)
            if prefix == "databases":
                config["uuid"]  # noqa: B018 - read without default for the existing-password look-ups
                # databases/schemas.py ImportV1DatabaseSchema.validate_password
                if uri_password(config["sqlalchemy_uri"]) == PASSWORD_MASK and config.get("password") is None:
                    raise ValueError("Must provide a password for the database")

        step(file_name, "importers/v1/utils.py load_configs (passwords, ImportV1DatabaseSchema.validate_password)",
             passwords_and_validate)
        configs[file_name] = config
    return configs


# --- superset/commands/dashboard/importers/v1/utils.py -------------------------------------------------------------

def build_uuid_to_id_map(position):
    return {
        child["meta"]["uuid"]: child["meta"]["chartId"]
        for child in position.values()
        if isinstance(child, dict) and child["type"] == "CHART" and "uuid" in child["meta"]
    }


def find_chart_uuids(position):
    return set(build_uuid_to_id_map(position))


def find_native_filter_datasets(metadata):
    uuids = set()
    for native_filter in metadata.get("native_filter_configuration", []):
        for target in native_filter.get("targets", []):
            dataset_uuid = target.get("datasetUuid")
            if dataset_uuid:
                uuids.add(dataset_uuid)
    return uuids


def update_id_refs(config, chart_ids, dataset_info, silent, file_name):
    fixed = config.copy()
    old_ids = build_uuid_to_id_map(fixed["position"])
    id_map = {old_id: chart_ids[uuid] for uuid, old_id in old_ids.items() if uuid in chart_ids}

    metadata = fixed.get("metadata", {})
    if "timed_refresh_immune_slices" in metadata:
        metadata["timed_refresh_immune_slices"] = [id_map[old_id] for old_id in metadata["timed_refresh_immune_slices"]]
    if "filter_scopes" in metadata:
        metadata["filter_scopes"] = {
            str(id_map[int(old_id)]): columns
            for old_id, columns in metadata["filter_scopes"].items()
            if int(old_id) in id_map
        }
        for columns in metadata["filter_scopes"].values():
            for attributes in columns.values():
                attributes["immune"] = [id_map[old_id] for old_id in attributes["immune"] if old_id in id_map]
    if "expanded_slices" in metadata:
        metadata["expanded_slices"] = {
            str(id_map[int(old_id)]): value for old_id, value in metadata["expanded_slices"].items()
        }
    if "default_filters" in metadata:
        default_filters = json.loads(metadata["default_filters"])
        metadata["default_filters"] = json.dumps({
            str(id_map[int(old_id)]): value for old_id, value in default_filters.items() if int(old_id) in id_map
        })

    position = fixed.get("position", {})
    for node_id, child in position.items():
        if isinstance(child, dict) and child["type"] == "CHART" and "uuid" in child["meta"]:
            if child["meta"]["uuid"] in chart_ids:
                child["meta"]["chartId"] = chart_ids[child["meta"]["uuid"]]
            else:
                silent.append(f"{file_name}: position node {node_id} keeps chartId {child['meta'].get('chartId')} "
                              f"of chart {child['meta']['uuid']}, which was not imported: the dashboard shows a "
                              "missing chart")

    for native_filter in fixed.get("metadata", {}).get("native_filter_configuration", []):
        for target in native_filter.get("targets", []):
            dataset_uuid = target.pop("datasetUuid", None)
            if dataset_uuid:
                target["datasetId"] = dataset_info[dataset_uuid]["datasource_id"]
        scope_excluded = native_filter.get("scope", {}).get("excluded", [])
        if scope_excluded:
            kept = [id_map[old_id] for old_id in scope_excluded if old_id in id_map]
            dropped = [old_id for old_id in scope_excluded if old_id not in id_map]
            if dropped:
                silent.append(f"{file_name}: native filter {native_filter.get('name')} loses the exclusion of "
                              f"chart ids {dropped} (no imported chart has them), so it filters those charts")
            native_filter["scope"]["excluded"] = kept
    return fixed


def import_dashboard(config):
    config["uuid"]  # noqa: B018 - existing = ...filter_by(uuid=config["uuid"])
    config = config.copy()
    if "metadata" in config and "show_native_filters" in config["metadata"]:
        del config["metadata"]["show_native_filters"]
    for key, new_name in {"position": "position_json", "metadata": "json_metadata"}.items():
        if config.get(key) is not None:
            value = config.pop(key)
            config[new_name] = json.dumps(value)
    # models/helpers.py ImportExportMixin.import_from_dict: dashboard_title is NOT NULL
    if not config.get("dashboard_title"):
        raise ValueError("dashboard_title is empty (NOT NULL column)")
    return config


# --- superset/commands/database/importers/v1/utils.py ---------------------------------------------------------------

def import_database(config):
    config["uuid"]  # noqa: B018 - existing = ...filter_by(uuid=config["uuid"])
    scheme = config["sqlalchemy_uri"].split("://", 1)[0].lower()  # check_sqlalchemy_uri(make_url_safe(...))
    if scheme in UNSAFE_URI_SCHEMES:
        raise ValueError(f"{scheme} cannot be used as a data source for security reasons")
    # https://github.com/apache/superset/pull/16756 renamed ``csv`` to ``file``.
    config["allow_file_upload"] = config.pop("allow_csv_upload")
    if "schemas_allowed_for_csv_upload" in config["extra"]:
        config["extra"]["schemas_allowed_for_file_upload"] = config["extra"].pop("schemas_allowed_for_csv_upload")
    config["extra"] = json.dumps(config["extra"])
    config.pop("ssh_tunnel", None)
    config.pop("sqlalchemy_uri")
    if not config.get("database_name"):
        raise ValueError("database_name is empty (NOT NULL column)")
    return config


# --- superset/commands/dataset/importers/v1/utils.py ----------------------------------------------------------------

def import_dataset(config):
    config["uuid"]  # noqa: B018 - existing = ...filter_by(uuid=config["uuid"])
    config = config.copy()
    for key in ("params", "template_params", "extra"):  # JSON_KEYS
        if config.get(key) is not None:
            try:
                config[key] = json.dumps(config[key])
            except TypeError:
                pass  # logged and kept as is
    for key in ("metrics", "columns"):
        for attributes in config.get(key, []):
            if attributes.get("extra") is not None:
                try:
                    attributes["extra"] = json.dumps(attributes["extra"])
                except TypeError:
                    attributes["extra"] = None
    # SqlaTable.import_from_dict(config, recursive=True): export_parent "database" needs database_id, which _import
    # set; children are imported per entry of columns and metrics
    if "database_id" not in config:
        raise RuntimeError("SqlaTable: Missing field database_id")
    if not config.get("table_name"):
        raise ValueError("table_name is empty (NOT NULL column)")
    return config


# --- superset/commands/chart/importers/v1/utils.py ------------------------------------------------------------------

def import_chart(config, silent, file_name):
    config["uuid"]  # noqa: B018 - existing = ...filter_by(uuid=config["uuid"])
    # filter_chart_annotations
    params = config.get("params", {})
    als = params.get("annotation_layers", [])
    params["annotation_layers"] = [al for al in als if al.get("annotationType") == "FORMULA"]
    config["params"] = json.dumps(config["params"])
    # migrate_chart
    if config["viz_type"] in MIGRATED_VIZ_TYPES:
        silent.append(f"{file_name}: viz_type {config['viz_type']} is a legacy chart that the importer migrates "
                      "(its params are rewritten); export it again from a current Superset")
    # Slice.import_from_dict: export_parent "table" needs datasource_id, set from the dataset
    if "datasource_id" not in config:
        raise RuntimeError("Slice: Missing field datasource_id")
    return config


# --- superset/commands/utils.py (4.1+) ------------------------------------------------------------------------------

def update_chart_config_dataset(config, dataset_info):
    config.update(dataset_info)
    dataset_uid = f"{dataset_info['datasource_id']}__{dataset_info['datasource_type']}"
    config["params"].update({"datasource": dataset_uid})
    if "query_context" in config and config["query_context"] is not None:
        try:
            query_context = json.loads(config["query_context"])
            query_context["datasource"] = {"id": dataset_info["datasource_id"], "type": dataset_info["datasource_type"]}
            if "form_data" in query_context:
                query_context["form_data"]["datasource"] = dataset_uid
            if "queries" in query_context:
                for query in query_context["queries"]:
                    if "datasource" in query:
                        query["datasource"] = query_context["datasource"]
            config["query_context"] = json.dumps(query_context)
        except json.JSONDecodeError:
            config["query_context"] = None
    return config


def reset_query_context(config, dataset_dict):
    # 3.1-4.0: inline in ImportDashboardsCommand._import
    config.update(dataset_dict)
    dataset_uid = f"{dataset_dict['datasource_id']}__{dataset_dict['datasource_type']}"
    config["params"].update({"datasource": dataset_uid})
    if "query_context" in config:
        config["query_context"] = None
    return config


# --- superset/commands/dashboard/importers/v1/__init__.py ImportDashboardsCommand -----------------------------------

def run(zip_path, passwords, profile):
    silent = []
    imported = {"databases": 0, "datasets": 0, "charts": 0, "dashboards": 0, "dashboard_charts": 0}
    with zipfile.ZipFile(zip_path) as bundle:
        contents = step(zip_path, "importers/v1/utils.py get_contents_from_bundle", get_contents_from_bundle, bundle)
    # ImportModelsCommand.validate (commands/importers/v1/__init__.py)
    metadata = step("metadata.yaml", "importers/v1/utils.py load_metadata", load_metadata, contents)
    step("metadata.yaml", "importers/v1/utils.py validate_metadata_type", validate_metadata_type, metadata, "Dashboard")
    configs = load_configs(contents, passwords)

    # ImportDashboardsCommand._import
    chart_uuids, dataset_uuids = set(), set()
    for file_name, config in configs.items():
        if file_name.startswith("dashboards/"):
            where = "dashboard/importers/v1/__init__.py _import: find_chart_uuids(config['position'])"
            chart_uuids.update(step(file_name, where, lambda c=config: find_chart_uuids(c["position"])))
            where = "dashboard/importers/v1/__init__.py _import: find_native_filter_datasets"
            dataset_uuids.update(step(file_name, where, lambda c=config: find_native_filter_datasets(
                c.get("metadata", {}))))
    for file_name, config in configs.items():
        if file_name.startswith("charts/"):
            where = "dashboard/importers/v1/__init__.py _import: charts of the dashboards"
            if step(file_name, where, lambda c=config: c["uuid"] in chart_uuids):
                dataset_uuids.add(step(file_name, where, lambda c=config: c["dataset_uuid"]))
            else:
                silent.append(f"{file_name}: on no dashboard's position, so the dashboard import leaves it out")
    database_uuids = set()
    for file_name, config in configs.items():
        if file_name.startswith("datasets/"):
            where = "dashboard/importers/v1/__init__.py _import: datasets of the charts and filters"
            if step(file_name, where, lambda c=config: c["uuid"] in dataset_uuids):
                database_uuids.add(step(file_name, where, lambda c=config: c["database_uuid"]))

    database_ids = {}
    for file_name, config in configs.items():
        if file_name.startswith("databases/") and step(file_name, "_import", lambda c=config: c["uuid"]) in database_uuids:
            step(file_name, "database/importers/v1/utils.py import_database", import_database, config)
            database_ids[str(config["uuid"])] = len(database_ids) + 1
            imported["databases"] += 1

    dataset_info = {}
    for file_name, config in configs.items():
        if not file_name.startswith("datasets/"):
            continue
        if step(file_name, "_import: config['database_uuid']", lambda c=config: c["database_uuid"]) in database_ids:
            config["database_id"] = database_ids[config["database_uuid"]]
            step(file_name, "dataset/importers/v1/utils.py import_dataset", import_dataset, config)
            dataset_info[str(config["uuid"])] = {"datasource_id": len(dataset_info) + 1, "datasource_type": "table",
                                                 "datasource_name": config["table_name"]}
            imported["datasets"] += 1
        else:
            silent.append(f"{file_name}: its database {config['database_uuid']} was not imported, so it is skipped")

    chart_ids = {}
    for file_name, config in configs.items():
        if not file_name.startswith("charts/"):
            continue
        if step(file_name, "_import: config['dataset_uuid']", lambda c=config: c["dataset_uuid"]) in dataset_info:
            dataset_dict = dataset_info[config["dataset_uuid"]]
            if profile["chart_update"] == "update_chart_config_dataset":
                config = step(file_name, "commands/utils.py update_chart_config_dataset", update_chart_config_dataset,
                              config, dataset_dict)
            else:
                config = step(file_name, "dashboard/importers/v1/__init__.py _import (chart datasource update)",
                              reset_query_context, config, dataset_dict)
            step(file_name, "chart/importers/v1/utils.py import_chart", import_chart, config, silent, file_name)
            chart_ids[str(config["uuid"])] = len(chart_ids) + 1
            imported["charts"] += 1
        else:
            silent.append(f"{file_name}: its dataset {config['dataset_uuid']} was not imported, so it is skipped")

    for file_name, config in configs.items():
        if not file_name.startswith("dashboards/"):
            continue
        config = step(file_name, "dashboard/importers/v1/utils.py update_id_refs", update_id_refs, config, chart_ids,
                      dataset_info, silent, file_name)
        step(file_name, "dashboard/importers/v1/utils.py import_dashboard", import_dashboard, config)
        imported["dashboards"] += 1
        for chart_uuid in sorted(find_chart_uuids(config["position"])):
            if chart_uuid not in chart_ids:
                if profile["link_charts"] == "break":
                    silent.append(f"{file_name}: chart {chart_uuid} was not imported, and the importer stops linking "
                                  "this dashboard's remaining charts there (break)")
                    break
                continue
            imported["dashboard_charts"] += 1
    return silent, imported


def main(zip_path, passwords_path):
    with open(passwords_path, encoding="utf-8") as f:
        passwords = json.load(f)
    out = []
    for profile in PROFILES:
        result = {"name": profile["name"], "error": None, "silent": [], "imported": None}
        try:
            result["silent"], result["imported"] = run(zip_path, copy.deepcopy(passwords), profile)
        except ImportFailed as e:
            result["error"] = {"type": type(e.cause).__name__, "message": str(e.cause), "file": e.file,
                               "step": e.step}
        out.append(result)
    json.dump({"profiles": out}, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

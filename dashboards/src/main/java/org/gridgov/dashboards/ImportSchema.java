package org.gridgov.dashboards;

import java.util.Map;
import java.util.Set;

/**
 * The keys Superset's v1 importer validates, per kind of file, written down from its marshmallow schemas
 * (apache/superset, Superset 1.x to 4.x):
 * <ul>
 *   <li>{@code superset/commands/importers/v1/utils.py} {@code MetadataSchema}: version (required, must equal
 *       {@code IMPORT_VERSION} "1.0.0"), type, timestamp;</li>
 *   <li>{@code superset/databases/schemas.py} {@code ImportV1DatabaseSchema}: database_name, sqlalchemy_uri, uuid,
 *       version required;</li>
 *   <li>{@code superset/datasets/schemas.py} {@code ImportV1DatasetSchema}: table_name, uuid, version,
 *       database_uuid required; {@code ImportV1ColumnSchema}: column_name required; {@code ImportV1MetricSchema}:
 *       metric_name and expression required;</li>
 *   <li>{@code superset/charts/schemas.py} {@code ImportV1ChartSchema}: slice_name, viz_type, uuid, version,
 *       dataset_uuid required;</li>
 *   <li>{@code superset/dashboards/schemas.py} {@code ImportV1DashboardSchema}: dashboard_title, uuid, version
 *       required.</li>
 * </ul>
 * marshmallow rejects keys a schema does not declare, so the allowed keys are the ones every version from 1.x on
 * declares: a key added later (a chart's {@code description}, a dataset's {@code catalog}) would make an older
 * Superset refuse the whole import. Required fields may not be null either (marshmallow's default).
 * {@code allow_csv_upload} is optional to the schema but required by the importer ({@code import_database} pops it
 * without a default); that and every other code-path rule is replayed by the test resource
 * {@code superset/import_replay.py}, not here.
 */
final class ImportSchema {

    record Keys(Set<String> required, Set<String> allowed) {}

    static final Keys METADATA = new Keys(Set.of("version"), Set.of("version", "type", "timestamp"));

    static final Keys DATABASE = new Keys(
            Set.of("database_name", "sqlalchemy_uri", "uuid", "version"),
            Set.of(
                    "database_name",
                    "sqlalchemy_uri",
                    "password",
                    "cache_timeout",
                    "expose_in_sqllab",
                    "allow_run_async",
                    "allow_ctas",
                    "allow_cvas",
                    "allow_csv_upload",
                    "extra",
                    "uuid",
                    "version"));

    static final Keys DATASET = new Keys(
            Set.of("table_name", "uuid", "version", "database_uuid"),
            Set.of(
                    "table_name",
                    "main_dttm_col",
                    "description",
                    "default_endpoint",
                    "offset",
                    "cache_timeout",
                    "schema",
                    "sql",
                    "params",
                    "template_params",
                    "filter_select_enabled",
                    "fetch_values_predicate",
                    "extra",
                    "uuid",
                    "columns",
                    "metrics",
                    "version",
                    "database_uuid"));

    static final Keys COLUMN = new Keys(
            Set.of("column_name"),
            Set.of(
                    "column_name",
                    "verbose_name",
                    "is_dttm",
                    "is_active",
                    "type",
                    "groupby",
                    "filterable",
                    "expression",
                    "description",
                    "python_date_format"));

    static final Keys METRIC = new Keys(
            Set.of("metric_name", "expression"),
            Set.of(
                    "metric_name",
                    "verbose_name",
                    "metric_type",
                    "expression",
                    "description",
                    "d3format",
                    "extra",
                    "warning_text"));

    static final Keys CHART = new Keys(
            Set.of("slice_name", "viz_type", "uuid", "version", "dataset_uuid"),
            Set.of(
                    "slice_name",
                    "viz_type",
                    "params",
                    "query_context",
                    "cache_timeout",
                    "uuid",
                    "version",
                    "dataset_uuid"));

    static final Keys DASHBOARD = new Keys(
            Set.of("dashboard_title", "uuid", "version"),
            Set.of("dashboard_title", "description", "css", "slug", "uuid", "position", "metadata", "version"));

    /**
     * Keys of a dashboard's {@code metadata} that {@code DashboardJSONMetadataSchema} (superset/dashboards/schemas.py)
     * knows; the importer stores the metadata as it is, but the dashboard's properties editor validates it later.
     */
    static final Set<String> DASHBOARD_METADATA = Set.of(
            "native_filter_configuration",
            "chart_configuration",
            "global_chart_configuration",
            "filter_sets_configuration",
            "timed_refresh_immune_slices",
            "filter_scopes",
            "expanded_slices",
            "refresh_frequency",
            "default_filters",
            "stagger_refresh",
            "stagger_time",
            "color_scheme",
            "color_namespace",
            "positions",
            "label_colors",
            "shared_label_colors",
            "color_scheme_domain",
            "cross_filters_enabled",
            "import_time",
            "remote_id",
            "filter_bar_orientation",
            "native_filter_migration");

    /** Folder prefix → schema, as the importer's {@code schemas} dict maps them. */
    static final Map<String, Keys> BY_FOLDER =
            Map.of("databases/", DATABASE, "datasets/", DATASET, "charts/", CHART, "dashboards/", DASHBOARD);

    /** The IMPORT_VERSION the importer accepts, and the mask its exports put in place of a database password. */
    static final String VERSION = "1.0.0";

    static final String PASSWORD_MASK = "XXXXXXXXXX";

    private ImportSchema() {}
}

package org.gridgov.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Superset's importer would refuse, or import into something broken, found without a Superset: keys the import
 * schemas require or do not know ({@link ImportSchema}), malformed or duplicate uuids, references that do not resolve
 * (chart → dataset, dataset → database, dashboard position → chart, native filter → dataset column and chart ids),
 * charts on no dashboard (a dashboard import only brings in the charts its position names), and a database password
 * in the file instead of Superset's mask.
 */
public final class BundleStructureCheck {

    private static final Pattern URI_PASSWORD = Pattern.compile("^[a-z0-9+]+://[^:/@]*:([^@]*)@");

    private BundleStructureCheck() {}

    /** Every problem found, one sentence each naming the file; empty when the bundle is sound. */
    public static List<String> problems(SupersetBundle bundle) {
        List<String> out = new ArrayList<>();
        metadata(bundle, out);
        Map<String, String> uuidOwners = new HashMap<>();
        for (String path : bundle.paths()) {
            JsonNode yaml = bundle.file(path).orElseThrow();
            if (path.equals(SupersetBundle.METADATA)) {
                continue;
            }
            String folder = path.contains("/") ? path.substring(0, path.indexOf('/') + 1) : "";
            ImportSchema.Keys keys = ImportSchema.BY_FOLDER.get(folder);
            if (keys == null) {
                out.add(path + ": not in databases/, datasets/, charts/ or dashboards/; the importer ignores it");
                continue;
            }
            keys(path, yaml, keys, out);
            if (!ImportSchema.VERSION.equals(Yaml.text(yaml, "version"))) {
                out.add(path + ": version must be " + ImportSchema.VERSION);
            }
            String uuid = Yaml.text(yaml, "uuid");
            if (uuid(path, "uuid", uuid, out)) {
                String other = uuidOwners.put(uuid, path);
                if (other != null) {
                    out.add(path + ": uuid " + uuid + " is also the uuid of " + other);
                }
            }
        }
        databases(bundle, out);
        datasets(bundle, out);
        charts(bundle, out);
        dashboards(bundle, out);
        return out;
    }

    private static void metadata(SupersetBundle bundle, List<String> out) {
        Optional<JsonNode> m = bundle.file(SupersetBundle.METADATA);
        if (m.isEmpty()) {
            out.add(SupersetBundle.METADATA + " is missing: the importer rejects the bundle");
            return;
        }
        keys(SupersetBundle.METADATA, m.get(), ImportSchema.METADATA, out);
        if (!ImportSchema.VERSION.equals(Yaml.text(m.get(), "version"))) {
            out.add(SupersetBundle.METADATA + ": version must be " + ImportSchema.VERSION);
        }
        String type = Yaml.text(m.get(), "type");
        if (type != null && !type.equals("Dashboard")) {
            out.add(SupersetBundle.METADATA + ": type " + type
                    + " is not Dashboard; the dashboard importer refuses it");
        }
    }

    private static void keys(String where, JsonNode yaml, ImportSchema.Keys keys, List<String> out) {
        for (String k : keys.required()) {
            if (!yaml.hasNonNull(k)) {
                out.add(where + ": required key " + k + " is missing or null");
            }
        }
        for (Iterator<String> it = yaml.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.allowed().contains(k)) {
                out.add(where + ": unknown key " + k + " (the import schema rejects it)");
            }
        }
    }

    private static boolean uuid(String where, String field, String value, List<String> out) {
        if (value == null) {
            return false;
        }
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            out.add(where + ": " + field + " " + value + " is not a UUID");
            return false;
        }
    }

    private static void databases(SupersetBundle bundle, List<String> out) {
        for (BundleDatabase d : bundle.databases()) {
            if (d.sqlalchemyUri() == null) {
                continue;
            }
            Matcher m = URI_PASSWORD.matcher(d.sqlalchemyUri());
            if (m.find() && !m.group(1).equals(ImportSchema.PASSWORD_MASK)) {
                out.add(d.path() + ": sqlalchemy_uri holds a password; write " + ImportSchema.PASSWORD_MASK
                        + " and give the password at import");
            }
            if (d.yaml().has("password")) {
                out.add(d.path() + ": password must not be stored in the bundle");
            }
        }
    }

    private static void datasets(SupersetBundle bundle, List<String> out) {
        Set<String> databases = new HashSet<>();
        bundle.databases().forEach(d -> databases.add(d.uuid()));
        Set<String> used = new HashSet<>();
        bundle.charts().forEach(c -> used.add(c.datasetUuid()));
        bundle.dashboards()
                .forEach(d -> d.nativeFilters().forEach(f -> f.targets().forEach(t -> used.add(t.datasetUuid()))));
        for (BundleDataset d : bundle.datasets()) {
            if (uuid(d.path(), "database_uuid", d.databaseUuid(), out) && !databases.contains(d.databaseUuid())) {
                out.add(d.path() + ": database_uuid " + d.databaseUuid() + " is no database of the bundle");
            }
            if (!used.contains(d.uuid())) {
                out.add(d.path() + ": no chart or filter uses this dataset, so a dashboard import leaves it out");
            }
            Set<String> names = new HashSet<>();
            int i = 0;
            for (JsonNode c : d.yaml().path("columns")) {
                keys(d.path() + " columns[" + i++ + "]", c, ImportSchema.COLUMN, out);
                if (!names.add(Yaml.text(c, "column_name"))) {
                    out.add(d.path() + ": column " + Yaml.text(c, "column_name") + " declared twice");
                }
            }
            i = 0;
            Set<String> metricNames = new HashSet<>();
            for (JsonNode m : d.yaml().path("metrics")) {
                keys(d.path() + " metrics[" + i++ + "]", m, ImportSchema.METRIC, out);
                String name = Yaml.text(m, "metric_name");
                if (!metricNames.add(name)) {
                    out.add(d.path() + ": metric " + name + " defined twice");
                }
                if (names.contains(name)) {
                    // Superset sorts by the metric's alias; on MySQL-like engines an alias equal to a column name
                    // can bind to the column instead, and Explore shows two different things under one name
                    out.add(d.path() + ": metric " + name + " has the name of a column; give it its own name");
                }
            }
            String dttm = Yaml.text(d.yaml(), "main_dttm_col");
            if (dttm != null
                    && d.column(dttm).filter(BundleDataset.Column::dttm).isEmpty()) {
                out.add(d.path() + ": main_dttm_col " + dttm + " is not a declared temporal column");
            }
        }
    }

    private static void charts(SupersetBundle bundle, List<String> out) {
        Set<String> onDashboards = new HashSet<>();
        bundle.dashboards().forEach(d -> d.charts().forEach(c -> onDashboards.add(c.chartUuid())));
        for (BundleChart c : bundle.charts()) {
            if (uuid(c.path(), "dataset_uuid", c.datasetUuid(), out)
                    && bundle.dataset(c.datasetUuid()).isEmpty()) {
                out.add(c.path() + ": dataset_uuid " + c.datasetUuid() + " is no dataset of the bundle");
            }
            if (!c.yaml().path("params").isObject()) {
                out.add(c.path() + ": params must be a mapping (the importer writes the datasource into it)");
            } else if (c.vizType() != null
                    && !c.vizType().equals(c.params().path("viz_type").asText(c.vizType()))) {
                out.add(c.path() + ": params.viz_type differs from viz_type");
            }
            if (!onDashboards.contains(c.uuid())) {
                out.add(c.path() + ": on no dashboard, so importing the dashboards leaves it out");
            }
        }
    }

    private static void dashboards(SupersetBundle bundle, List<String> out) {
        Set<String> slugs = new HashSet<>();
        for (BundleDashboard d : bundle.dashboards()) {
            String slug = Yaml.text(d.yaml(), "slug");
            if (slug != null && !slugs.add(slug)) {
                out.add(d.path() + ": slug " + slug + " is used by another dashboard");
            }
            position(d, out);
            Map<Integer, BundleChart> byId = new HashMap<>();
            for (BundleDashboard.ChartRef ref : d.charts()) {
                Optional<BundleChart> chart = bundle.chart(ref.chartUuid());
                if (chart.isEmpty()) {
                    out.add(d.path() + ": " + ref.nodeId() + " places chart " + ref.chartUuid()
                            + " that is not in the bundle");
                }
                if (!ref.chartId().canConvertToInt()) {
                    out.add(d.path() + ": " + ref.nodeId()
                            + " has no integer meta.chartId (filter scopes refer to it)");
                } else if (byId.containsKey(ref.chartId().asInt())) {
                    out.add(d.path() + ": chartId " + ref.chartId().asInt() + " used by two CHART nodes");
                } else {
                    byId.put(ref.chartId().asInt(), chart.orElse(null));
                }
            }
            for (Iterator<String> it = d.metadata().fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!ImportSchema.DASHBOARD_METADATA.contains(k)) {
                    out.add(d.path() + ": metadata key " + k + " is unknown to Superset's dashboard metadata schema");
                }
            }
            nativeFilters(bundle, d, byId, out);
        }
    }

    /**
     * The importer reads {@code type} of every mapping in the position (a KeyError otherwise); the dashboard renders
     * only nodes reachable from ROOT_ID through {@code children}.
     */
    private static void position(BundleDashboard d, List<String> out) {
        JsonNode pos = d.position();
        if (!pos.isObject()) {
            out.add(d.path() + ": position is missing; the dashboard would be empty");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = pos.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                continue;
            }
            if (!e.getValue().hasNonNull("type")) {
                out.add(d.path() + ": position node " + e.getKey() + " has no type");
            }
            for (JsonNode child : e.getValue().path("children")) {
                if (!pos.has(child.asText())) {
                    out.add(d.path() + ": position node " + e.getKey() + " has a missing child " + child.asText());
                }
            }
        }
        Set<String> reachable = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of("ROOT_ID"));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            if (reachable.add(id)) {
                pos.path(id).path("children").forEach(c -> todo.add(c.asText()));
            }
        }
        for (BundleDashboard.ChartRef ref : d.charts()) {
            if (!reachable.contains(ref.nodeId())) {
                out.add(d.path() + ": " + ref.nodeId() + " is not under ROOT_ID, so it is never shown");
            }
        }
    }

    /**
     * A native filter names a dataset column to take its values from and excludes charts by chartId; a chart in its
     * scope whose dataset lacks the column is silently not filtered, which on a drill-down by street shows district
     * totals as if they were the street's, so that is a problem too.
     */
    private static void nativeFilters(
            SupersetBundle bundle, BundleDashboard d, Map<Integer, BundleChart> charts, List<String> out) {
        Set<String> ids = new HashSet<>();
        for (BundleDashboard.NativeFilter f : d.nativeFilters()) {
            String where = d.path() + ": native filter " + f.name();
            if (f.id() == null || !ids.add(f.id())) {
                out.add(where + " has no id or a duplicate one");
            }
            Set<String> columns = new HashSet<>();
            for (BundleDashboard.FilterTarget t : f.targets()) {
                Optional<BundleDataset> ds = bundle.dataset(t.datasetUuid());
                if (ds.isEmpty()) {
                    out.add(where + " targets dataset " + t.datasetUuid() + " that is not in the bundle");
                } else if (t.column() == null || ds.get().column(t.column()).isEmpty()) {
                    out.add(where + " targets column " + t.column() + " that "
                            + ds.get().tableName() + " does not declare");
                }
                if (t.column() != null) {
                    columns.add(t.column());
                }
            }
            Set<Integer> excluded = new HashSet<>();
            for (JsonNode id : f.excludedChartIds()) {
                if (!id.canConvertToInt() || !charts.containsKey(id.asInt())) {
                    out.add(where + " excludes chart id " + id + " that is not on this dashboard");
                } else {
                    excluded.add(id.asInt());
                }
            }
            charts.forEach((id, chart) -> {
                if (chart == null || excluded.contains(id)) {
                    return;
                }
                Optional<BundleDataset> ds = bundle.dataset(chart.datasetUuid());
                for (String column : columns) {
                    if (ds.isPresent() && ds.get().column(column).isEmpty()) {
                        out.add(where + " has chart " + chart.path() + " in scope, but its dataset "
                                + ds.get().tableName() + " has no column " + column + "; exclude it from the scope");
                    }
                }
            });
        }
    }
}

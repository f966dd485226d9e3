package org.gridgov.ingestion.datax;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.model.SourceType;
import org.gridgov.loading.OdsMapper;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * A DataX job as this platform writes them: one {@code content} entry with a {@code txtfilereader} or
 * {@code mysqlreader}, the {@value #TRANSFORMER} transformer naming the source and the JSON field each reader column
 * feeds, and a {@code doriswriter} (current layout: {@code connection[0].jdbcUrl/selectedDatabase/table[0]}, the
 * older flat {@code jdbcUrl/database/table} is read too) whose columns are exactly the ODS table's.
 *
 * <p>Parsing checks the structure against the warehouse catalogue ({@link #check()} errors name the JSON path);
 * placeholders may stay unresolved until {@link #requireRunnable()}, which only looks at what the local runner uses.
 */
public record DataxJob(String name, Setting setting, Reader reader, Transform transform, DorisWriter writer) {

    /** The transformer that validates, protects PII and maps rows to ODS columns (the step vanilla DataX lacks). */
    public static final String TRANSFORMER = "gridgov_ods";

    public record Setting(int channel, Long errorRecordLimit, Double errorPercentageLimit) {}

    /** A reader of the job: where rows come from and the column list in transformer-field order. */
    public sealed interface Reader permits TxtFileReader, MysqlReader {
        String pluginName();

        int columnCount();
    }

    /** One reader column of a txtfilereader: a file column ({@code index}) or a constant ({@code value}). */
    public record Column(Integer index, String value, String type, String format) {
        boolean isConstant() {
            return index == null;
        }
    }

    public record TxtFileReader(
            List<String> paths,
            String encoding,
            char fieldDelimiter,
            boolean skipHeader,
            String nullFormat,
            boolean useTextQualifier,
            String compress,
            List<Column> columns)
            implements Reader {
        @Override
        public String pluginName() {
            return "txtfilereader";
        }

        @Override
        public int columnCount() {
            return columns.size();
        }

        public Charset charset() {
            return Charset.forName(encoding);
        }
    }

    public record Connection(String jdbcUrl, List<String> tables, List<String> querySqls) {}

    public record MysqlReader(
            String username, String password, List<String> columns, List<Connection> connections, String where)
            implements Reader {
        @Override
        public String pluginName() {
            return "mysqlreader";
        }

        @Override
        public int columnCount() {
            return columns.size();
        }
    }

    /** The {@value #TRANSFORMER} step: which source the rows are, and the record field of each reader column. */
    public record Transform(SourceType source, List<String> fields) {}

    public record DorisWriter(
            List<String> loadUrl,
            String jdbcUrl,
            String database,
            String table,
            List<String> columns,
            String username,
            String password,
            List<String> preSql,
            List<String> postSql,
            Map<String, String> loadProps,
            String labelPrefix) {}

    /** Reads and checks a job file, substituting the parameters that are set. */
    public static DataxJob load(Path file, JobParams params) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        return parse(name, Files.readString(file, StandardCharsets.UTF_8), params);
    }

    public static DataxJob parse(String name, String json, JobParams params) {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new JobException(name + ": not valid JSON: " + e.getOriginalMessage());
        }
        substitute(root, params);
        JsonNode job = required(root, "job", "$");
        JsonNode content = required(job, "content", "job");
        if (!content.isArray() || content.size() != 1) {
            throw new JobException(name + ": job.content must hold exactly one reader/writer pair");
        }
        JsonNode entry = content.get(0);
        DataxJob parsed =
                new DataxJob(name, setting(job.path("setting")), reader(entry), transform(name, entry), writer(entry));
        parsed.check();
        return parsed;
    }

    private static void substitute(JsonNode node, JobParams params) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            it.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                if (e.getValue().isTextual()) {
                    o.set(
                            e.getKey(),
                            new TextNode(params.substitute(e.getValue().asText())));
                } else {
                    substitute(e.getValue(), params);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, new TextNode(params.substitute(a.get(i).asText())));
                } else {
                    substitute(a.get(i), params);
                }
            }
        }
    }

    private static Setting setting(JsonNode s) {
        int channel = s.path("speed").path("channel").asInt(1);
        JsonNode limit = s.path("errorLimit");
        Long records = limit.hasNonNull("record") ? limit.get("record").asLong() : null;
        Double percentage =
                limit.hasNonNull("percentage") ? limit.get("percentage").asDouble() : null;
        return new Setting(Math.max(1, channel), records, percentage);
    }

    private static Reader reader(JsonNode entry) {
        JsonNode reader = required(entry, "reader", "job.content[0]");
        String plugin = required(reader, "name", "reader").asText();
        JsonNode p = required(reader, "parameter", "reader");
        return switch (plugin) {
            case "txtfilereader" -> txtFileReader(p);
            case "mysqlreader" -> mysqlReader(p);
            default ->
                throw new JobException(
                        "reader " + plugin + " is not supported by the local runner " + "(txtfilereader, mysqlreader)");
        };
    }

    private static TxtFileReader txtFileReader(JsonNode p) {
        List<String> paths = texts(required(p, "path", "reader.parameter"), "reader.parameter.path");
        String delimiter = p.path("fieldDelimiter").asText(",");
        if (delimiter.length() != 1) {
            throw new JobException("reader.parameter.fieldDelimiter must be one character, got '" + delimiter + "'");
        }
        String encoding = p.path("encoding").asText("UTF-8");
        try {
            Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new JobException("reader.parameter.encoding: unknown charset " + encoding);
        }
        boolean textQualifier =
                p.path("csvReaderConfig").path("useTextQualifier").asBoolean(true);
        String compress = p.path("compress").asText("");
        if (!compress.isEmpty() && !compress.equalsIgnoreCase("gzip")) {
            throw new JobException(
                    "reader.parameter.compress: the local runner reads plain or gzip files, not " + compress);
        }
        JsonNode cols = required(p, "column", "reader.parameter");
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            JsonNode c = cols.get(i);
            String path = "reader.parameter.column[" + i + "]";
            if (!c.isObject()) {
                throw new JobException(path + ": expected {\"index\": n, \"type\": t} or {\"value\": v, \"type\": t}");
            }
            String type = required(c, "type", path).asText().toLowerCase();
            if (!Set.of("string", "long", "double", "boolean", "date").contains(type)) {
                throw new JobException(path + ".type: " + type + " is not one of string, long, double, boolean, date");
            }
            boolean hasIndex = c.has("index");
            boolean hasValue = c.has("value");
            if (hasIndex == hasValue) {
                throw new JobException(path + ": needs exactly one of index and value");
            }
            Integer index = hasIndex ? c.get("index").asInt(-1) : null;
            if (index != null && index < 0) {
                throw new JobException(path + ".index must be a column number from 0");
            }
            String format = c.hasNonNull("format") ? c.get("format").asText() : null;
            if (format != null) {
                try {
                    CellConverter.formatter(format);
                } catch (IllegalArgumentException e) {
                    throw new JobException(path + ".format: " + e.getMessage());
                }
            }
            columns.add(new Column(index, hasValue ? c.get("value").asText() : null, type, format));
        }
        return new TxtFileReader(
                paths,
                encoding,
                delimiter.charAt(0),
                p.path("skipHeader").asBoolean(false),
                p.has("nullFormat") ? p.get("nullFormat").asText() : "\\N",
                textQualifier,
                compress,
                columns);
    }

    private static MysqlReader mysqlReader(JsonNode p) {
        List<String> columns = texts(required(p, "column", "reader.parameter"), "reader.parameter.column");
        JsonNode conns = required(p, "connection", "reader.parameter");
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            JsonNode c = conns.get(i);
            String path = "reader.parameter.connection[" + i + "]";
            List<String> urls = texts(required(c, "jdbcUrl", path), path + ".jdbcUrl");
            List<String> tables = c.has("table") ? texts(c.get("table"), path + ".table") : List.of();
            List<String> queries = c.has("querySql") ? texts(c.get("querySql"), path + ".querySql") : List.of();
            if (tables.isEmpty() == queries.isEmpty()) {
                throw new JobException(path + ": needs either table or querySql");
            }
            connections.add(new Connection(urls.get(0), tables, queries));
        }
        return new MysqlReader(
                p.path("username").asText(null),
                p.path("password").asText(null),
                columns,
                connections,
                p.path("where").asText(""));
    }

    private static Transform transform(String name, JsonNode entry) {
        JsonNode list = entry.path("transformer");
        if (!list.isArray()
                || list.size() != 1
                || !TRANSFORMER.equals(list.get(0).path("name").asText())) {
            throw new JobException(name + ": job.content[0].transformer must be exactly [{\"name\": \"" + TRANSFORMER
                    + "\", ...}]: validation and PII protection happen there, and no other transformer is supported");
        }
        JsonNode p = required(list.get(0), "parameter", "transformer[0]");
        String code = required(p, "source", "transformer[0].parameter").asText();
        SourceType source;
        try {
            source = SourceType.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new JobException("transformer[0].parameter.source: " + e.getMessage());
        }
        return new Transform(
                source, texts(required(p, "fields", "transformer[0].parameter"), "transformer[0].parameter.fields"));
    }

    private static DorisWriter writer(JsonNode entry) {
        JsonNode writer = required(entry, "writer", "job.content[0]");
        String plugin = required(writer, "name", "writer").asText();
        if (!plugin.equals("doriswriter")) {
            throw new JobException("writer " + plugin + " is not supported: jobs load Doris with doriswriter");
        }
        JsonNode p = required(writer, "parameter", "writer");
        JsonNode conn = p.path("connection").path(0);
        String jdbcUrl = conn.isMissingNode()
                ? p.path("jdbcUrl").asText(null)
                : conn.path("jdbcUrl").asText(null);
        String database = conn.isMissingNode()
                ? p.path("database").asText(null)
                : conn.path("selectedDatabase").asText(conn.path("database").asText(null));
        String table = conn.isMissingNode()
                ? p.path("table").asText(null)
                : conn.path("table").path(0).asText(null);
        if (database == null || table == null) {
            throw new JobException("writer.parameter.connection[0] needs selectedDatabase and table");
        }
        Map<String, String> loadProps = new LinkedHashMap<>();
        p.path("loadProps")
                .fields()
                .forEachRemaining(e -> loadProps.put(e.getKey(), e.getValue().asText()));
        return new DorisWriter(
                p.has("loadUrl") ? texts(p.get("loadUrl"), "writer.parameter.loadUrl") : List.of(),
                jdbcUrl,
                database,
                table,
                texts(required(p, "column", "writer.parameter"), "writer.parameter.column"),
                p.path("username").asText(null),
                p.path("password").asText(null),
                optionalTexts(p.get("preSql"), "writer.parameter.preSql"),
                optionalTexts(p.get("postSql"), "writer.parameter.postSql"),
                loadProps,
                p.path("labelPrefix").asText(null));
    }

    /** Structural checks against the warehouse catalogue and the source's record fields. */
    void check() {
        Table ods = OdsMapper.odsTable(transform.source());
        if (!writer.table().equals(ods.name())) {
            throw new JobException(name + ": writer table " + writer.table() + " is not the ODS table of "
                    + transform.source().code() + " (" + ods.name() + ")");
        }
        if (!writer.database().equals(WarehouseSchema.DATABASE)) {
            throw new JobException(
                    name + ": writer database must be " + WarehouseSchema.DATABASE + ", got " + writer.database());
        }
        if (!writer.columns().equals(ods.columnNames())) {
            throw new JobException(name + ": writer columns differ from " + ods.name()
                    + " in the catalogue:\n  job:       " + writer.columns() + "\n  catalogue: " + ods.columnNames());
        }
        if (!writer.preSql().isEmpty() || !writer.postSql().isEmpty()) {
            throw new JobException(
                    name + ": preSql/postSql are not supported: loads are idempotent upserts and need none");
        }
        List<String> known = RecordFields.of(transform.source());
        Set<String> seen = new HashSet<>();
        for (String f : transform.fields()) {
            if (!known.contains(f)) {
                throw new JobException(name + ": transformer field '" + f + "' is not a field of "
                        + transform.source().code() + " records " + known);
            }
            if (!seen.add(f)) {
                throw new JobException(name + ": transformer field '" + f + "' is mapped twice");
            }
        }
        for (String needed :
                List.of(transform.source().idField(), transform.source().eventTimeField(), "schema_version")) {
            if (!seen.contains(needed)) {
                throw new JobException(name + ": transformer fields must include " + needed);
            }
        }
        if (reader.columnCount() != transform.fields().size()) {
            throw new JobException(name + ": reader has " + reader.columnCount() + " columns but the transformer maps "
                    + transform.fields().size() + " fields; they pair up by position");
        }
    }

    /** Fails naming the parameters the local runner needs but were not given. */
    public void requireRunnable() {
        List<String> missing = new ArrayList<>();
        if (reader instanceof TxtFileReader t) {
            t.paths().forEach(p -> missing.addAll(JobParams.unresolved(p)));
        } else if (reader instanceof MysqlReader m) {
            missing.addAll(JobParams.unresolved(m.username()));
            missing.addAll(JobParams.unresolved(m.password()));
            missing.addAll(JobParams.unresolved(m.where()));
            for (Connection c : m.connections()) {
                missing.addAll(JobParams.unresolved(c.jdbcUrl()));
                c.tables().forEach(x -> missing.addAll(JobParams.unresolved(x)));
                c.querySqls().forEach(x -> missing.addAll(JobParams.unresolved(x)));
            }
        }
        if (!missing.isEmpty()) {
            List<String> distinct = missing.stream().distinct().toList();
            throw new JobException(name + ": job parameters not set: "
                    + distinct.stream()
                            .map(n -> n + " (--param." + n + "=... or " + JobParams.envName(n) + ")")
                            .toList());
        }
    }

    public Table odsTable() {
        return OdsMapper.odsTable(transform.source());
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new JobException(path + "." + field + " is required");
        }
        return v;
    }

    private static List<String> optionalTexts(JsonNode node, String path) {
        return node == null || node.isNull() || (node.isArray() && node.isEmpty()) ? List.of() : texts(node, path);
    }

    private static List<String> texts(JsonNode node, String path) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new JobException(path + " must be a non-empty list of strings");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A job file that cannot run, with the JSON path of the problem. */
    public static final class JobException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public JobException(String message) {
            super(message);
        }
    }
}

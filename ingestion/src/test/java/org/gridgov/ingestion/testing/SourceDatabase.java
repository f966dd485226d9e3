package org.gridgov.ingestion.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.ingestion.datax.DataxJob;

/**
 * A source system's table as a mysqlreader job reads it, built in the embedded MariaDB from the job's own column
 * list: times as DATETIME, coordinates as DOUBLE, amounts as DECIMAL, the rest as text, plus the
 * {@code modified_time} the jobs' incremental {@code where} filters on.
 */
public final class SourceDatabase {

    private SourceDatabase() {}

    /** Creates {@code db.table} for the job and inserts the records a typed table can hold; returns how many. */
    public static int load(Connection c, String db, DataxJob job, List<JsonNode> records) throws SQLException {
        DataxJob.MysqlReader reader = (DataxJob.MysqlReader) job.reader();
        String table = reader.connections().get(0).tables().get(0);
        List<String> columns = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < reader.columns().size(); i++) {
            if (!reader.columns().get(i).matches("[0-9]+")) {
                columns.add(reader.columns().get(i));
                fields.add(job.transform().fields().get(i));
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + db + " CHARACTER SET utf8mb4");
            s.execute("DROP TABLE IF EXISTS " + db + "." + table);
            StringBuilder ddl = new StringBuilder("CREATE TABLE " + db + "." + table + " (");
            for (int i = 0; i < columns.size(); i++) {
                ddl.append(columns.get(i))
                        .append(' ')
                        .append(type(fields.get(i)))
                        .append(", ");
            }
            ddl.append("modified_time DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            s.execute(ddl.toString());
        }
        String insert = "INSERT INTO " + db + "." + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (JsonNode r : records) {
                if (!fits(r, fields)) {
                    continue;
                }
                for (int i = 0; i < fields.size(); i++) {
                    JsonNode v = r.get(fields.get(i));
                    // a patrol's track is a JSON column of the source table
                    ps.setString(
                            i + 1,
                            v == null || v.isNull()
                                    ? null
                                    : v.isContainerNode()
                                            ? v.toString()
                                            : v.isBigDecimal()
                                                    ? v.decimalValue().toPlainString()
                                                    : v.asText());
                }
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
        }
        return n;
    }

    /** A typed table cannot hold a malformed time or a non-numeric coordinate; such records never reach it. */
    public static boolean fits(JsonNode r, List<String> fields) {
        for (String f : fields) {
            JsonNode v = r.get(f);
            if (v == null || v.isNull()) {
                continue;
            }
            if (type(f).equals("DATETIME")) {
                try {
                    LocalDateTime.parse(v.asText(), Json.TIME);
                } catch (DateTimeParseException e) {
                    return false;
                }
            } else if (!type(f).startsWith("VARCHAR") && !type(f).equals("MEDIUMTEXT")) {
                try {
                    Double.parseDouble(v.asText());
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    static String type(String field) {
        if (field.endsWith("_time") || field.equals("deadline")) {
            return "DATETIME";
        }
        return switch (field) {
            case "latitude", "longitude", "check_out_latitude", "check_out_longitude" -> "DOUBLE";
            case "amount_yuan" -> "DECIMAL(16, 2)";
            case "worker_count", "group_size", "satisfaction" -> "INT";
            case "content", "project_name", "track" -> "MEDIUMTEXT";
            default -> "VARCHAR(200)";
        };
    }
}

package org.gridgov.ingestion.datax;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import org.gridgov.common.json.Json;
import org.gridgov.common.validation.RecordDecoder;

/**
 * Reads one table (or query) of a DataX {@code mysqlreader} job over JDBC, streaming rows. Every column is read as
 * text ({@code getString}), as DataX hands it to a writer; DATETIME columns come out as {@code yyyy-MM-dd HH:mm:ss}.
 * A row's position is {@code table:n}, n counting rows in the query's order, so a table's dead letters are
 * deterministic as long as the query returns rows in a stable order (give {@code querySql} an ORDER BY).
 */
public final class MysqlRecordReader implements RecordReader {

    private final String name;
    private final List<String> columns;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final LocalDateTime started = LocalDateTime.now(RecordDecoder.ZONE).withNano(0);
    private long ordinal;

    /** Opens the connection and starts the query; {@code table} null means {@code querySql} is the statement. */
    public MysqlRecordReader(DataxJob.MysqlReader spec, String jdbcUrl, String table, String querySql, int index)
            throws IOException {
        this.columns = spec.columns();
        this.name = table != null ? table : "query" + index;
        String sql = table != null
                ? "SELECT " + String.join(", ", columns) + " FROM " + table
                        + (spec.where().isBlank() ? "" : " WHERE " + spec.where())
                : querySql;
        Properties p = new Properties();
        if (spec.username() != null) {
            p.setProperty("user", spec.username());
        }
        if (spec.password() != null && !spec.password().isEmpty()) {
            p.setProperty("password", spec.password());
        }
        p.setProperty("connectTimeout", "10000");
        try {
            this.connection = DriverManager.getConnection(jdbcUrl, p);
            // forward-only, read-only, fetch size MIN_VALUE: the MySQL driver streams instead of loading the table
            this.statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(Integer.MIN_VALUE);
            this.rows = statement.executeQuery(sql);
            if (rows.getMetaData().getColumnCount() != columns.size()) {
                throw new IOException(
                        name + ": the query returns " + rows.getMetaData().getColumnCount()
                                + " columns, the job's column list has " + columns.size());
            }
        } catch (SQLException e) {
            throw new IOException(
                    "mysqlreader cannot read " + name + " at " + safeUrl(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputRecord next() throws IOException {
        try {
            if (!rows.next()) {
                return null;
            }
            ordinal++;
            String[] cells = new String[columns.size()];
            ObjectNode payload = Json.mapper().createObjectNode();
            for (int i = 0; i < cells.length; i++) {
                cells[i] = rows.getString(i + 1);
                payload.put(columns.get(i), cells[i]);
            }
            return InputRecord.read(Positions.of(name, ordinal), ordinal, cells, payload.toString());
        } catch (SQLException e) {
            throw new IOException("reading " + name + " failed after " + ordinal + " rows: " + e.getMessage(), e);
        }
    }

    static String safeUrl(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String inputName() {
        return name;
    }

    @Override
    public LocalDateTime receivedTime() {
        return started;
    }

    @Override
    public String sha256() {
        return null;
    }

    @Override
    public String notes() {
        return ordinal == 0 ? "no rows" : "";
    }

    @Override
    public void close() throws IOException {
        try (connection;
                statement;
                rows) {
            // closes all three, result set first
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}

package org.gridgov.loading.write;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * The MySQL {@code LOAD DATA} text of a table's rows and the statement that loads it: tab-separated, {@code \N} for
 * NULL, backslash escapes, UTF-8. One format for the bulk path of {@link JdbcBatchWriter} and for the ingest
 * benchmark's plain {@code LOAD DATA} ceiling, so the two load byte-identical files with the same statement.
 */
public final class LoadDataFile {

    private final Table table;
    private final StringBuilder line = new StringBuilder(512);

    public LoadDataFile(Table table) {
        this.table = table;
    }

    /** Appends one row as a line; refuses a row of another table or with another column count. */
    public void append(TableRow r, Writer out) throws IOException {
        if (!r.table.equals(table.name()) || r.values.length != table.columns().size()) {
            throw new IllegalArgumentException("row " + r + " does not fit table " + table.name());
        }
        line.setLength(0);
        for (int i = 0; i < r.values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            escape(r.values[i], line);
        }
        line.append('\n');
        out.append(line);
    }

    /**
     * {@code LOAD DATA LOCAL INFILE '<file>' REPLACE INTO TABLE <target>}: a row with an existing key replaces it,
     * as the upsert does. {@code target} is the (possibly database-qualified, already quoted) table to load into, with
     * this table's columns; {@code null} means this table in the connection's database.
     */
    public String statement(Path file, String target) {
        String path = file.toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'");
        return "LOAD DATA LOCAL INFILE '" + path + "' REPLACE INTO TABLE "
                + (target == null ? SqlDialect.quote(table.name()) : target)
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + String.join(", ", table.columnNames().stream().map(SqlDialect::quote).toList()) + ")";
    }

    /**
     * Runs a {@link #statement} and fails on any warning: a truncated or converted value is a silent change, which a
     * strict INSERT would have refused. Returns the server's update count (rows inserted plus rows replaced twice).
     */
    public long load(Statement s, Path file, String target) throws SQLException {
        s.execute(statement(file, target));
        long count = s.getLargeUpdateCount();
        int warnings = 0;
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            warnings++;
        }
        if (warnings > 0) {
            throw new SQLException("LOAD DATA into " + table.name() + " gave " + warnings + " warnings, first: "
                    + s.getWarnings().getMessage());
        }
        return count;
    }

    /** MySQL LOAD DATA text: \N is NULL; backslash, tab, line breaks and NUL are escaped. */
    static void escape(String v, StringBuilder out) {
        if (v == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(ch);
            }
        }
    }
}

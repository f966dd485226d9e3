package org.gridgov.loading.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Arrays;
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
    private byte[] line = new byte[1024];
    private int length;
    /** The value being escaped, copied out of its String at once: {@code charAt} per character checked the index
     * every time and was a quarter of the escaping CPU on Chinese (UTF-16) strings (issue 15). */
    private char[] chars = new char[256];

    public LoadDataFile(Table table) {
        this.table = table;
    }

    /**
     * Appends one row as a line; refuses a row of another table or with another column count. Encodes each value's
     * characters as UTF-8 straight into the reused line buffer, escaping as it goes: no byte array per value (a
     * {@code String.getBytes} per value was a sixth of a writer thread's CPU, issue 15). The characters LOAD DATA
     * escapes are ASCII, and no byte of a multi-byte UTF-8 sequence is below 0x80, so escaping characters is the
     * same as escaping the bytes; {@code LoadDataFileTest} pins the output to {@code getBytes(UTF_8)}'s on random
     * strings, including its '?' for a lone surrogate.
     */
    public void append(TableRow r, OutputStream out) throws IOException {
        if (!r.table.equals(table.name()) || r.values.length != table.columns().size()) {
            throw new IllegalArgumentException("row " + r + " does not fit table " + table.name());
        }
        length = 0;
        for (int i = 0; i < r.values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            String v = r.values[i];
            if (v == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else {
                escape(v);
            }
        }
        put((byte) '\n');
        out.write(line, 0, length);
    }

    /** Appends {@code v} as escaped UTF-8. */
    private void escape(String v) {
        int n = v.length();
        // worst case: 3 bytes per char (a surrogate pair is 2 chars for 4 bytes; an escape 1 char for 2 bytes)
        ensure(3 * n);
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        char[] cs = chars;
        v.getChars(0, n, cs, 0);
        byte[] b = line;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                if (c > '\r' && c != '\\') {
                    // the common case first: nothing to escape (every escaped character is '\\' or below '\r')
                    b[at++] = (byte) c;
                    continue;
                }
                byte escaped =
                        switch (c) {
                            case '\\' -> '\\';
                            case '\t' -> 't';
                            case '\n' -> 'n';
                            case '\r' -> 'r';
                            case 0 -> '0';
                            default -> -1;
                        };
                if (escaped == -1) {
                    b[at++] = (byte) c;
                } else {
                    b[at++] = '\\';
                    b[at++] = escaped;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                int cp = Character.toCodePoint(c, cs[++i]);
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                // a lone surrogate is not text: String.getBytes(UTF_8) writes '?' for it, and so do we
                b[at++] = '?';
            }
        }
        length = at;
    }

    private void put(byte b) {
        ensure(1);
        line[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + more));
        }
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
                + String.join(
                        ", ",
                        table.columnNames().stream().map(SqlDialect::quote).toList()) + ")";
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

    /** The line of one value (tests): \N is NULL; backslash, tab, line breaks and NUL are escaped. */
    static String escaped(String v) {
        return new String(escapedBytes(v), StandardCharsets.UTF_8);
    }

    /** {@link #escaped} as the bytes written (tests). */
    static byte[] escapedBytes(String v) {
        if (v == null) {
            return new byte[] {'\\', 'N'};
        }
        LoadDataFile f = new LoadDataFile(null);
        f.escape(v);
        return Arrays.copyOf(f.line, f.length);
    }
}

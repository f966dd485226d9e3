package org.gridgov.ingestion.datax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record into cells: fields separated by a one-character delimiter; with text qualifiers on, a field
 * that starts with {@code "} runs to the matching quote ({@code ""} is a quote inside it) and may span lines.
 * A quote inside an unquoted field is kept as text, as spreadsheet exports write it.
 */
final class CsvLine {

    /** Either the cells, or "needs the next line" (a quoted field is still open), or an error. */
    record Result(String[] cells, boolean open, String error) {
    }

    private CsvLine() {
    }

    static Result parse(String text, char delimiter, boolean quotes) {
        List<String> cells = new ArrayList<>();
        int n = text.length();
        int i = 0;
        StringBuilder cell = new StringBuilder();
        while (true) {
            cell.setLength(0);
            if (quotes && i < n && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                        } else {
                            closed = true;
                            i++;
                            break;
                        }
                    } else {
                        cell.append(c);
                        i++;
                    }
                }
                if (!closed) {
                    return new Result(null, true, null);
                }
                if (i < n && text.charAt(i) != delimiter) {
                    return new Result(null, false, "text after the closing quote of column " + (cells.size() + 1)
                            + " (a quote inside a quoted field must be doubled)");
                }
            } else {
                int end = text.indexOf(delimiter, i);
                if (end < 0) {
                    end = n;
                }
                cell.append(text, i, end);
                i = end;
            }
            cells.add(cell.toString());
            if (i >= n) {
                return new Result(cells.toArray(String[]::new), false, null);
            }
            i++; // the delimiter
            if (i == n) {
                cells.add("");
                return new Result(cells.toArray(String[]::new), false, null);
            }
        }
    }

    /** Quotes a cell for writing when it holds the delimiter, a quote or a line break. */
    static String quote(String cell, char delimiter) {
        if (cell == null) {
            return "";
        }
        boolean needs = cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}

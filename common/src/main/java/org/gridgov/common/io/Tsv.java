package org.gridgov.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The platform's tab-separated files (the reference data under {@code gridgov/}, word lists, mappings), read with
 * Commons CSV in one {@link #FORMAT}: UTF-8, a tab between cells, no quoting (a {@code "} is text, as in the Chinese
 * templates), a line starting with {@code #} is a comment, blank lines are skipped.
 */
public final class Tsv {

    /** Tab-separated without quoting; {@code #} at the start of a line comments it out; empty lines are skipped. */
    public static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter('\t')
            .setQuote(null)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setRecordSeparator('\n')
            .build();

    /** One data line: its cells and its physical line number (comments and blank lines counted, as editors show). */
    public record Row(long line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return cells.get(index);
        }
    }

    private Tsv() {}

    /** A classpath file with one header row: each row as header name → cell, in column order. */
    public static List<Map<String, String>> read(String resource) {
        List<Row> rows = rows(open(resource), resource);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).cells();
        List<Map<String, String>> out = new ArrayList<>();
        for (Row r : rows.subList(1, rows.size())) {
            if (r.cells().size() != header.size()) {
                throw new IllegalStateException(resource + ":" + r.line() + " has "
                        + r.cells().size() + " fields, header has " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.cell(i));
            }
            out.add(row);
        }
        return out;
    }

    /** The single column of a one-column file with a header. */
    public static List<String> column(String resource) {
        return read(resource).stream().map(m -> m.values().iterator().next()).toList();
    }

    /**
     * Every data line of {@code in} (header included, if the file has one), closing {@code in}. A line of blanks only
     * counts as blank; {@code origin} names the input in errors.
     */
    public static List<Row> rows(Reader in, String origin) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            for (CSVRecord r : parser) {
                List<String> cells = r.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                // records never span lines without quoting, so the parser's line count is this record's line
                rows.add(new Row(parser.getCurrentLineNumber(), cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin, e);
        }
        return rows;
    }

    /** A classpath file, for {@link #rows}. */
    public static Reader open(String resource) {
        InputStream in = Tsv.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference file missing from the classpath: " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}

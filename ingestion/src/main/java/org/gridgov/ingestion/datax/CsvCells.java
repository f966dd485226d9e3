package org.gridgov.ingestion.datax;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits one CSV record into cells with Commons CSV, configured like the parser DataX's {@code txtfilereader} uses
 * (alibaba/DataX {@code UnstructuredStorageReaderUtil.readCsv}: javacsv {@code CsvReader} with the job's
 * {@code fieldDelimiter} and {@code csvReaderConfig}): a one-character delimiter; with text qualifiers on
 * ({@code useTextQualifier}, the default) a field that starts with {@code "} runs to the matching quote ({@code ""}
 * is a quote inside it, javacsv's doubled escape mode) and may span lines; no backslash escape; a quote inside an
 * unquoted field is text. Two deliberate differences, both as this reader always behaved: surrounding spaces are
 * kept (javacsv trims them by default), and text after a closing quote rejects the record (javacsv drops it).
 *
 * <p>{@link TextFileRecordReader} frames physical lines itself (bytes, encoding per line) and hands one record's text
 * here, so a stray quote costs one line instead of swallowing the file (a line without any quote character is split at
 * its delimiters directly, which is the same result without a parser per line): "still open" (the text ends inside a
 * quoted field: read the next line) and a malformed quoted field are answers, not exceptions.
 */
final class CsvCells {

    /** Either the cells, or "needs the next line" (a quoted field is still open), or an error. */
    record Result(String[] cells, boolean open, String error) {}

    private final char delimiter;
    private final boolean quotes;
    private final CSVFormat format;
    /** The same format tolerating text after a closing quote: to count the cells before a malformed one. */
    private final CSVFormat lenient;

    private CsvCells(char delimiter, boolean quotes) {
        this.delimiter = delimiter;
        this.quotes = quotes;
        CSVFormat.Builder b = CSVFormat.Builder.create()
                .setDelimiter(delimiter)
                .setQuote(quotes ? Character.valueOf('"') : null)
                .setEscape((Character) null)
                .setRecordSeparator("\n")
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrailingData(false)
                .setLenientEof(false);
        this.format = b.get();
        this.lenient = b.setTrailingData(true).setLenientEof(true).get();
    }

    static CsvCells of(char delimiter, boolean quotes) {
        return new CsvCells(delimiter, quotes);
    }

    Result parse(String text) {
        if (!quotes || text.indexOf('"') < 0) {
            // nothing to unquote (most lines of an export): the cells are the text between delimiters, which is what
            // Commons CSV returns too, without building a parser per line (it copies its format and buffer each time)
            return new Result(split(text), false, null);
        }
        try {
            return new Result(record(text, format), false, null);
        } catch (IOException | UncheckedIOException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("EOF reached before encapsulated token finished")) {
                return new Result(null, true, null);
            }
            if (why.contains("between encapsulated token and delimiter")) {
                return new Result(
                        null,
                        false,
                        "text after the closing quote of column " + column(text, why)
                                + " (a quote inside a quoted field must be doubled)");
            }
            return new Result(null, false, "cannot split the line into columns: " + why);
        }
    }

    /** The column of the malformed field: the cells the lenient format sees up to the reported position. */
    private int column(String text, String message) {
        int at = message.lastIndexOf("position: ");
        try {
            int position = Integer.parseInt(message.substring(at + "position: ".length())
                    .replace(",", "")
                    .trim());
            return record(text.substring(0, Math.min(text.length(), position)), lenient).length;
        } catch (RuntimeException | IOException e) {
            return 1;
        }
    }

    private String[] split(String text) {
        int n = 1;
        for (int i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, i + 1)) {
            n++;
        }
        String[] cells = new String[n];
        int from = 0;
        for (int c = 0; c < n - 1; c++) {
            int to = text.indexOf(delimiter, from);
            cells[c] = text.substring(from, to);
            from = to + 1;
        }
        cells[n - 1] = text.substring(from);
        return cells;
    }

    private static String[] record(String text, CSVFormat format) throws IOException {
        if (text.isEmpty()) {
            return new String[] {""};
        }
        // a buffer of the text's size: Commons CSV's default of 8 KiB per line would dominate the cost
        try (CSVParser p = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .setBufferSize(Math.max(16, text.length()))
                .get()) {
            Iterator<CSVRecord> records = p.iterator();
            return records.next().values();
        }
    }
}

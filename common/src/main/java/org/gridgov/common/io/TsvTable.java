package org.gridgov.common.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * A user's tab-separated data file with a header row (a text export to classify, labelled texts), read and written
 * with Commons CSV. Unlike the platform's reference files ({@link Tsv}), a cell may be quoted, so it can hold tabs,
 * line breaks and {@code "} ({@code "他说""不管"""}, as spreadsheets and pandas write them); an unquoted cell keeps
 * its quotes as text; nothing is a comment. Lines stream: a file of any size is read row by row.
 */
public final class TsvTable implements Closeable, Iterable<TsvTable.Line> {

    /** Tab-separated, {@code "} quotes a cell when needed, no comments, {@code \n} between records. */
    public static final CSVFormat FORMAT = CSVFormat.Builder.create()
            .setDelimiter('\t')
            .setQuote('"')
            .setQuoteMode(QuoteMode.MINIMAL)
            .setIgnoreEmptyLines(true)
            .setRecordSeparator('\n')
            .build();

    /** One data row: the physical line it starts on (the header is line 1) and its cells. */
    public record Line(long number, List<String> cells) {

        public Line {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return cells.get(index);
        }

        public int size() {
            return cells.size();
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String origin;
    private final List<String> header;

    private TsvTable(Reader in, String origin) throws IOException {
        this.parser = FORMAT.parse(in);
        this.records = parser.iterator();
        this.origin = origin;
        if (!records.hasNext()) {
            parser.close();
            throw new IllegalArgumentException(origin + " is empty: a header row is needed");
        }
        this.header = records.next().toList();
    }

    /** Opens {@code in} and reads its header row; closing the table closes {@code in}. */
    public static TsvTable open(Reader in, String origin) throws IOException {
        return new TsvTable(in, origin);
    }

    public List<String> header() {
        return header;
    }

    /** Position of a header name. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(origin + " has no column '" + name + "'; its columns are " + header);
        }
        return i;
    }

    /** The data rows, once; a malformed quoted cell ends the iteration with an {@link UncheckedIOException}. */
    @Override
    public Iterator<Line> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Line next() {
                if (!records.hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord r = records.next();
                List<String> cells = r.toList();
                // the parser has read up to the record's last line; blank lines before it were skipped unseen
                long end = parser.getCurrentLineNumber();
                long breaks = 0;
                for (String c : cells) {
                    breaks += c.chars().filter(ch -> ch == '\n').count();
                }
                return new Line(Math.max(end - breaks, 2), cells);
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** A printer writing rows in {@link #FORMAT} (quoting only cells that need it). */
    public static CSVPrinter printer(Appendable out) throws IOException {
        return new CSVPrinter(out, FORMAT);
    }
}

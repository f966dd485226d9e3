package org.gridgov.ingestion.datax;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.ArrearsStatus;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.DisputeType;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.IncidentType;
import org.gridgov.common.model.Labeled;
import org.gridgov.common.model.MediationOutcome;
import org.gridgov.common.model.PetitionForm;
import org.gridgov.common.model.SourceType;

/**
 * Writes records (their JSON form) as the export file a {@code txtfilereader} job expects: the job's column order,
 * delimiter, quoting, date formats, encoding and compression, with a header of field names when the job skips one.
 * What source systems would hand over, for tests and the benchmark (hence in the test sources, not the jar); with
 * {@code chineseLabels} enum values are written as the Chinese labels real systems export (已受理, 电话热线 ...).
 */
public final class ExportWriter implements AutoCloseable {

    private final DataxJob.TxtFileReader reader;
    private final SourceType source;
    private final String[] fieldOfIndex;
    private final DateTimeFormatter[] formatOfIndex;
    private final boolean chineseLabels;
    private final Writer out;
    /** Quoted exports: Commons CSV quotes a cell only when it holds the delimiter, a quote or a line break. */
    private final CSVFormat csv;

    private long rows;

    public ExportWriter(DataxJob job, Path file, boolean chineseLabels) throws IOException {
        if (!(job.reader() instanceof DataxJob.TxtFileReader t)) {
            throw new IllegalArgumentException(job.name() + " does not read files");
        }
        this.reader = t;
        this.source = job.transform().source();
        this.chineseLabels = chineseLabels;
        int width = t.columns().stream()
                        .filter(c -> !c.isConstant())
                        .mapToInt(DataxJob.Column::index)
                        .max()
                        .orElse(-1)
                + 1;
        this.fieldOfIndex = new String[width];
        this.formatOfIndex = new DateTimeFormatter[width];
        for (int i = 0; i < t.columns().size(); i++) {
            DataxJob.Column c = t.columns().get(i);
            if (!c.isConstant()) {
                fieldOfIndex[c.index()] = job.transform().fields().get(i);
                if (c.type().equals("date") && c.format() != null) {
                    formatOfIndex[c.index()] = CellConverter.formatter(c.format());
                }
            }
        }
        OutputStream os = Files.newOutputStream(file);
        if (t.compress().equalsIgnoreCase("gzip")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(os, t.charset()), 1 << 16);
        this.csv = t.useTextQualifier()
                ? CSVFormat.Builder.create()
                        .setDelimiter(t.fieldDelimiter())
                        .setQuote('"')
                        .setQuoteMode(QuoteMode.MINIMAL)
                        .setRecordSeparator('\n')
                        .get()
                : null;
        if (t.skipHeader()) {
            String[] header = new String[width];
            for (int i = 0; i < width; i++) {
                header[i] = fieldOfIndex[i] == null ? "column" + i : fieldOfIndex[i];
            }
            line(header);
        }
    }

    /** Writes one record; fields the export has no column for are left out, missing ones are empty cells. */
    public void write(JsonNode record) throws IOException {
        String[] cells = new String[fieldOfIndex.length];
        for (int i = 0; i < cells.length; i++) {
            JsonNode v = fieldOfIndex[i] == null ? null : record.get(fieldOfIndex[i]);
            cells[i] = v == null || v.isNull() ? null : cell(fieldOfIndex[i], v, formatOfIndex[i]);
        }
        line(cells);
        rows++;
    }

    /** Writes a line exactly as given (for tests that break files on purpose). */
    public void writeRaw(String text) throws IOException {
        out.write(text);
    }

    private String cell(String field, JsonNode v, DateTimeFormatter format) {
        // a patrol's track is one cell holding its JSON (quoted where the export quotes)
        String text = v.isContainerNode()
                ? v.toString()
                : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
        if (format != null) {
            try {
                return format.format(LocalDateTime.parse(text, Json.TIME));
            } catch (DateTimeParseException e) {
                return text; // a malformed time stays as it is: the load must reject it
            }
        }
        if (chineseLabels) {
            Class<? extends Enum<?>> type = enumType(field);
            if (type != null) {
                for (Enum<?> e : type.getEnumConstants()) {
                    if (e.name().equals(text)) {
                        return ((Labeled) e).label();
                    }
                }
            }
        }
        return text;
    }

    private Class<? extends Enum<?>> enumType(String field) {
        Map<String, Class<? extends Enum<?>>> types =
                switch (source) {
                    case HOTLINE -> Map.of("channel", Channel.class, "status", CaseStatus.class);
                    case PETITION -> Map.of("form", PetitionForm.class);
                    case ARREARS -> Map.of("status", ArrearsStatus.class);
                    case POLICE -> Map.of("incident_type", IncidentType.class);
                    case GRID ->
                        Map.of(
                                "kind",
                                GridRecordKind.class,
                                "dispute_type",
                                DisputeType.class,
                                "outcome",
                                MediationOutcome.class);
                };
        return types.get(field);
    }

    private void line(String[] cells) throws IOException {
        char d = reader.fieldDelimiter();
        String[] values = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = cells[i] == null ? reader.nullFormat() : cells[i];
        }
        if (csv != null) {
            csv.printRecord(out, (Object[]) values);
            return;
        }
        for (int i = 0; i < values.length; i++) {
            String c = values[i];
            if (c.indexOf(d) >= 0 || c.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a " + (d == '\t' ? "TSV" : "delimited") + " export without "
                        + "quoting cannot hold a cell containing the delimiter or a line break: " + c);
            }
            if (i > 0) {
                out.write(d);
            }
            out.write(c);
        }
        out.write('\n');
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

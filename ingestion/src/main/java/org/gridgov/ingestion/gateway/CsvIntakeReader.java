package org.gridgov.ingestion.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.ingestion.datax.DataxJob;
import org.gridgov.ingestion.datax.InputRecord;
import org.gridgov.ingestion.datax.RecordFields;
import org.gridgov.ingestion.datax.TextFileRecordReader;

/**
 * CSV whose header names the source's JSON fields ({@code case_id,channel,...}), in any order and any subset; each
 * row becomes the JSON record the decoder reads. Reading itself is the DataX runner's reader (encoding checks,
 * quoting, column counts, truncated last lines), so both paths reject the same malformed lines the same way.
 * A header naming an unknown field rejects the input as a whole: its columns would land in the wrong fields.
 */
public final class CsvIntakeReader implements IntakeReader {

    private final TextFileRecordReader reader;
    private final SourceType source;
    private String[] fields;

    public CsvIntakeReader(InputStream in, String name, SourceType source, String encoding, int maxLineBytes)
            throws IOException {
        this.source = source;
        DataxJob.TxtFileReader spec =
                new DataxJob.TxtFileReader(List.of(name), encoding, ',', true, "", true, "", List.of());
        this.reader = new TextFileRecordReader(in, name, spec, maxLineBytes);
    }

    @Override
    public IntakeRecord next() throws IOException {
        InputRecord r = reader.next();
        if (fields == null) {
            fields = checkedHeader();
        }
        if (r == null) {
            return null;
        }
        if (r.readError() != null) {
            return IntakeRecord.unreadable(
                    r.position(), r.payload(), r.readError().reason());
        }
        ObjectNode node = Json.mapper().createObjectNode();
        for (int i = 0; i < fields.length; i++) {
            if (r.cells()[i] != null) {
                node.put(fields[i], r.cells()[i]);
            }
        }
        return IntakeRecord.of(r.position(), node.toString(), r.payload());
    }

    private String[] checkedHeader() {
        String[] header = reader.header();
        if (header == null) {
            throw new IntakeException("CSV input has no usable header of field names"
                    + (reader.notes().isEmpty() ? "" : " (" + reader.notes() + ")"));
        }
        List<String> known = RecordFields.of(source);
        List<String> unknown = new ArrayList<>();
        String[] names = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            names[i] = header[i].trim();
            if (!known.contains(names[i])) {
                unknown.add(header[i]);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IntakeException(
                    "CSV header names unknown fields " + unknown + "; " + source.code() + " records have " + known);
        }
        return names;
    }

    @Override
    public String notes() {
        return reader.notes();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

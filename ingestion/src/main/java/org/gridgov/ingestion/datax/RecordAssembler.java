package org.gridgov.ingestion.datax;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.ods.OdsMapper;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;
import org.gridgov.common.validation.Violation;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/**
 * The {@value DataxJob#TRANSFORMER} step: pairs a row's cells with the job's record fields into the JSON the
 * streaming path receives, then decodes and validates it with {@link RecordDecoder} and maps it with {@link OdsMapper}
 * (salted person keys, masks, redacted texts) - the same code as the Flink ODS loader, so a record is accepted or
 * rejected, and protected, the same way on both paths. Thread-safe.
 */
public final class RecordAssembler {

    /** What became of one input record: its warehouse rows (ODS first), or its dead-letter row. */
    public record Outcome(List<TableRow> rows, TableRow deadLetter, String key) {
        public boolean accepted() {
            return deadLetter == null;
        }
    }

    private static final JsonStringEncoder JSON_STRINGS = JsonStringEncoder.getInstance();

    private final SourceType source;
    private final List<String> fields;
    private final DataxJob.Reader reader;
    private final CellConverter[] converters;
    private final RecordDecoder decoder;
    private final OdsMapper mapper;
    private final Table ods;
    private final int[] odsKeyPositions;
    private final int idFieldIndex;

    public RecordAssembler(DataxJob job, RecordDecoder decoder, OdsMapper mapper) {
        this.source = job.transform().source();
        this.fields = job.transform().fields();
        this.reader = job.reader();
        this.decoder = decoder;
        this.mapper = mapper;
        this.ods = job.odsTable();
        this.odsKeyPositions = ods.keyColumns().stream().mapToInt(ods::position).toArray();
        this.idFieldIndex = fields.indexOf(source.idField());
        this.converters = new CellConverter[fields.size()];
        if (reader instanceof DataxJob.TxtFileReader t) {
            for (int i = 0; i < converters.length; i++) {
                DataxJob.Column c = t.columns().get(i);
                converters[i] = c.type().equals("date") ? new CellConverter(c.format()) : null;
            }
        }
    }

    public Outcome assemble(InputRecord in, String sourceName, LocalDateTime receivedTime) {
        String recordKey = null;
        Decoded<SourceRecord> decoded;
        if (in.readError() != null) {
            decoded = Decoded.rejected(List.of(in.readError()));
        } else {
            List<Violation> conversion = new ArrayList<>();
            // the JSON text the decoder reads, written directly (cheaper than a tree serialized and parsed again)
            StringBuilder json = new StringBuilder(640).append('{');
            for (int i = 0; i < fields.size(); i++) {
                String value = value(in.cells(), i);
                if (value == null) {
                    continue;
                }
                if (converters[i] != null) {
                    String t = converters[i].toCanonicalTime(value);
                    if (t == null) {
                        conversion.add(new Violation(fields.get(i), "expected a time like '"
                                + converters[i].describeFormat() + "', got '" + value.trim() + "'"));
                        continue;
                    }
                    value = t;
                }
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(fields.get(i)).append("\":\"");
                JSON_STRINGS.quoteAsString(value, json);
                json.append('"');
            }
            json.append('}');
            recordKey = idFieldIndex >= 0 ? value(in.cells(), idFieldIndex) : null;
            decoded = decode(json.toString());
            if (!conversion.isEmpty()) {
                decoded = merge(conversion, decoded);
            }
        }
        if (decoded.isValid()) {
            try {
                List<TableRow> rows = mapper.rows(decoded.value());
                return new Outcome(rows, null, key(rows.get(0)));
            } catch (RuntimeException e) {
                decoded = Decoded.rejected(List.of(new Violation("$", "mapping failed: "
                        + PiiProtector.redact(String.valueOf(e.getMessage())))));
            }
        }
        TableRow dlq = OdsMapper.deadLetter(sourceName, in.position(), recordKey, decoded, in.payload(), receivedTime);
        return new Outcome(List.of(), dlq, in.position());
    }

    private Decoded<SourceRecord> decode(String json) {
        try {
            return decoder.decode(source, json);
        } catch (RuntimeException e) {
            // a decoder bug must not stop the load; the dead letter keeps the row for a fixed rerun
            return Decoded.rejected(List.of(new Violation("$", "decoding failed: "
                    + PiiProtector.redact(String.valueOf(e)))));
        }
    }

    /** Conversion problems first; the decoder's complaints about the same fields (now missing) are dropped. */
    private static Decoded<SourceRecord> merge(List<Violation> conversion, Decoded<SourceRecord> decoded) {
        Set<String> converted = new HashSet<>();
        conversion.forEach(v -> converted.add(v.field()));
        List<Violation> all = new ArrayList<>(conversion);
        for (Violation v : decoded.violations()) {
            if (!converted.contains(v.field())) {
                all.add(v);
            }
        }
        return Decoded.rejected(all);
    }

    private String value(String[] cells, int column) {
        if (reader instanceof DataxJob.TxtFileReader t) {
            DataxJob.Column c = t.columns().get(column);
            if (c.isConstant()) {
                return c.value();
            }
            return c.index() < cells.length ? cells[c.index()] : null;
        }
        return cells[column];
    }

    /** The ODS key of a row ({@code case_id} and date, joined), which routes and deduplicates it. */
    String key(TableRow odsRow) {
        StringBuilder sb = new StringBuilder();
        for (int p : odsKeyPositions) {
            sb.append(odsRow.values[p]).append('\u0001');
        }
        return sb.toString();
    }

    public Table odsTable() {
        return ods;
    }
}

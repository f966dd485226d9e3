package org.gridgov.ingestion.datax;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.gridgov.common.json.TimeNode;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.Violation;
import org.gridgov.loading.LoadOutcome;
import org.gridgov.loading.RawRecordMapper;
import org.gridgov.loading.RecordOrigin;
import org.gridgov.warehouse.Table;

/**
 * The {@value DataxJob#TRANSFORMER} step: pairs a row's cells with the job's record fields (converting the job's date
 * columns) into the JSON object the streaming path receives (as a tree, not text), then hands it to {@link RawRecordMapper} - the loading code the
 * Flink ODS loader runs too, so a record is accepted or rejected, and protected, the same way on both paths.
 * Thread-safe.
 */
public final class RecordAssembler {

    private final SourceType source;
    private final List<String> fields;
    private final DataxJob.Reader reader;
    private final CellConverter[] converters;
    private final RawRecordMapper mapper;
    private final Table ods;
    private final int idFieldIndex;
    private final int mapCapacity;

    public RecordAssembler(DataxJob job, RawRecordMapper mapper) {
        this.source = job.transform().source();
        this.fields = job.transform().fields();
        this.reader = job.reader();
        this.mapper = mapper;
        this.ods = job.odsTable();
        this.idFieldIndex = fields.indexOf(source.idField());
        this.mapCapacity = (int) (fields.size() / 0.75f) + 1;
        this.converters = new CellConverter[fields.size()];
        if (reader instanceof DataxJob.TxtFileReader t) {
            for (int i = 0; i < converters.length; i++) {
                DataxJob.Column c = t.columns().get(i);
                converters[i] = c.type().equals("date") ? new CellConverter(c.format()) : null;
            }
        }
    }

    /** The standard assembler of a job: the district, the category catalogue, the given salt. */
    public static RecordAssembler standard(DataxJob job, PiiProtector pii) {
        return new RecordAssembler(job, RawRecordMapper.standard(pii));
    }

    public LoadOutcome assemble(InputRecord in, String sourceName, LocalDateTime receivedTime) {
        if (in.readError() != null) {
            RecordOrigin origin = new RecordOrigin(sourceName, in.position(), null, in.payload(), receivedTime);
            return RawRecordMapper.reject(
                    origin, in.readError().field(), in.readError().reason());
        }
        List<Violation> conversion = new ArrayList<>(0);
        // the JSON object the decoder reads, built as a tree: the same fields as the streaming path's JSON text, but
        // not written as text and parsed again (issue 15: that round trip was a sixth of the transform's CPU)
        // sized for every field, so its map is not rehashed while it fills (hotline records have 20 fields)
        ObjectNode json = new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(mapCapacity));
        for (int i = 0; i < fields.size(); i++) {
            String value = value(in.cells(), i);
            if (value == null) {
                continue;
            }
            if (converters[i] != null) {
                LocalDateTime t = converters[i].toTime(value);
                if (t == null) {
                    conversion.add(new Violation(
                            fields.get(i),
                            "expected a time like '" + converters[i].describeFormat() + "', got '" + value.trim()
                                    + "'"));
                    continue;
                }
                // the parsed time travels with its text: the decoder does not parse it again (issue 15)
                json.set(fields.get(i), TimeNode.of(t));
                continue;
            }
            json.put(fields.get(i), value);
        }
        String recordKey = idFieldIndex >= 0 ? value(in.cells(), idFieldIndex) : null;
        RecordOrigin origin = new RecordOrigin(sourceName, in.position(), recordKey, in.payload(), receivedTime);
        return mapper.map(source, json, conversion, origin);
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

    public Table odsTable() {
        return ods;
    }
}

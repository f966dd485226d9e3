package org.gridgov.streaming.alerts.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.gridgov.common.kafka.DwdSerde;
import org.gridgov.common.model.SourceType;
import org.gridgov.streaming.alerts.EventTimes;

/**
 * Reads a dwd record's Avro message (common's {@link DwdSerde}: single-object encoding) straight into the
 * {@link InputEvent} the rules use, materialising only the fields they read (issue 15 "rules at speed"): the reader
 * schema is a projection of the writer's, so Avro's schema resolution skips the grid, street, status and duplicate
 * flag without building them, and strings are read as {@code java.lang.String} (no {@code Utf8} copies), with no
 * {@code DwdRecord} in between. Same result as {@code InputDecoder.event(DwdSerde.decode(bytes))}
 * ({@code DwdInputTest} compares them field by field).
 *
 * <p>The writer schemas are the ones {@link DwdSerde} writes ({@link DwdSerde#SCHEMA_RESOURCE}); when the schema
 * evolves, the earlier versions must be added here as they are to {@code DwdSerde.WRITER_SCHEMAS}, or their messages
 * are rejected (never misread: the fingerprint names the writer's schema).
 */
final class DwdEventReader {

    /** The fields the alert rules read (all others are skipped by the resolving decoder). */
    static final Set<String> READ = Set.of(
            "source",
            "record_id",
            "position",
            "received_time",
            "event_time",
            "person_key",
            "category_code",
            "company_name",
            "accept_time",
            "deadline",
            "reply_time",
            "close_time",
            "master_case_id");

    private static final Schema WRITER = schema(DwdSerde.SCHEMA_RESOURCE);
    /** Parsed apart from {@link #WRITER}: the projection's string schemas get a property the writer's must not. */
    private static final Schema READER = projection(schema(DwdSerde.SCHEMA_RESOURCE));
    /** Thread-safe (per-thread decoders inside); resolves the writer's schema into the projection. */
    private static final BinaryMessageDecoder<GenericRecord> DECODER = decoder();

    private static final int SOURCE = READER.getField("source").pos();
    private static final int RECORD_ID = READER.getField("record_id").pos();
    private static final int POSITION = READER.getField("position").pos();
    private static final int RECEIVED = READER.getField("received_time").pos();
    private static final int EVENT_TIME = READER.getField("event_time").pos();
    private static final int PERSON = READER.getField("person_key").pos();
    private static final int CATEGORY = READER.getField("category_code").pos();
    private static final int COMPANY = READER.getField("company_name").pos();
    private static final int ACCEPT = READER.getField("accept_time").pos();
    private static final int DEADLINE = READER.getField("deadline").pos();
    private static final int REPLY = READER.getField("reply_time").pos();
    private static final int CLOSE = READER.getField("close_time").pos();
    private static final int MASTER = READER.getField("master_case_id").pos();

    private DwdEventReader() {}

    /** Why bytes are not a dwd record this reader knows. */
    static final class NotADwdRecord extends Exception {
        private static final long serialVersionUID = 1L;

        NotADwdRecord(String message) {
            super(message);
        }
    }

    /**
     * The event of a dwd message, or (kind {@link InputKind#REJECTED}) of a source no alert rule reads; throws
     * {@link NotADwdRecord} for bytes that are no message of a known schema or name an unknown source.
     */
    static InputEvent read(byte[] bytes) throws NotADwdRecord {
        GenericRecord g;
        try {
            g = DECODER.decode(bytes);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            // BadHeaderException and MissingSchemaException are AvroRuntimeExceptions
            throw new NotADwdRecord("not a dwd record of a known schema: " + e.getMessage());
        }
        String code = (String) g.get(SOURCE);
        SourceType source =
                switch (code) {
                    case "petition" -> SourceType.PETITION;
                    case "hotline" -> SourceType.HOTLINE;
                    case "police" -> SourceType.POLICE;
                    default -> {
                        try {
                            yield SourceType.ofCode(code);
                        } catch (IllegalArgumentException x) {
                            throw new NotADwdRecord("unknown source " + code);
                        }
                    }
                };
        InputEvent e = new InputEvent();
        e.inputId = (String) g.get(POSITION);
        e.topic = source.rawTopic();
        e.receivedTime = (Long) g.get(RECEIVED);
        e.recordId = (String) g.get(RECORD_ID);
        e.eventTime = (Long) g.get(EVENT_TIME);
        e.personKey = (String) g.get(PERSON);
        switch (source) {
            case PETITION -> {
                e.kind = InputKind.PETITION;
                e.categoryCode = (String) g.get(CATEGORY);
                e.companyName = (String) g.get(COMPANY);
            }
            case HOTLINE -> {
                e.kind = InputKind.HOTLINE;
                e.categoryCode = (String) g.get(CATEGORY);
                e.acceptTime = millis(g.get(ACCEPT));
                e.deadline = millis(g.get(DEADLINE));
                e.replyTime = millis(g.get(REPLY));
                e.closeTime = millis(g.get(CLOSE));
                e.masterCaseId = (String) g.get(MASTER);
            }
            case POLICE -> e.kind = InputKind.POLICE;
            default -> {
                e.kind = InputKind.REJECTED;
                e.reason = "$: no alert rule reads " + source.code();
            }
        }
        return e;
    }

    private static long millis(Object t) {
        return t == null ? EventTimes.NONE : (Long) t;
    }

    /** The writer's record with only the {@link #READ} fields, strings as {@code java.lang.String}. */
    static Schema projection(Schema writer) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : writer.getFields()) {
            if (READ.contains(f.name())) {
                fields.add(new Schema.Field(f, f.schema()));
            }
        }
        if (fields.size() != READ.size()) {
            throw new IllegalStateException("the dwd schema lacks a field the alert rules read: " + READ);
        }
        for (Schema.Field f : fields) {
            javaStrings(f.schema());
        }
        return Schema.createRecord(writer.getName(), writer.getDoc(), writer.getNamespace(), false, fields);
    }

    /** Marks string schemas (also inside unions) to be read as {@code java.lang.String}. */
    private static void javaStrings(Schema s) {
        if (s.getType() == Schema.Type.STRING) {
            GenericData.setStringType(s, GenericData.StringType.String);
        } else if (s.getType() == Schema.Type.UNION) {
            s.getTypes().forEach(DwdEventReader::javaStrings);
        }
    }

    private static BinaryMessageDecoder<GenericRecord> decoder() {
        // Avro's fast reader: the writer→projection resolution planned once per schema pair, not walked as a
        // grammar per record (off by default in 1.11, and GenericData.get() is shared: a model of our own)
        GenericData model = new GenericData();
        model.setFastReaderEnabled(true);
        BinaryMessageDecoder<GenericRecord> d = new BinaryMessageDecoder<>(model, READER);
        d.addSchema(WRITER);
        return d;
    }

    private static Schema schema(String resource) {
        try (InputStream in = DwdSerde.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the classpath");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

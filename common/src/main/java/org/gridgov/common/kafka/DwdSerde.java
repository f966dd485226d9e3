package org.gridgov.common.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.gridgov.common.model.DwdRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.Violation;

/**
 * {@link DwdRecord}s as Avro in the single-object encoding of the Avro specification: two marker bytes
 * {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer's schema, then the binary record
 * ({@link BinaryMessageEncoder}). Why Avro rather than Flink's own serializers: the dwd topics are read by jobs other
 * than the writer (and could be by Spark or a Kafka consumer), so the format must be a published one with a schema
 * that lives outside Flink's type system; and no schema registry is available here, which the single-object encoding
 * does without: the fingerprint in every message names its schema, and a reader resolves an older writer schema it
 * knows ({@link #WRITER_SCHEMAS}) into its own. A message of an unknown schema, or bytes that are no Avro message, are
 * a {@link Decoded#rejected} value (a {@link SerializationException} from {@link #deserialize}), never a wrong record.
 *
 * <p>Why not JSON as the raw topics: the alert job spent ~10 µs per raw record on JSON trees and validation; the
 * binary record is read with no parsing of text and no checks beyond the schema. Avro classes are reached only through
 * {@link Codec}, loaded on first use: modules that see the topic registry without writing or reading a dwd topic
 * (Avro is an optional dependency of common) never load them.
 */
public final class DwdSerde implements Serde<DwdRecord>, Serializer<DwdRecord>, Deserializer<DwdRecord>, Serializable {

    private static final long serialVersionUID = 1L;

    /** The schema every writer writes now (classpath resource, version 1). */
    public static final String SCHEMA_RESOURCE = "dwd-record-v1.avsc";
    /** Earlier writer schemas a reader still resolves; add the previous one here when the schema changes. */
    static final List<String> WRITER_SCHEMAS = List.of(SCHEMA_RESOURCE);

    @Override
    public byte[] serialize(String topic, DwdRecord value) {
        return value == null ? null : Codec.encode(value);
    }

    @Override
    public DwdRecord deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        Decoded<DwdRecord> d = decode(bytes);
        if (!d.isValid()) {
            throw new SerializationException("invalid value on " + topic + ": " + d.reason());
        }
        return d.value();
    }

    /** The record, or why the bytes are none (no Avro message, a schema this reader does not know); never throws. */
    public Decoded<DwdRecord> decode(byte[] bytes) {
        return Codec.decode(bytes);
    }

    /** The CRC-64-AVRO fingerprint of the current schema, as every message carries it after the marker bytes. */
    public static long fingerprint() {
        return Codec.FINGERPRINT;
    }

    @Override
    public Serializer<DwdRecord> serializer() {
        return this;
    }

    @Override
    public Deserializer<DwdRecord> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the schema is the platform's
    }

    @Override
    public void close() {
        // nothing held
    }

    /** The Avro side, loaded on first use. Avro's message encoder and decoder are thread-safe. */
    static final class Codec {
        static final Schema SCHEMA = schema(SCHEMA_RESOURCE);
        static final long FINGERPRINT = SchemaNormalization.parsingFingerprint64(SCHEMA);
        private static final BinaryMessageEncoder<GenericRecord> ENCODER =
                new BinaryMessageEncoder<>(GenericData.get(), SCHEMA);
        private static final BinaryMessageDecoder<GenericRecord> DECODER = decoder();

        private Codec() {}

        private static BinaryMessageDecoder<GenericRecord> decoder() {
            BinaryMessageDecoder<GenericRecord> d = new BinaryMessageDecoder<>(GenericData.get(), SCHEMA);
            for (String older : WRITER_SCHEMAS) {
                d.addSchema(schema(older));
            }
            return d;
        }

        static Schema schema(String resource) {
            try (InputStream in = DwdSerde.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + resource + " is not on the classpath");
                }
                return new Schema.Parser().parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static byte[] encode(DwdRecord r) {
            GenericData.Record g = new GenericData.Record(SCHEMA);
            g.put("source", r.source().code());
            g.put("record_id", r.recordId());
            g.put("position", r.position());
            g.put("received_time", r.receivedTime());
            g.put("event_time", r.eventTime());
            g.put("person_key", r.personKey());
            g.put("category_code", r.categoryCode());
            g.put("company_name", r.companyName());
            g.put("grid_code", r.gridCode());
            g.put("street_code", r.streetCode());
            g.put("accept_time", r.acceptTime());
            g.put("deadline", r.deadline());
            g.put("reply_time", r.replyTime());
            g.put("close_time", r.closeTime());
            g.put("status", r.status());
            g.put("master_case_id", r.masterCaseId());
            g.put("is_duplicate", r.duplicate());
            ByteArrayOutputStream out = new ByteArrayOutputStream(160);
            try {
                ENCODER.encode(g, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        static Decoded<DwdRecord> decode(byte[] bytes) {
            GenericRecord g;
            try {
                g = DECODER.decode(bytes);
            } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
                // BadHeaderException and MissingSchemaException are AvroRuntimeExceptions
                return rejected("not a dwd record of a known schema: " + e.getMessage());
            }
            SourceType source;
            try {
                source = SourceType.ofCode(text(g, "source"));
            } catch (IllegalArgumentException e) {
                return rejected("unknown source " + text(g, "source"));
            }
            return Decoded.valid(new DwdRecord(
                    source,
                    text(g, "record_id"),
                    text(g, "position"),
                    (Long) g.get("received_time"),
                    (Long) g.get("event_time"),
                    text(g, "person_key"),
                    text(g, "category_code"),
                    text(g, "company_name"),
                    text(g, "grid_code"),
                    text(g, "street_code"),
                    (Long) g.get("accept_time"),
                    (Long) g.get("deadline"),
                    (Long) g.get("reply_time"),
                    (Long) g.get("close_time"),
                    text(g, "status"),
                    text(g, "master_case_id")));
        }

        private static String text(GenericRecord g, String field) {
            Object v = g.get(field);
            return v == null ? null : v.toString();
        }

        private static Decoded<DwdRecord> rejected(String reason) {
            return Decoded.rejected(List.of(new Violation("$", reason)));
        }
    }
}

package org.gridgov.common.kafka;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.gridgov.common.json.Json;
import org.gridgov.common.validation.Decoded;

/**
 * Values as the platform's JSON ({@link Json}: snake_case, export-format times) in UTF-8. Writing is
 * {@link Json#write}; reading goes through the platform's decoder for the type, so a consumer gets a checked value:
 * {@link #deserialize} throws a {@link SerializationException} naming every violation (a plain consumer sees a
 * {@code RecordDeserializationException} with the offset and can skip the record), {@link #decode} returns them for
 * consumers that turn bad records into dead letters. A null value (a tombstone) stays null both ways.
 *
 * <p>It is its own serializer and deserializer, and {@code Serializable} (with a serializable decoder), so Flink
 * schemas can wrap it.
 */
public final class JsonSerde<V> implements Serde<V>, Serializer<V>, Deserializer<V>, Serializable {

    private static final long serialVersionUID = 1L;

    /** Text → a checked value or its violations; never throws for bad input. */
    @FunctionalInterface
    public interface Decoder<V> extends Serializable {
        Decoded<V> decode(String json);
    }

    private final Decoder<V> decoder;

    public JsonSerde(Decoder<V> decoder) {
        this.decoder = decoder;
    }

    @Override
    public byte[] serialize(String topic, V value) {
        return value == null ? null : Json.write(value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public V deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        Decoded<V> d = decode(bytes);
        if (!d.isValid()) {
            throw new SerializationException("invalid value on " + topic + ": " + d.reason());
        }
        return d.value();
    }

    /** The value or every violation; {@code bytes} must not be null. */
    public Decoded<V> decode(byte[] bytes) {
        return decoder.decode(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public Serializer<V> serializer() {
        return this;
    }

    @Override
    public Deserializer<V> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the format is the platform's
    }

    @Override
    public void close() {
        // nothing held
    }
}

package org.gridgov.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.gridgov.common.model.TrackPoint;

/**
 * The JSON form of records on Kafka and in files: snake_case names matching warehouse columns, times as
 * {@code yyyy-MM-dd HH:mm:ss} district local time (what the source systems export), enums by constant name, a patrol
 * track's points as compact {@code [second, latitude, longitude]} arrays.
 */
public final class Json {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule()
                    .addSerializer(LocalDateTime.class, new LocalDateTimeSerializer(TIME))
                    .addSerializer(TrackPoint.class, new TrackPointSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // money must not pass through a double: 86500.50 stays 86500.50
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {}

    /** The shared mapper; thread-safe once configured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A track point as {@code [second, latitude, longitude]}: about 28 bytes instead of 60 as an object, which matters
     * for tracks of up to 5,000 points. {@code RecordDecoder} reads the same form back.
     */
    private static final class TrackPointSerializer extends StdSerializer<TrackPoint> {
        private static final long serialVersionUID = 1L;

        TrackPointSerializer() {
            super(TrackPoint.class);
        }

        @Override
        public void serialize(TrackPoint p, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray();
            gen.writeNumber(p.second());
            gen.writeNumber(p.latitude());
            gen.writeNumber(p.longitude());
            gen.writeEndArray();
        }
    }

    /**
     * {@code t} as {@link #TIME} writes it. Years 1000..9999 are written by position (a loader formats several times
     * per record, and {@code DateTimeFormatter.format} was 5 % of its CPU, issue 15); others go through {@link #TIME}.
     */
    public static String time(LocalDateTime t) {
        if (t == null) {
            return null;
        }
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return TIME.format(t);
        }
        byte[] b = new byte[19];
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, t.getMonthValue(), 2);
        b[7] = '-';
        digits(b, 8, t.getDayOfMonth(), 2);
        b[10] = ' ';
        digits(b, 11, t.getHour(), 2);
        b[13] = ':';
        digits(b, 14, t.getMinute(), 2);
        b[16] = ':';
        digits(b, 17, t.getSecond(), 2);
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void digits(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}

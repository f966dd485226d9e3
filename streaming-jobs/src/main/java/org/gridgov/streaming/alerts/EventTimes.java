package org.gridgov.streaming.alerts;

import java.time.Instant;
import java.time.LocalDateTime;
import org.gridgov.common.json.Json;
import org.gridgov.common.validation.RecordDecoder;

/** Event times travel as epoch milliseconds; records and tables use district local time (Asia/Shanghai). */
public final class EventTimes {

    /** Marks an absent time in POJO fields (Flink POJOs avoid boxed nulls on hot paths). */
    public static final long NONE = Long.MIN_VALUE;

    private EventTimes() {}

    public static long millis(LocalDateTime t) {
        return t == null ? NONE : t.atZone(RecordDecoder.ZONE).toInstant().toEpochMilli();
    }

    public static LocalDateTime time(long millis) {
        return millis == NONE ? null : LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), RecordDecoder.ZONE);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, or null for {@link #NONE} and the watermark extremes. */
    public static String text(long millis) {
        if (millis == NONE || millis == Long.MAX_VALUE) {
            return null;
        }
        return Json.time(time(millis).withNano(0));
    }
}

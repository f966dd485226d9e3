package org.gridgov.simulator.generator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.gridgov.common.model.SourceType;

/**
 * The exact number of records per source: grid 25 %, police 10 %, petition 10 %, arrears 5 % (each rounded down)
 * and the remainder, about 50 %, to the hotline. Invalid records per source are {@code round(count × rate)}, half up.
 */
public record SourceSplit(Map<SourceType, Long> counts) {

    public SourceSplit {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    public static SourceSplit of(long totalRecords) {
        Map<SourceType, Long> m = new EnumMap<>(SourceType.class);
        m.put(SourceType.GRID, totalRecords / 4);
        m.put(SourceType.POLICE, totalRecords / 10);
        m.put(SourceType.PETITION, totalRecords / 10);
        m.put(SourceType.ARREARS, totalRecords / 20);
        long others = m.values().stream().mapToLong(Long::longValue).sum();
        m.put(SourceType.HOTLINE, totalRecords - others);
        return new SourceSplit(m);
    }

    public long count(SourceType source) {
        return counts.get(source);
    }

    public long invalidCount(SourceType source, double invalidRate) {
        return invalidCount(count(source), invalidRate);
    }

    public static long invalidCount(long count, double invalidRate) {
        return Math.round(count * invalidRate);
    }
}

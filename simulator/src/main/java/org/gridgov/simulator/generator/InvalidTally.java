package org.gridgov.simulator.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.GroundTruth.InvalidRecords;

/** Counts the broken records actually emitted, per source and defect, with their ids where they have one. */
final class InvalidTally {

    private final Map<SourceType, Map<Defect, Long>> counts = new EnumMap<>(SourceType.class);
    private final Map<SourceType, List<String>> ids = new EnumMap<>(SourceType.class);

    InvalidTally() {
        for (SourceType s : SourceType.values()) {
            Map<Defect, Long> m = new EnumMap<>(Defect.class);
            for (Defect d : Defect.values()) {
                if (d.appliesTo(s)) {
                    m.put(d, 0L);
                }
            }
            counts.put(s, m);
            ids.put(s, new ArrayList<>());
        }
    }

    void add(SourceType source, Defect defect, String key) {
        counts.get(source).merge(defect, 1L, Long::sum);
        if (key != null) {
            ids.get(source).add(key);
        }
    }

    long count(SourceType source) {
        return counts.get(source).values().stream().mapToLong(Long::longValue).sum();
    }

    Map<SourceType, InvalidRecords> toTruth() {
        Map<SourceType, InvalidRecords> m = new EnumMap<>(SourceType.class);
        for (SourceType s : SourceType.values()) {
            m.put(
                    s,
                    new InvalidRecords(
                            count(s),
                            Collections.unmodifiableMap(new EnumMap<>(counts.get(s))),
                            List.copyOf(ids.get(s))));
        }
        return Collections.unmodifiableMap(m);
    }
}

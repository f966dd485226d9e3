package org.gridgov.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.SyntheticDataGenerator;

/**
 * Generated records of January 2024 by source, as JSON lines, cached per size so test classes of one JVM share them.
 * {@code valid(...)}: the lines the generator did not break on purpose (it plants ~2 % invalid ones).
 */
public final class GeneratedRecords {

    private static final Map<Long, GeneratedRecords> CACHE = new ConcurrentHashMap<>();

    private final Map<SourceType, List<String>> lines = new EnumMap<>(SourceType.class);

    private GeneratedRecords(long total, double invalidRate) {
        for (SourceType s : SourceType.values()) {
            lines.put(s, new ArrayList<>());
        }
        try {
            new SyntheticDataGenerator(new GeneratorSpec(20240101L, YearMonth.of(2024, 1), 1, total, invalidRate))
                    .generate((source, key, json) -> lines.get(source).add(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code total} records over all sources, none of them broken on purpose. */
    public static GeneratedRecords clean(long total) {
        return CACHE.computeIfAbsent(total, t -> new GeneratedRecords(t, 0.0));
    }

    public static GeneratedRecords withDefects(long total) {
        return CACHE.computeIfAbsent(-total, t -> new GeneratedRecords(total, 0.02));
    }

    public List<String> lines(SourceType source) {
        return lines.get(source);
    }

    /** The records that are JSON objects (the generator's NOT_JSON defect cuts lines in half). */
    public List<JsonNode> parsed(SourceType source) {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines.get(source)) {
            try {
                out.add(Json.mapper().readTree(l));
            } catch (Exception e) {
                // a deliberately cut line: not a record an export could contain
            }
        }
        return out;
    }
}

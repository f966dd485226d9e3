package org.gridgov.streaming.alerts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.simulator.generator.GeneratorSpec;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.simulator.generator.SyntheticDataGenerator;
import org.gridgov.streaming.alerts.input.InputDecoder;

/**
 * A generated dataset as the alert job reads it: the records of the topics it reads, in emission (event-time) order,
 * each placed in one of two partitions by key as Kafka would, with its ground truth.
 */
final class GeneratedInputs {

    static final String SALT = "alerts-test-salt-0123456789";
    static final int PARTITIONS = 2;

    final List<RawInput> records = new ArrayList<>();
    final GroundTruth truth;

    private GeneratedInputs(GeneratorSpec spec) throws Exception {
        Map<String, long[]> offsets = new HashMap<>();
        long[] n = {0};
        this.truth = new SyntheticDataGenerator(spec).generate((source, key, json) -> {
            if (!InputDecoder.TOPICS.contains(source.rawTopic())) {
                return;
            }
            int partition = key == null ? 0 : Math.floorMod(key.hashCode(), PARTITIONS);
            long offset = offsets.computeIfAbsent(source.rawTopic(), t -> new long[PARTITIONS])[partition]++;
            records.add(new RawInput(source.rawTopic(), partition, offset, 1_700_000_000_000L + n[0]++, key, json));
        });
    }

    static GeneratedInputs of(GeneratorSpec spec) throws Exception {
        return new GeneratedInputs(spec);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

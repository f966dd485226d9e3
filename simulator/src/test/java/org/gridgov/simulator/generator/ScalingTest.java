package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.gridgov.common.model.SourceType;
import org.junit.jupiter.api.Test;

/** From the smallest spec to 100 000 records the split holds and the scenario minimums are met. */
class ScalingTest {

    @Test
    void hundredThousandRecords() throws Exception {
        GeneratorSpec spec = new GeneratorSpec(5L, YearMonth.of(2024, 2), 1, 100_000, 0.02);
        Map<SourceType, Long> counted = new EnumMap<>(SourceType.class);
        GroundTruth truth =
                new SyntheticDataGenerator(spec).generate((source, key, json) -> counted.merge(source, 1L, Long::sum));
        SourceSplit split = SourceSplit.of(100_000);
        for (SourceType s : SourceType.values()) {
            assertThat(counted.get(s)).as(s.name()).isEqualTo(split.count(s)).isEqualTo(truth.emitted(s));
            assertThat(truth.invalidRecords().get(s).count()).isEqualTo(Math.round(split.count(s) * 0.02));
        }
        // scenarios scale with the volume
        assertThat(truth.repeatPetitioners()).hasSize(50);
        assertThat(truth.repeatCallers()).hasSize(50);
        assertThat(truth.groupPetitions()).hasSize(20);
        assertThat(truth.overdueCases().caseIds()).hasSize(750);
        assertThat(truth.bigArrears().caseIds()).hasSize(100);
    }

    @Test
    void smallestSpecStillPlantsEveryScenario() {
        GeneratorSpec spec = new GeneratorSpec(1L, YearMonth.of(2024, 2), 1, 1_000, 0.02);
        GeneratedDataset data = GeneratedDataset.of(spec);
        GroundTruth truth = data.truth;
        assertThat(data.lines).hasSize(1_000);
        assertThat(truth.repeatPetitioners()).hasSize(5);
        assertThat(truth.groupPetitions()).hasSize(3);
        assertThat(truth.repeatCallers()).hasSize(5);
        assertThat(truth.crossSourcePersons()).hasSize(3);
        assertThat(truth.overdueCases().caseIds()).hasSize(10);
        assertThat(truth.bigArrears().caseIds()).hasSize(5);
        assertThat(truth.risingTopics()).singleElement().satisfies(t -> assertThat(t.caseIds())
                .isNotEmpty());
        assertThat(data.lines.stream().filter(l -> !l.valid()).count())
                .isEqualTo(truth.invalidRecords().values().stream()
                        .mapToLong(GroundTruth.InvalidRecords::count)
                        .sum());
    }
}

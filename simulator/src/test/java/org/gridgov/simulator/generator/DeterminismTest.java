package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.gridgov.common.model.SourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same spec gives byte-identical files and an equal ground truth; another seed gives other data. */
class DeterminismTest {

    private static final GeneratorSpec SPEC = new GeneratorSpec(42L, YearMonth.of(2024, 3), 2, 8_000, 0.05);

    @Test
    void sameSpecGivesIdenticalFilesAndTruth(@TempDir Path tmp) throws Exception {
        GroundTruth first = generate(SPEC, tmp.resolve("a"));
        GroundTruth second = generate(SPEC, tmp.resolve("b"));
        for (SourceType s : SourceType.values()) {
            byte[] a = Files.readAllBytes(JsonLinesWriter.file(tmp.resolve("a"), s));
            byte[] b = Files.readAllBytes(JsonLinesWriter.file(tmp.resolve("b"), s));
            assertThat(a).as(s.code()).isNotEmpty().isEqualTo(b);
        }
        assertThat(second).isEqualTo(first);
        assertThat(second.toJson()).isEqualTo(first.toJson());
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path tmp) throws Exception {
        GroundTruth first = generate(SPEC, tmp.resolve("a"));
        GroundTruth other = generate(SPEC.withSeed(43L), tmp.resolve("c"));
        for (SourceType s : SourceType.values()) {
            assertThat(Files.readAllBytes(JsonLinesWriter.file(tmp.resolve("c"), s)))
                    .isNotEqualTo(Files.readAllBytes(JsonLinesWriter.file(tmp.resolve("a"), s)));
            // the split does not depend on the seed
            assertThat(other.emitted(s)).isEqualTo(first.emitted(s));
            assertThat(Files.readAllLines(JsonLinesWriter.file(tmp.resolve("c"), s)))
                    .hasSize((int) other.emitted(s));
        }
        assertThat(other.repeatPetitioners()).isNotEqualTo(first.repeatPetitioners());
        assertThat(other.overdueCases().caseIds())
                .isNotEqualTo(first.overdueCases().caseIds());
    }

    private static GroundTruth generate(GeneratorSpec spec, Path dir) throws Exception {
        try (JsonLinesWriter writer = new JsonLinesWriter(dir)) {
            return new SyntheticDataGenerator(spec).generate(writer);
        }
    }
}

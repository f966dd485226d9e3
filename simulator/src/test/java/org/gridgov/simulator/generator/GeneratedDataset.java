package org.gridgov.simulator.generator;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.RecordDecoder;

/**
 * A generated dataset held in memory with every line decoded, shared by the test classes of one JVM so each spec is
 * generated once. Decoding uses a clock fixed one day after the period, as a loader replaying the export would.
 */
final class GeneratedDataset {

    /** One emitted line in emission order. {@code decoded} is what {@link RecordDecoder} made of it. */
    record Line(int position, SourceType source, String key, String json, Decoded<SourceRecord> decoded) {
        boolean valid() {
            return decoded.isValid();
        }
    }

    private static final Map<GeneratorSpec, GeneratedDataset> CACHE = new ConcurrentHashMap<>();

    final GeneratorSpec spec;
    final GroundTruth truth;
    final List<Line> lines;

    private GeneratedDataset(GeneratorSpec spec, GroundTruth truth, List<Line> lines) {
        this.spec = spec;
        this.truth = truth;
        this.lines = lines;
    }

    static GeneratedDataset of(GeneratorSpec spec) {
        return CACHE.computeIfAbsent(spec, GeneratedDataset::generate);
    }

    static GeneratedDataset demo() {
        return of(GeneratorSpec.demo());
    }

    static RecordDecoder decoderFor(GeneratorSpec spec) {
        LocalDateTime after = spec.periodEnd().plusDays(1);
        return new RecordDecoder(
                District.licheng(),
                CategoryCatalog.standard(),
                Clock.fixed(after.atZone(RecordDecoder.ZONE).toInstant(), RecordDecoder.ZONE));
    }

    private static GeneratedDataset generate(GeneratorSpec spec) {
        RecordDecoder decoder = decoderFor(spec);
        List<Line> lines = new ArrayList<>();
        try {
            GroundTruth truth = new SyntheticDataGenerator(spec)
                    .generate((source, key, json) ->
                            lines.add(new Line(lines.size(), source, key, json, decoder.decode(source, json))));
            return new GeneratedDataset(spec, truth, List.copyOf(lines));
        } catch (Exception e) {
            throw new IllegalStateException("generation failed for " + spec, e);
        }
    }

    Stream<Line> lines(SourceType source) {
        return lines.stream().filter(l -> l.source() == source);
    }

    /** The valid records of a source, in emission order. */
    <T extends SourceRecord> List<T> valid(SourceType source, Class<T> type) {
        return lines(source)
                .filter(Line::valid)
                .map(l -> type.cast(l.decoded().value()))
                .toList();
    }
}

package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.Decoded;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.common.validation.RecordDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each defect on each source is rejected for the reason it stands for. */
class DefectInjectorTest {

    private final GeneratedDataset data = GeneratedDataset.demo();
    private final RecordDecoder decoder = GeneratedDataset.decoderFor(data.spec);
    private final DefectInjector injector = new DefectInjector();

    @ParameterizedTest
    @EnumSource(SourceType.class)
    void everyApplicableDefectIsRejectedForItsReason(SourceType source) {
        SourceRecord sample = data.lines(source)
                .filter(GeneratedDataset.Line::valid)
                .findFirst()
                .orElseThrow()
                .decoded()
                .value();
        SplittableRandom r = new SplittableRandom(1);
        for (Defect d : Defect.values()) {
            if (!d.appliesTo(source)) {
                continue;
            }
            for (int ordinal = 0; ordinal < 2; ordinal++) {
                DefectInjector.Broken b = injector.apply(sample, d, ordinal, r);
                Decoded<SourceRecord> decoded = decoder.decode(source, b.line());
                assertThat(decoded.isValid()).as(d + " on " + source).isFalse();
                String fields = decoded.reason();
                switch (d) {
                    case BAD_ID_CARD_CHECKSUM ->
                        assertThat(fields).contains("id_card").contains("checksum");
                    case MISSING_REQUIRED_FIELD -> {
                        assertThat(fields).contains("required field is missing");
                        assertThat(b.key()).isEqualTo(ordinal == 0 ? null : sample.recordId());
                    }
                    case OUTSIDE_DISTRICT -> assertThat(fields).contains("outside");
                    case MALFORMED_TIME -> assertThat(fields).contains(DefectInjector.MALFORMED_TIME);
                    case UNKNOWN_ENUM_VALUE -> assertThat(fields).contains("is not one of");
                    case UNKNOWN_CATEGORY -> assertThat(fields).contains("unknown category");
                    case NOT_JSON -> assertThat(fields).contains("not valid JSON");
                    case OVERSIZED_CONTENT -> assertThat(fields).contains("longer than");
                    default -> throw new AssertionError(d);
                }
                if (d != Defect.MISSING_REQUIRED_FIELD) {
                    assertThat(b.key()).isEqualTo(sample.recordId());
                }
            }
        }
    }

    @Test
    void wrongCheckCharacterIsAlwaysWrong() {
        SplittableRandom r = new SplittableRandom(7);
        String valid =
                IdCardNumber.of("370112", LocalDateTime.of(1980, 5, 6, 0, 0).toLocalDate(), 123);
        for (int i = 0; i < 200; i++) {
            String broken = DefectInjector.withWrongCheck(valid, r);
            assertThat(broken).hasSize(18).startsWith(valid.substring(0, 17));
            assertThat(IdCardNumber.problem(broken))
                    .hasValueSatisfying(p -> assertThat(p).contains("checksum"));
        }
    }
}

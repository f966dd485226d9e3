package org.gridgov.cases.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.common.io.TsvTable;
import org.gridgov.simulator.duplicates.PlantedDuplicates;
import org.junit.jupiter.api.Test;

class TextSignatureTest {

    @Test
    void storedFormHoldsTheNormAndOneSortedEntryPerTerm() {
        String text = "路灯不亮已经一周了，晚上很黑";
        Map<String, Double> f = TextSimilarity.features("", text);
        byte[] b = TextSignature.of("", text).bytes();
        assertThat(b).hasSize(8 + 12 * f.size());
        assertThat(TextSignature.valid(b)).isTrue();
        assertThat(TextSignature.of("", text).cosine(b)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void cosineMatchesTheFeatureMapsIncludingRepeatedTerms() {
        String a = "路灯不亮，路灯不亮，晚上很黑";
        String b = "这边的路灯一直不亮，晚上走路很黑";
        double maps = TextSimilarity.cosine(TextSimilarity.features("路灯", a), TextSimilarity.features("", b));
        assertThat(maps).isBetween(0.2, 0.99);
        assertThat(TextSignature.of("路灯", a).cosine(TextSignature.of("", b).bytes()))
                .isCloseTo(maps, within(1e-9));
        assertThat(TextSignature.of("", b).cosine(TextSignature.of("路灯", a).bytes()))
                .isCloseTo(maps, within(1e-9));
    }

    /**
     * {@code of(title, description)} hashes the terms as they are found, without the feature map; its stored form
     * must be the map's byte for byte, or signatures stored before and after would not compare.
     */
    @Test
    void theDirectSignatureIsTheFeatureMapsByteForByte() throws Exception {
        List<String[]> texts = new ArrayList<>();
        for (PlantedDuplicates.Report r : PlantedDuplicates.generate(20_261, 60)) {
            texts.add(new String[] {r.title(), r.description()});
        }
        try (Reader in = new InputStreamReader(
                        Objects.requireNonNull(getClass().getResourceAsStream("/duplicates/hand-written-pairs.tsv")),
                        StandardCharsets.UTF_8);
                TsvTable t = TsvTable.open(in, "hand-written-pairs.tsv")) {
            for (TsvTable.Line l : t) {
                texts.add(new String[] {"", l.cell(t.column("text_a"))});
                texts.add(new String[] {"", l.cell(t.column("text_b"))});
            }
        }
        // repeats, Latin letters and digits, a character outside the BMP (4 UTF-8 bytes), nothing at all
        texts.add(new String[] {"路灯路灯", "路灯不亮，路灯不亮，路灯不亮 LED 12345 号楼"});
        texts.add(new String[] {"𠀀𠀁漏水", "楼上漏水𠀀𠀁，墙面发霉"});
        texts.add(new String[] {"", ""});
        assertThat(texts).hasSizeGreaterThan(100);
        for (String[] t : texts) {
            assertThat(TextSignature.of(t[0], t[1]).bytes())
                    .as(t[0] + " / " + t[1])
                    .isEqualTo(FeatureMapSignature.bytes(TextSimilarity.features(t[0], t[1])));
        }
    }

    @Test
    void anEmptyTextIsLikeNothing() {
        byte[] empty = TextSignature.of("", "").bytes();
        assertThat(TextSignature.valid(empty)).isTrue();
        assertThat(TextSignature.of("", "垃圾桶满了没人清运").cosine(empty)).isZero();
        assertThat(TextSignature.of("", "")
                        .cosine(TextSignature.of("", "垃圾桶满了没人清运").bytes()))
                .isZero();
    }

    @Test
    void malformedStoredFormsAreNotValid() {
        assertThat(TextSignature.valid(null)).isFalse();
        assertThat(TextSignature.valid(new byte[3])).isFalse();
        assertThat(TextSignature.valid(new byte[8 + 13])).isFalse();
    }

    @Test
    void differentTermsGetDifferentHashes() {
        assertThat(FeatureMapSignature.hash("b:路灯")).isNotEqualTo(FeatureMapSignature.hash("b:灯路"));
        assertThat(FeatureMapSignature.hash("w:井盖")).isNotEqualTo(FeatureMapSignature.hash("b:井盖"));
    }
}

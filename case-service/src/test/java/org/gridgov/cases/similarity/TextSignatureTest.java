package org.gridgov.cases.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TextSignatureTest {

    @Test
    void storedFormHoldsTheNormAndOneSortedEntryPerTerm() {
        Map<String, Double> f = TextSimilarity.features("", "路灯不亮已经一周了，晚上很黑");
        byte[] b = TextSignature.of(f).bytes();
        assertThat(b).hasSize(8 + 12 * f.size());
        assertThat(TextSignature.valid(b)).isTrue();
        assertThat(TextSignature.of(f).cosine(b)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void cosineMatchesTheFeatureMapsIncludingRepeatedTerms() {
        String a = "路灯不亮，路灯不亮，晚上很黑";
        String b = "这边的路灯一直不亮，晚上走路很黑";
        double maps = TextSimilarity.cosine(TextSimilarity.features("路灯", a), TextSimilarity.features("", b));
        assertThat(maps).isBetween(0.2, 0.99);
        assertThat(TextSignature.of("路灯", a).cosine(TextSignature.of("", b).bytes())).isCloseTo(maps, within(1e-9));
        assertThat(TextSignature.of("", b).cosine(TextSignature.of("路灯", a).bytes())).isCloseTo(maps, within(1e-9));
    }

    @Test
    void anEmptyTextIsLikeNothing() {
        byte[] empty = TextSignature.of("", "").bytes();
        assertThat(TextSignature.valid(empty)).isTrue();
        assertThat(TextSignature.of("", "垃圾桶满了没人清运").cosine(empty)).isZero();
        assertThat(TextSignature.of("", "").cosine(TextSignature.of("", "垃圾桶满了没人清运").bytes())).isZero();
    }

    @Test
    void malformedStoredFormsAreNotValid() {
        assertThat(TextSignature.valid(null)).isFalse();
        assertThat(TextSignature.valid(new byte[3])).isFalse();
        assertThat(TextSignature.valid(new byte[8 + 13])).isFalse();
    }

    @Test
    void differentTermsGetDifferentHashes() {
        assertThat(TextSignature.hash("b:路灯")).isNotEqualTo(TextSignature.hash("b:灯路"));
        assertThat(TextSignature.hash("w:井盖")).isNotEqualTo(TextSignature.hash("b:井盖"));
    }
}

package org.gridgov.batch.hotwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.nlp.GovSegmenter;
import org.junit.jupiter.api.Test;

/** The per-partition combiner counts texts, not occurrences, and emitting early only splits the same sums. */
class TextCountsTest {

    static final String HEATING = "市民反映：小区暖气不热，楼上暖气也不热，供暖温度不达标，请相关部门尽快处理。";
    static final String EBIKE = "市民反映：楼道内私拉电线给电动车充电，存在火灾隐患，请相关部门尽快处理。";

    /** Feeds the texts (month, street, category, content) and sums what is emitted per "month|scope|kind|key". */
    private static Map<String, Long> count(List<String[]> texts, int maxEntries) {
        TextCounts counts = new TextCounts(GovSegmenter.forTopics(), maxEntries);
        Map<String, Long> out = new TreeMap<>();
        int[] emitted = {0};
        TextCounts.Sink sink = (m, s, c, kind, key, docs) -> {
            out.merge(m + "|" + s + "|" + c + "|" + kind + "|" + key, docs, Long::sum);
            emitted[0]++;
        };
        for (String[] t : texts) {
            counts.add(t[0], t[1], t[2], t[3]);
            if (counts.full()) {
                counts.drain(sink);
            }
        }
        counts.drain(sink);
        out.put("emitted rows", (long) emitted[0]);
        return out;
    }

    private static List<String[]> texts() {
        return List.of(
                new String[] {"2024-02", "S1", "C0101", HEATING},
                new String[] {"2024-02", "S1", "C0101", HEATING},
                new String[] {"2024-02", "S2", "C0901", EBIKE},
                new String[] {"2024-01", "S1", "C0101", HEATING},
                new String[] {"2024-02", "S2", "C0901", null},
                new String[] {"2024-02", "S1", "C0101", HEATING});
    }

    @Test
    void countsTextsPerScopeAndWordPairAndRiskTerm() {
        Map<String, Long> c = count(texts(), TextCounts.MAX_ENTRIES);
        assertThat(c)
                .containsEntry("2024-02|STREET|S1|N|", 3L)
                .containsEntry("2024-02|CATEGORY|C0101|N|", 3L)
                .containsEntry("2024-02|DISTRICT|370112|N|", 5L)
                .containsEntry("2024-01|DISTRICT|370112|N|", 1L)
                // 暖气 twice in a text is one text
                .containsEntry("2024-02|STREET|S1|W|暖气", 3L)
                .containsEntry("2024-02|DISTRICT|370112|W|暖气", 3L)
                .containsEntry("2024-01|CATEGORY|C0101|W|暖气", 1L)
                .containsEntry("2024-02|STREET|S2|N|", 2L) // the null content is a text without words
                .containsEntry("2024-02|CATEGORY|C0901|K|", 1L)
                .containsEntry("2024-02|DISTRICT|370112|K|", 1L)
                .containsEntry("2024-02|STREET|S2|W|电动车", 1L)
                .containsEntry("2024-02|CATEGORY|C0901|P|电动车\t充电", 1L)
                .containsEntry("2024-02|DISTRICT|370112|R|火灾隐患", 1L)
                .doesNotContainKey("2024-02|STREET|S1|K|")
                .doesNotContainKey("2024-02|STREET|S2|W|暖气")
                .doesNotContainKey("2024-02|DISTRICT|370112|W|相关部门");
    }

    @Test
    void emittingWhenFullSplitsTheSameSums() {
        Map<String, Long> whole = count(texts(), TextCounts.MAX_ENTRIES);
        Map<String, Long> early = count(texts(), 3);
        assertThat(early.get("emitted rows")).isGreaterThan(whole.get("emitted rows"));
        early.remove("emitted rows");
        whole.remove("emitted rows");
        assertThat(early).isEqualTo(whole);
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> new TextCounts(GovSegmenter.forTopics(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    private final GovSegmenter segmenter = new GovSegmenter();
    private final Keywords keywords = new Keywords(segmenter);

    @Test
    void textRankPicksTopicWordsNotBoilerplate() {
        String text = "市民反映：供暖季开始后，花园社区暖气一直不热，供暖温度不达标，热力公司多次上门未解决，"
                + "暖气片冰凉，家中老人受冻，请相关部门督促热力公司尽快处理供暖问题。";
        List<String> top = keywords.of(text, 5);
        assertThat(top).hasSize(5).contains("供暖", "热力公司");
        assertThat(keywords.of(text, 10)).contains("暖气");
        assertThat(keywords.of(text, 10)).doesNotContain("市民", "反映", "相关部门", "花园社区", "处理");
        assertThat(keywords.of(text, 10)).allSatisfy(w -> assertThat(segmenter.contentWords(text)).contains(w));
    }

    @Test
    void blankTextHasNoKeywords() {
        assertThat(keywords.of(" ", 5)).isEmpty();
        assertThat(keywords.of(null, 5)).isEmpty();
    }
}

package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    private final GovSegmenter segmenter = new GovSegmenter();
    private final Keywords keywords = new Keywords(segmenter);

    @Test
    void textRankPicksTopicWordsNotBoilerplate() {
        String text = "市民反映：供暖季开始后，花园社区暖气一直不热，供暖温度不达标，热力公司多次上门未解决，" + "暖气片冰凉，家中老人受冻，请相关部门督促热力公司尽快处理供暖问题。";
        List<String> top = keywords.of(text, 5);
        assertThat(top).hasSize(5).contains("供暖", "热力公司");
        assertThat(keywords.of(text, 10)).contains("暖气");
        assertThat(keywords.of(text, 10)).doesNotContain("市民", "反映", "相关部门", "花园社区", "处理");
        assertThat(keywords.of(text, 10))
                .allSatisfy(w -> assertThat(segmenter.contentWords(text)).contains(w));
    }

    @Test
    void aLettersSalutationClosingAndPhrasingAreNotKeywords() {
        String letter = "尊敬的领导：\n您好！请问国家对乡村教师生活补助有什么政策规定？我们A7县冷水镇的乡村教师已经两年没有领到" + "生活补助，教师工资也被拖欠。希望领导重视，谢谢！\n此致\n敬礼！";
        List<String> top = keywords.of(letter, 5);
        assertThat(top).contains("教师").containsAnyOf("生活补助", "补助", "乡村教师");
        assertThat(top)
                .doesNotContainAnyElementsOf(List.of("尊敬", "领导", "您好", "请问", "国家", "政策", "规定", "希望", "谢谢", "敬礼"));
    }

    @Test
    void blankTextHasNoKeywords() {
        assertThat(keywords.of(" ", 5)).isEmpty();
        assertThat(keywords.of(null, 5)).isEmpty();
    }
}

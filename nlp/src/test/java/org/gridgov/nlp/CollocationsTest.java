package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollocationsTest {

    private final GovSegmenter segmenter = new GovSegmenter();

    @Test
    void topicWordsLeaveOutLetterPhrasingAndPairOnlyWordsThatTouch() {
        TopicWords t = TopicWords.of("尊敬的领导：您好！请问楼道里给电动车充电是否符合国家规定？我们的工作没法做了。谢谢！", segmenter);
        assertThat(t.words())
                .contains("楼道", "电动车", "充电")
                .doesNotContain("尊敬", "领导", "您好", "请问", "是否", "国家", "规定", "工作", "谢谢");
        assertThat(t.pairs()).contains("电动车\t充电").noneMatch(p -> p.startsWith("楼道\t"));
        assertThat(TopicWords.phrase("电动车\t充电")).isEqualTo("电动车充电");
        assertThat(TopicWords.of(" ", segmenter).words()).isEmpty();
    }

    @Test
    void scoresAreThoseOfTheTwoByTwoTable() {
        // 20 of 200 texts hold both words, each word is in exactly those 20: ten times what chance predicts
        assertThat(Collocations.pmi(20, 20, 20, 200)).isCloseTo(Math.log(10), within(1e-12));
        assertThat(Collocations.llr(20, 20, 20, 200))
                .isCloseTo(
                        2
                                * (20 * Math.log(20)
                                        + 180 * Math.log(180)
                                        + 200 * Math.log(200)
                                        - 2 * 20 * Math.log(20)
                                        - 2 * 180 * Math.log(180)),
                        within(1e-9));
        // independence: no association
        assertThat(Collocations.pmi(10, 100, 20, 200)).isCloseTo(0, within(1e-12));
        assertThat(Collocations.llr(10, 100, 20, 200)).isCloseTo(0, within(1e-9));
    }

    @Test
    void wordsThatTravelTogetherBecomePhrasesAndCommonNeighboursDoNot() {
        List<TopicWords> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            texts.add(TopicWords.of("楼道里有人给电动车充电，存在火灾隐患", segmenter));
            texts.add(TopicWords.of("小区物业不管事，物业费还涨价", segmenter));
            texts.add(TopicWords.of("暖气不热，小区物业说不归他们管", segmenter));
            texts.add(TopicWords.of("我家房顶漏水好几年了，房顶漏水没人修", segmenter));
        }
        texts.add(TopicWords.of("电动车维修店乱收费", segmenter));
        texts.add(TopicWords.of("电动车维修太贵了", segmenter));
        Collocations c = Collocations.learn(texts, Collocations.Settings.defaults());
        assertThat(c.phrases())
                .extracting(Collocations.Phrase::text)
                .contains("电动车充电", "房顶漏水")
                .doesNotContain("电动车维修"); // two texts: too few to tell
        assertThat(c.in(texts.get(0))).containsExactly("电动车充电");
        assertThat(c.isPhrase("房顶\t漏水")).isTrue();
        // below the document floor nothing is a phrase
        assertThat(Collocations.learn(texts.subList(0, 4), Collocations.Settings.defaults())
                        .phrases())
                .isEmpty();
    }
}

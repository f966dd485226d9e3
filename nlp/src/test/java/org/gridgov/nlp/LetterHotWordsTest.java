package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gridgov.nlp.corpus.TrainingLetters;
import org.gridgov.nlp.eval.IndependentLetters;
import org.junit.jupiter.api.Test;

/**
 * Hot words of a month of letters, ranked as the monthly job ranks them (texts containing the word × IDF over both
 * months): the letter phrasing that topped real letters never reaches the top 20, and topics planted in one month
 * surface there as phrases. The letters are both generators' (training and independent test), full of salutations,
 * 政策 and 规定.
 */
class LetterHotWordsTest {

    static final List<String> BOILERPLATE = List.of(
            "尊敬", "您好", "领导", "请问", "是否", "工作", "国家", "规定", "政策", "书记", "市长", "谢谢", "希望", "答复", "情况", "问题", "反映",
            "相关部门");
    static final List<String> PLANTED = List.of("楼道里给电动车充电太危险了", "我家房顶漏水好几个月了", "学校的校车超载严重");

    private final GovSegmenter segmenter = new GovSegmenter();

    @Test
    void boilerplateStaysOutOfTheTop20AndPlantedTopicsSurfaceAsPhrases() {
        List<String> last = month(700, 1L);
        List<String> current = month(700, 2L);
        Random r = new Random(3L);
        for (String topic : PLANTED) {
            for (int i = 0; i < 50; i++) {
                int at = r.nextInt(current.size());
                current.set(at, current.get(at) + topic + "。");
            }
        }
        List<TopicWords> lastWords =
                current.stream().map(t -> TopicWords.of(t, segmenter)).toList();
        List<TopicWords> all = new ArrayList<>(lastWords);
        last.forEach(t -> all.add(TopicWords.of(t, segmenter)));
        Collocations phrases = Collocations.learn(all, Collocations.Settings.defaults());

        Map<String, Integer> window = new HashMap<>();
        Map<String, Integer> month = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            TopicWords t = all.get(i);
            List<String> words = new ArrayList<>(t.words());
            words.addAll(phrases.in(t));
            for (String w : words) {
                window.merge(w, 1, Integer::sum);
                if (i < lastWords.size()) {
                    month.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> top = month.entrySet().stream()
                .sorted((a, b) -> Double.compare(
                        weight(b.getValue(), window.get(b.getKey()), all.size()),
                        weight(a.getValue(), window.get(a.getKey()), all.size())))
                .limit(20)
                .map(Map.Entry::getKey)
                .toList();
        System.out.println("top 20 of the month: " + top);
        assertThat(top).doesNotContainAnyElementsOf(BOILERPLATE);
        assertThat(top).contains("电动车充电", "房顶漏水", "校车超载");
    }

    private static double weight(int docs, int windowDocs, int texts) {
        return docs * (Math.log((1.0 + texts) / (1.0 + windowDocs)) + 1);
    }

    /** Half training-generator letters, half independent-generator letters. */
    private static List<String> month(int texts, long seed) {
        Random r = new Random(seed);
        List<String> training = new ArrayList<>();
        TrainingLetters.standard().generate(20, seed).forEach(t -> training.add(t.text()));
        List<String> independent = new ArrayList<>();
        IndependentLetters.standard().letters(80, 4, seed).forEach(t -> independent.add(t.subject() + "\n" + t.text()));
        Collections.shuffle(training, r);
        Collections.shuffle(independent, r);
        List<String> out = new ArrayList<>(training.subList(0, texts / 2));
        out.addAll(independent.subList(0, texts - texts / 2));
        Collections.shuffle(out, r);
        return out;
    }
}

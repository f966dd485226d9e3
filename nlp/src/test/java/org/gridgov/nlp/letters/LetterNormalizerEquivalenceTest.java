package org.gridgov.nlp.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.nlp.eval.IndependentLetters;
import org.junit.jupiter.api.Test;

/**
 * {@link LetterNormalizer} with its triggers found in one scan and its label, subject and second tidy guarded equals
 * {@link ReferenceLetterNormalizer} (the unguarded original, which {@code TopicWordsEquivalenceTest} also compares with),
 * letter for letter: on the texts of
 * {@code TopicWordsEquivalenceTest} (hotline templates, both letter generators, the hand-written letters), on the
 * independent test set (its generator's 1,320 letters at the committed size and seed, and the hand-written ones), and
 * on random strings drawn from the characters and words every rule reacts to, one argument and two.
 */
class LetterNormalizerEquivalenceTest {

    /** Pieces random texts are made of: each rule's triggers, its words, blanks, line breaks and marks. */
    private static final String[] PIECES = {
        "尊敬的",
        "领导",
        "书记",
        "市长",
        "您好",
        "你好",
        "大家好",
        "好",
        "：",
        ":",
        "，",
        ",",
        "。",
        "！",
        "!",
        "？",
        "?",
        "；",
        "、",
        " ",
        "  ",
        "\t",
        "\u3000",
        "\u00a0",
        "\n",
        "\r\n",
        "\r",
        "主题",
        "标题",
        "事由",
        "留言主题",
        "详情",
        "内容",
        "问题描述",
        "留言",
        "电话",
        "手机",
        "联系方式",
        "微信",
        "QQ",
        "邮箱",
        "138 1234 5678",
        "12345",
        "2019年",
        "7月",
        "3月5日",
        "2020-03-05",
        "10:30",
        "一九九八年",
        "〇",
        "零",
        "三月",
        "A",
        "K8",
        "Ａ７",
        "县",
        "市",
        "区",
        "镇",
        "村",
        "小区",
        "社区",
        "某某",
        "XX",
        "xx",
        "××",
        "**",
        "＊＊",
        "Ｘ",
        "张先生",
        "王女士",
        "李某",
        "先",
        "女",
        "某",
        "一位",
        "某名",
        "一群",
        "市民",
        "业主",
        "网友",
        "敬上",
        "拜上",
        "敬礼",
        "此致",
        "谢谢",
        "盼复",
        "市民反映",
        "请相关部门尽快处理",
        "现将有关情况反映如下",
        "暖气",
        "不热",
        "电动车",
        "充电",
        "物业",
        "收费",
        "噪音",
        "扰民",
        "亲爱的",
        "敬爱的",
        "我"
    };

    @Test
    void equalsTheOldNormaliserOnTheCorporaAndTheIndependentLetters() {
        List<String> texts = new ArrayList<>(TopicWordsEquivalenceTest.texts());
        List<IndependentLetters.TestLetter> independent =
                IndependentLetters.standard().letters(150, 6, 11L);
        assertThat(independent).hasSize(1_320);
        independent.forEach(l -> texts.add(l.subject() + "\n" + l.text()));
        IndependentLetters.handwritten().forEach(l -> texts.add(l.subject() + "\n" + l.text()));
        int changed = 0;
        for (String text : texts) {
            Letter old = ReferenceLetterNormalizer.normalize(text);
            assertThat(LetterNormalizer.normalize(text)).as(text).isEqualTo(old);
            changed += old.text().equals(text.strip()) ? 0 : 1;
        }
        for (IndependentLetters.TestLetter l : independent) {
            assertThat(LetterNormalizer.normalize(l.subject(), l.text()))
                    .as(l.text())
                    .isEqualTo(ReferenceLetterNormalizer.normalize(l.subject(), l.text()));
        }
        // the comparison has teeth: most letters are changed by the normaliser
        assertThat(changed).isGreaterThan(1_000);
    }

    @Test
    void equalsTheOldNormaliserOnRandomStrings() {
        SplittableRandom r = new SplittableRandom(15);
        int changed = 0;
        for (int i = 0; i < 60_000; i++) {
            String text = random(r);
            Letter old = ReferenceLetterNormalizer.normalize(text);
            assertThat(LetterNormalizer.normalize(text)).as("%s", text).isEqualTo(old);
            String subject = random(r);
            assertThat(LetterNormalizer.normalize(subject, text))
                    .as("%s / %s", subject, text)
                    .isEqualTo(ReferenceLetterNormalizer.normalize(subject, text));
            changed += old.text().equals(text.strip()) ? 0 : 1;
        }
        assertThat(changed).isGreaterThan(30_000);
    }

    @Test
    void tidyOfATidyTextIsTheText() {
        // what lets the normaliser skip its last tidy when the signature step left the text alone
        SplittableRandom r = new SplittableRandom(16);
        for (int i = 0; i < 50_000; i++) {
            String once = LetterNormalizer.tidy(random(r));
            assertThat(LetterNormalizer.tidy(once)).as("%s", once).isEqualTo(once);
        }
    }

    private static String random(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int pieces = r.nextInt(25);
        for (int p = 0; p < pieces; p++) {
            if (r.nextInt(4) == 0) {
                sb.append((char) r.nextInt(0x20, 0xFFFF)); // any character now and then
            } else {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
        }
        return sb.toString();
    }
}

package org.gridgov.nlp.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterNormalizerTest {

    private static final String LETTER = """
            尊敬的A市领导：
            您好！我是K8县的一名乡村教师，2019年7月参加工作，想咨询一下乡村教师生活补助的问题。根据国家政策规定，在乡村学校\
            任教的教师应享受补助，但我们A7县冷水镇中心小学的老师至今没有领到，请问这是否符合规定？望领导重视，谢谢！
            此致
            敬礼！
            一位普通教师
            2020年3月5日""";

    @Test
    void stripsSalutationClosingSignatureDatesAndPlaceCodesButKeepsTheTopic() {
        Letter l = LetterNormalizer.normalize(LETTER);
        assertThat(l.subject()).isEmpty();
        assertThat(l.body())
                .startsWith("我是")
                .contains("乡村教师生活补助", "冷水镇中心小学", "请问这是否符合规定")
                .doesNotContain("尊敬", "领导", "您好", "A市", "K8县", "A7县", "2019年", "3月5日", "此致", "敬礼", "谢谢", "一位普通教师");
    }

    @Test
    void aShortFirstLineIsTheSubject() {
        Letter l = LetterNormalizer.normalize(
                "关于A市B2小区供暖不热的问题\n胡书记您好：B2小区从去年冬天开始暖气就一直不热，" + "室温只有十五度。联系电话：138 1234 5678。盼复！");
        assertThat(l.subject()).isEqualTo("关于小区供暖不热的问题");
        assertThat(l.body()).isEqualTo("小区从去年冬天开始暖气就一直不热，室温只有十五度。");
        assertThat(l.text()).isEqualTo("关于小区供暖不热的问题。小区从去年冬天开始暖气就一直不热，室温只有十五度。");
    }

    @Test
    void labelledSubjectAndDetailsAndAPlaceholderName() {
        Letter l = LetterNormalizer.normalize("主题：K8县人民医院乱收费\n详情：张先生的母亲在县人民医院住院，收费清单有重复收费。" + "希望领导能够重视。网友 敬上");
        assertThat(l.subject()).isEqualTo("人民医院乱收费");
        assertThat(l.body()).isEqualTo("的母亲在县人民医院住院，收费清单有重复收费。");
    }

    @Test
    void explicitSubjectAndBodyAreCleanedApart() {
        Letter l = LetterNormalizer.normalize("Ａ市公积金提取", "书记您好，我想问一下公积金提取需要什么手续？谢谢您！");
        assertThat(l.subject()).isEqualTo("公积金提取");
        assertThat(l.body()).isEqualTo("我想问一下公积金提取需要什么手续？");
    }

    @Test
    void hotlineNotesLoseOnlyTheirFormula() {
        assertThat(LetterNormalizer.normalize("市民来电反映：洪家楼街道某某小区楼下烧烤店油烟直排，请相关部门尽快处理。")
                        .body())
                .isEqualTo("洪家楼街道小区楼下烧烤店油烟直排，");
        // a title inside the text without a colon is content
        assertThat(LetterNormalizer.normalize("物业工作人员态度恶劣，书记也不管").body()).isEqualTo("物业工作人员态度恶劣，书记也不管");
    }

    @Test
    void emptyInputIsAnEmptyLetter() {
        assertThat(LetterNormalizer.normalize(null).isEmpty()).isTrue();
        assertThat(LetterNormalizer.normalize("  ").isEmpty()).isTrue();
        assertThat(LetterNormalizer.normalize("尊敬的领导：您好！谢谢！").isEmpty()).isTrue();
    }
}

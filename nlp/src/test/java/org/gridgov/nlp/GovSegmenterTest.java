package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GovSegmenterTest {

    private final GovSegmenter segmenter = new GovSegmenter();

    @Test
    void domainWordsAndDistrictNamesStayWhole() {
        assertThat(segmenter.tokens("网格员上门走访，发现欠薪问题，转12345热线")).contains("网格员", "欠薪", "12345热线");
        // without the domain dictionary HanLP reads 后山/大路/社区 here
        assertThat(segmenter.tokens("昨晚暴雨后山大路社区小区内积水严重"))
                .contains("山大路社区", "积水")
                .doesNotContain("后山");
        assertThat(segmenter.tokens("信访人反映：济南鑫禾盛建筑工程有限公司拖欠农民工工资")).contains("济南鑫禾盛建筑工程有限公司", "农民工工资");
        assertThat(segmenter.tokens("唐冶街道围子山社区楼道堆物严重")).contains("唐冶街道", "围子山社区", "楼道堆物");
    }

    @Test
    void domainWordsDoNotBreakCommonWords() {
        // forcing HanLP's whole custom dictionary read these as 人/民医院, 汽/车检/测站, 最/低工资, 小/区外
        assertThat(segmenter.tokens("我母亲在人民医院住院，医药费很贵"))
                .doesNotContain("人", "民医院")
                .containsAnyOf("人民医院", "人民");
        assertThat(segmenter.tokens("汽车检测站年检乱收费"))
                .doesNotContain("汽", "车检", "测站")
                .contains("汽车");
        assertThat(segmenter.tokens("公司给的工资低于最低工资标准"))
                .doesNotContain("最", "低工资")
                .containsAnyOf("最低工资", "最低");
        assertThat(segmenter.tokens("小区外的马路上全是积水")).doesNotContain("小", "区外").contains("小区", "积水");
        assertThat(segmenter.tokens("县医院的护士工资太低")).doesNotContain("院的").contains("医院", "护士");
        assertThat(segmenter.tokens("市场监督管理局不处理虚假广告")).contains("虚假广告");
    }

    @Test
    void contentWordsLeaveOutBoilerplatePlacesCompaniesNumbersAndPunctuation() {
        List<String> words = segmenter.contentWords("市民反映：我家住在全福街道花园社区，自供暖开始以来暖气一直不热，已经15天，请相关部门尽快处理。");
        assertThat(words)
                .contains("供暖", "暖气")
                .doesNotContain("市民", "反映", "相关部门", "部门", "尽快", "处理", "全福街道", "花园社区", "15", "，", "天");
        assertThat(segmenter.contentWords("信访人反映：济南鑫禾盛建筑工程有限公司拖欠工资"))
                .doesNotContain("济南鑫禾盛建筑工程有限公司", "信访人")
                .contains("拖欠工资");
        assertThat(words)
                .allSatisfy(w -> assertThat(w.codePointCount(0, w.length())).isGreaterThanOrEqualTo(2));
    }

    @Test
    void distinctContentWordsKeepFirstOccurrenceOrder() {
        assertThat(segmenter.distinctContentWords("快递柜收费，快递柜超时收费")).containsExactly("快递柜", "收费", "超时");
    }

    @Test
    void emptyAndNullTextsHaveNoWords() {
        assertThat(segmenter.terms(null)).isEmpty();
        assertThat(segmenter.contentWords("")).isEmpty();
        assertThat(segmenter.contentWords("，。！123 abc")).isEmpty();
    }

    @Test
    void segmentersOnDifferentThreadsAgreeWithOneSegmenterAlone() throws Exception {
        List<LabeledText> texts = TemplateCorpus.standard().fill(2, 5L);
        List<List<String>> expected =
                texts.stream().map(t -> segmenter.contentWords(t.text())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<String>>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> texts.stream()
                        .map(t -> GovSegmenter.perThread().contentWords(t.text()))
                        .toList()));
            }
            for (Future<List<List<String>>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(GovSegmenter.perThread()).isSameAs(GovSegmenter.perThread());
    }

    @Test
    void dictionaryHoldsTermsCategoriesDepartmentsAndTheDistrict() {
        DomainDictionary d = DomainDictionary.get();
        assertThat(d.contains("网格员")).isTrue();
        assertThat(d.contains("排水积水")).isTrue(); // category name
        assertThat(d.nature("区城乡水务局")).isEqualTo(DomainDictionary.ORGANISATION);
        assertThat(d.nature("洪家楼街道")).isEqualTo(DomainDictionary.PLACE);
        assertThat(d.nature("山大北路")).isEqualTo(DomainDictionary.PLACE); // a road
        assertThat(d.words().size()).isGreaterThan(400);
    }

    @Test
    void stopWordsCombineTheGovernanceListWithHanlps() {
        assertThat(StopWords.contains("相关部门")).isTrue();
        assertThat(StopWords.contains("的")).isTrue(); // HanLP's list
        assertThat(StopWords.contains("供暖")).isFalse();
        assertThat(StopWords.domain()).contains("市民", "反映");
    }

    @Test
    void longestMatchCutsTheListedPhrasesAsViterbiDoesAndNothingElse() {
        GovSegmenter longest = GovSegmenter.forTopics(GovSegmenter.Algorithm.LONGEST);
        // the core dictionary's longest word at 调 is 调查处 (an office): 调查处/理 before the cut was listed
        assertThat(longest.tokens("请相关部门调查处理。")).containsSubsequence("调查", "处理").doesNotContain("调查处");
        assertThat(longest.tokens("对此事进行调查处理")).endsWith("调查", "处理");
        // 调查处 not followed by 理 is still the office, and Viterbi never reads the cuts
        assertThat(longest.tokens("区调查处工作人员")).contains("调查处");
        assertThat(GovSegmenter.forTopics().tokens("请相关部门调查处理。")).containsSubsequence("调查", "处理");
    }
}

package org.gridgov.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.nlp.LabeledText;
import org.gridgov.nlp.TemplateCorpus;
import org.junit.jupiter.api.Test;

/**
 * The shipped letter model on typical texts; its figures on the independent set are
 * {@code IndependentEvaluationTest}'s.
 */
class LetterModelTest {

    private final LetterModel model = LetterModel.standard();
    private final TemplateCorpus corpus = TemplateCorpus.standard();

    @Test
    void standardClassifierRoutesTypicalComplaintsToTheirDepartment() {
        Prediction heating = model.classify("今年冬天家里暖气不热，室温只有十五度，热力公司不管");
        assertThat(heating.level2Name()).isEqualTo("供暖");
        assertThat(heating.department()).isEqualTo("区城市管理局");
        assertThat(heating.categoryProbability()).isBetween(0.5, 1.0);
        assertThat(model.classify("包工头拖欠我们十几个农民工的工资，年底了还不给结清").categoryCode()).isEqualTo("C0401");
        assertThat(model.classify("小区楼下烧烤店油烟直排，熏得没法开窗").level2Name()).isEqualTo("油烟污染");
        Map<String, Double> scores = model.scores("楼道里有很大的燃气味，担心泄漏");
        assertThat(scores).hasSize(CategoryCatalog.standard().all().size());
        assertThat(scores.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void lettersAboutTheTopicsRealLettersRaiseGoWhereHotlinesFileThem() {
        assertThat(model.classify("尊敬的领导：请问K8县新农合住院报销比例是多少？为什么报销这么少？").level1Name())
                .isEqualTo("劳动和社会保障");
        assertThat(model.classify("书记您好，A7县冷水镇中心小学的代课教师工资太低，希望落实政策").level1Name())
                .isEqualTo("教育文体");
        assertThat(model.classify("交房五年了开发商还不给办房产证，请领导关注").level1Name()).isEqualTo("城乡建设");
        assertThat(model.classify("快递员从来不送货上门，还要收保管费").level1Name()).isEqualTo("交通运输");
        assertThat(model.classify("我父亲被拉进了传销组织，天天被洗脑").level1Name()).isEqualTo("商贸旅游");
        assertThat(model.classify("村卫生室的村医补助好几年没涨了").level1Name()).isEqualTo("卫生计生");
    }

    @Test
    void aConfidentAnswerIsAutoDispatchedAndADoubtfulOneComesWithThreeSuggestions() {
        Prediction sure = model.classify("楼下饭店油烟直排，烟道就对着我家窗户，油烟味散不掉");
        assertThat(sure.confidence()).isGreaterThanOrEqualTo(model.threshold());
        assertThat(sure.autoDispatch()).isTrue();
        Prediction vague = model.classify("请问这个事情到底归哪个部门管？");
        assertThat(vague.autoDispatch()).isFalse();
        assertThat(vague.suggestions()).hasSize(3);
        assertThat(vague.suggestions())
                .extracting(Prediction.Suggestion::probability)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(sure.suggestions().get(0).category()).isEqualTo(sure.category());
        assertThat(model.classify("").autoDispatch()).isFalse();
        // the threshold is a setting: at 0 everything but an empty text goes out, at 1 nothing does
        assertThat(model.withThreshold(0).classify("请问这个事情到底归哪个部门管？").autoDispatch())
                .isTrue();
        assertThat(model.withThreshold(1).classify("楼下饭店油烟直排").autoDispatch()).isFalse();
        assertThatThrownBy(() -> model.withThreshold(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSubjectLineWeighsMoreThanABodySentence() {
        String body = "最近小区里的事情很多，一是垃圾清运不及时，二是楼道里电动车充电有安全隐患。";
        assertThat(model.classify("电动车楼道充电隐患", body).level2Name()).isEqualTo("消防安全");
        assertThat(model.classify("垃圾多日无人清运", body).level2Name()).isEqualTo("垃圾清运");
    }

    @Test
    void survivesJavaSerialisationLikeASparkBroadcast() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        LetterModel back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (LetterModel) in.readObject();
        }
        for (LabeledText t : corpus.fill(1, 3L)) {
            assertThat(back.classify(t.text())).isEqualTo(model.classify(t.text()));
        }
    }

    @Test
    void classifiesConcurrentlyWithTheSameAnswers() {
        List<LabeledText> texts = corpus.fill(2, 9L);
        List<String> sequential =
                texts.stream().map(t -> model.classify(t.text()).categoryCode()).toList();
        List<String> parallel = texts.parallelStream()
                .map(t -> model.classify(t.text()).categoryCode())
                .collect(Collectors.toList());
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void answersOnlyWithCategoriesInUse() {
        CategoryCatalog catalog = CategoryCatalog.standard();
        for (LabeledText t : corpus.fill(1, 5L)) {
            Prediction p = model.classify(t.text());
            assertThat(catalog.isActive(p.categoryCode())).as(t.text()).isTrue();
            assertThat(p.suggestions())
                    .allSatisfy(s ->
                            assertThat(catalog.isActive(s.category().code())).isTrue());
        }
    }
}

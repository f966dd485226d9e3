package org.gridgov.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.nlp.classify.Classifier;
import org.gridgov.nlp.classify.Evaluation;
import org.gridgov.nlp.classify.EvaluationReport;
import org.gridgov.nlp.classify.KeywordBaseline;
import org.gridgov.nlp.classify.LetterModel;
import org.gridgov.nlp.classify.NaiveBayesBaseline;
import org.gridgov.nlp.classify.Prediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on the independent letter set ({@link IndependentLetters}: its own generator and hand-written
 * letters, nothing shared with the training corpus but the class names), beside the keyword baseline and the old
 * naive Bayes. Printed over the seven classes of the real held-out letters and over every first-level class; the
 * floors are the targets. Nothing is tuned on this set: the model's settings and temperatures come from a
 * held-out split of the training generator (see {@code LetterTrainer}).
 */
class IndependentEvaluationTest {

    /** The first-level classes of the real letters the issue was measured on. */
    static final List<String> SEVEN = List.of("城乡建设", "环境保护", "交通运输", "劳动和社会保障", "教育文体", "卫生计生", "商贸旅游");

    private static final Map<String, Evaluation> RESULTS = new LinkedHashMap<>();
    private static Evaluation handwritten;
    private static List<IndependentLetters.TestLetter> letters;

    @BeforeAll
    static void classifyTheSet() {
        letters = IndependentTestSet.letters();
        Map<String, Classifier> classifiers = new LinkedHashMap<>();
        classifiers.put("letter model " + LetterModel.standard().version(), LetterModel.standard());
        classifiers.put("keyword counting (lexicon)", KeywordBaseline.standard());
        classifiers.put("old naive Bayes (templates)", NaiveBayesBaseline.standard());
        handwritten = new Evaluation();
        classifiers.forEach((name, c) -> {
            Evaluation e = new Evaluation();
            for (IndependentLetters.TestLetter l : letters) {
                Prediction p = c.classify(l.subject(), l.text());
                e.add(l.level1(), p);
                if (c == LetterModel.standard() && l.source().equals("handwritten")) {
                    handwritten.add(l.level1(), p);
                }
            }
            RESULTS.put(name, e);
        });
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8);
        String model = RESULTS.keySet().iterator().next();
        EvaluationReport.print(
                out,
                "independent letters, the seven classes",
                SEVEN,
                RESULTS,
                model,
                LetterModel.standard().threshold());
        EvaluationReport.print(
                out,
                "independent letters, every first-level class",
                model(RESULTS).goldClasses(),
                RESULTS,
                model,
                LetterModel.standard().threshold());
        out.printf("hand-written letters only: %d, accuracy %.3f%n", handwritten.size(), handwritten.accuracy());
        System.out.print(report.toString(StandardCharsets.UTF_8));
    }

    private static Evaluation model(Map<String, Evaluation> results) {
        return results.values().iterator().next();
    }

    @Test
    void theSetIsBroadAndIncludesHandWrittenLetters() {
        assertThat(letters.size()).isGreaterThan(1000);
        assertThat(model(RESULTS).goldClasses()).containsAll(SEVEN).hasSizeGreaterThanOrEqualTo(14);
        assertThat(handwritten.size()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void meetsTheTargetsOverTheSevenClassesAndBeatsBothBaselines() {
        Evaluation m = model(RESULTS);
        assertThat(m.accuracy(SEVEN)).isGreaterThanOrEqualTo(0.85);
        assertThat(m.macroF1(SEVEN)).isGreaterThanOrEqualTo(0.80);
        for (Evaluation baseline : RESULTS.values()) {
            if (baseline != m) {
                assertThat(m.accuracy(SEVEN)).isGreaterThan(baseline.accuracy(SEVEN));
                assertThat(m.macroF1(SEVEN)).isGreaterThan(baseline.macroF1(SEVEN));
            }
        }
        // the issue counted 32 % of predictions outside the seven
        assertThat(m.outside(SEVEN)).isLessThan(0.08);
        assertThat(handwritten.accuracy()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void holdsOverEveryFirstLevelClass() {
        Evaluation m = model(RESULTS);
        assertThat(m.accuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat(m.macroF1()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void confidenceMeansWhatItSays() {
        Evaluation m = model(RESULTS);
        assertThat(m.expectedCalibrationError()).isLessThan(0.06);
        for (Evaluation.Bin b : m.reliability()) {
            String bin = String.format("bin [%.1f, %.1f) of %d texts", b.from(), b.to(), b.texts());
            // no bin is overconfident beyond sampling error: that is the direction that misroutes cases
            if (b.texts() >= 30) {
                double sampling = 2 * Math.sqrt(b.meanConfidence() * (1 - b.meanConfidence()) / b.texts());
                assertThat(b.accuracy()).as(bin).isGreaterThan(b.meanConfidence() - 0.05 - sampling);
            }
            // and the bins that hold most texts lie on the diagonal
            if (b.texts() >= 100) {
                assertThat(Math.abs(b.meanConfidence() - b.accuracy())).as(bin).isLessThan(0.08);
            }
        }
    }

    @Test
    void autoDispatchedCasesAreRightAtLeastNineTimesInTen() {
        Evaluation m = model(RESULTS);
        assertThat(m.autoDispatchPrecision()).isGreaterThanOrEqualTo(0.90);
        assertThat(m.autoDispatchCoverage()).isGreaterThan(0.5);
    }
}

package org.gridgov.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.nlp.TemplateCorpus;
import org.junit.jupiter.api.Test;

/**
 * The old naive Bayes, kept as the baseline the letter model is measured against: its accuracy on held-out hotline
 * templates, as before (the figures are printed; the floors sit a little below them).
 */
class NaiveBayesBaselineTest {

    private static final int VARIANTS = 12;
    private final TemplateCorpus corpus = TemplateCorpus.standard();

    @Test
    void classifiesTemplatesItNeverSawFromTheLexiconAndTheOtherTemplates() {
        TemplateCorpus.Split split = corpus.byTemplate(VARIANTS, 7L);
        NaiveBayesBaseline.Evaluation withLexicon = NaiveBayesBaseline.train(
                        NaiveBayesBaseline.trainingTexts(split.train(), VARIANTS))
                .evaluate(split.test());
        NaiveBayesBaseline.Evaluation templatesOnly =
                NaiveBayesBaseline.train(split.train()).evaluate(split.test());
        System.out.printf(
                "held-out templates (%d texts): category %.3f, department %.3f; templates only: %.3f%n",
                withLexicon.texts(),
                withLexicon.categoryAccuracy(),
                withLexicon.departmentAccuracy(),
                templatesOnly.categoryAccuracy());
        assertThat(withLexicon.texts()).isGreaterThan(500);
        assertThat(withLexicon.categoryAccuracy()).isGreaterThanOrEqualTo(0.75);
        assertThat(withLexicon.departmentAccuracy()).isGreaterThanOrEqualTo(withLexicon.categoryAccuracy());
        assertThat(templatesOnly.categoryAccuracy()).isLessThan(withLexicon.categoryAccuracy());
    }

    @Test
    void classifiesNewFillingsOfKnownTemplatesAlmostPerfectly() {
        TemplateCorpus.Split split = corpus.byText(VARIANTS, 0.2, 11L);
        NaiveBayesBaseline.Evaluation e = NaiveBayesBaseline.train(
                        NaiveBayesBaseline.trainingTexts(split.train(), VARIANTS))
                .evaluate(split.test());
        System.out.printf("held-out texts of known templates (%d): category %.3f%n", e.texts(), e.categoryAccuracy());
        assertThat(e.categoryAccuracy()).isGreaterThanOrEqualTo(0.97);
    }
}
